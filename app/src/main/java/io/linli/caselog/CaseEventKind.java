package io.linli.caselog;

/**
 * A kind of case event: its code (stored in case_event.event_type), the label the resident page
 * shows, and the notice residents receive for it. Each flow declares its own kinds (an enum); the
 * kinds every flow shares are {@link CommonEvent}.
 */
public interface CaseEventKind {

  /** The code stored in case_event.event_type, e.g. {@code RECEIVED}. */
  String name();

  /** 中文, as the resident page and the history show it. */
  String label();

  /**
   * What a resident subscribed to the case is told, or null when this kind sends no notice.
   *
   * @param note the event's note, which some notices quote
   */
  String notice(String note);

  /**
   * Whether the event's note may be shown to anyone who can see the case (a note the system wrote:
   * a tier, a case number, the channel). Notes staff or residents type are free text that can name
   * people: they are shown to the case's own resident and to staff only.
   */
  default boolean notePublic() {
    return false;
  }

  /** A notice text, with the event's note in brackets after it when {@code withNote}. */
  static String notice(String text, boolean withNote, String note) {
    if (text == null) return null;
    return withNote && note != null ? text + "（" + note + "）" : text;
  }
}
