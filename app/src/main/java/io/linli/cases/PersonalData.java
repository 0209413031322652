package io.linli.cases;

import java.time.Duration;

/**
 * The kinds of a resident's personal data that have a retention of their own, each set by {@code
 * linli.retention.<key>} (an ISO-8601 duration counted from the day the case closed; unset, {@code
 * linli.retention.personal-data}, default {@code P180D}). Rate-limit addresses are not bound to a
 * case: intake forgets them once their window and this retention have passed.
 */
public enum PersonalData {
  /** Contact name, phone, e-mail and notice addresses; watch tokens go with them. */
  CONTACTS("contacts"),
  /** Photos of the case. */
  PHOTOS("photos"),
  /**
   * Free text: what the resident wrote (descriptions, comments), staff notes and form input, in the
   * flows' tables, the case log, the SLA ledger and the engine's variables and history.
   */
  FREE_TEXT("free-text"),
  /** Notification messages: address, subject and body of every outbox row. */
  NOTIFICATION_BODIES("notification-bodies"),
  /** Client addresses in the abuse limits' windows (not bound to a case; default one hour). */
  RATE_LIMIT_IPS("rate-limit-ips");

  /** What a purged free-text column that may not be null holds instead. */
  public static final String ERASED = "（已按保留期限清除）";

  private final String key;

  PersonalData(String key) {
    this.key = key;
  }

  /** The setting's name under {@code linli.retention}. */
  public String key() {
    return key;
  }

  static Duration parse(String key, String value) {
    try {
      Duration d = Duration.parse(value.trim());
      if (d.isNegative() || d.isZero()) throw new IllegalArgumentException("not positive");
      return d;
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "linli.retention." + key + " is not a positive ISO-8601 duration: " + value, e);
    }
  }
}
