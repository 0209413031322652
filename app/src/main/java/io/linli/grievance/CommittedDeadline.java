package io.linli.grievance;

import io.linli.system.Times;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Reads the 承诺整改时限 a handler entered: a Date, an ISO date-time with offset (Camunda Forms'
 * datetime field), a local date-time (Beijing time) or a bare date (the end of that day).
 */
final class CommittedDeadline {

  private CommittedDeadline() {}

  static Instant parse(Object value) {
    if (value instanceof Date d) return d.toInstant();
    if (value == null || value.toString().isBlank()) {
      throw new BadUserRequestException("请填写承诺整改时限");
    }
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
      throw new BadUserRequestException("承诺整改时限格式无效：" + s);
    }
  }
}
