package io.linli.consultation;

import io.linli.system.Times;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Reads a date-time a form sent: a Date, an ISO date-time with offset (Camunda Forms' datetime
 * field), a local date-time (Beijing time) or a bare date (the end of that day). Refusals are
 * {@link BadUserRequestException}s, which Tasklist shows.
 */
final class FormDateTime {

  private FormDateTime() {}

  /**
   * @return null when the field was left empty
   */
  static Instant parse(Object value, String field) {
    if (value instanceof Date d) return d.toInstant();
    if (value == null || value.toString().isBlank()) return null;
    String s = value.toString().trim();
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException ignored) {
      // not with an offset
    }
    try {
      return LocalDateTime.parse(s).atZone(Times.BEIJING).toInstant();
    } catch (DateTimeParseException ignored) {
      // not a local date-time
    }
    try {
      return LocalDate.parse(s).plusDays(1).atStartOfDay(Times.BEIJING).toInstant().minusSeconds(1);
    } catch (DateTimeParseException e) {
      throw new BadUserRequestException(field + "格式无效：" + s);
    }
  }
}
