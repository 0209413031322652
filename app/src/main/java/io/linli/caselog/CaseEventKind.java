package io.linli.caselog;

/**
 * A kind of case event: its code (stored in case_event.event_type), the label the resident page
 * shows, the notice residents receive for it and whether its note is public. Each flow declares its
 * own kinds (an enum holding one {@link Text} per constant); the kinds every flow shares are {@link
 * CommonEvent}.
 */
public interface CaseEventKind {

  /** The code stored in case_event.event_type, e.g. {@code RECEIVED}. */
  String name();

  Text text();

  /** 中文, as the resident page and the history show it. */
  default String label() {
    return text().label();
  }

  /**
   * What a resident subscribed to the case is told, or null when this kind sends no notice.
   *
   * @param note the event's note, which some notices quote in brackets
   */
  default String notice(String note) {
    Text t = text();
    if (t.notice() == null) return null;
    return t.quotesNote() && note != null ? t.notice() + "（" + note + "）" : t.notice();
  }

  /**
   * Whether the event's note may be shown to anyone who can see the case (a note the system wrote:
   * a tier, a case number, the channel). Notes staff or residents type are free text that can name
   * people: they are shown to the case's own resident and to staff only.
   */
  default boolean notePublic() {
    return text().notePublic();
  }

  /**
   * Whether this event moves the case between teams or steps against the flow's direction (转单, 退单,
   * 拒单): supervisors count these per company, so a company that bounces cases shows up.
   */
  default boolean move() {
    return false;
  }

  /**
   * @param notice what residents are told, null for no notice
   * @param quotesNote the notice quotes the event's note in brackets
   * @param notePublic see {@link CaseEventKind#notePublic()}
   */
  record Text(String label, String notice, boolean quotesNote, boolean notePublic) {

    public static Text of(String label) {
      return new Text(label, null, false, false);
    }

    public Text notice(String text) {
      return new Text(label, text, false, notePublic);
    }

    public Text noticeQuotingNote(String text) {
      return new Text(label, text, true, notePublic);
    }

    public Text publicNote() {
      return new Text(label, notice, quotesNote, true);
    }
  }
}
