package io.linli.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Optional;

/**
 * Reads a date-time a person entered: a Date, an ISO date-time with offset (Camunda Forms' datetime
 * field), a local date-time (Beijing time) or a bare date (the end of that day, Beijing time).
 */
public final class DateTimeInput {

  private DateTimeInput() {}

  /**
   * @return empty when the value is blank or cannot be read
   */
  public static Optional<Instant> parse(Object value) {
    if (value instanceof Date d) return Optional.of(d.toInstant());
    if (value == null || value.toString().isBlank()) return Optional.empty();
    String s = value.toString().trim();
    try {
      return Optional.of(OffsetDateTime.parse(s).toInstant());
    } catch (DateTimeParseException ignored) {
      // not with an offset
    }
    try {
      return Optional.of(LocalDateTime.parse(s).atZone(Times.BEIJING).toInstant());
    } catch (DateTimeParseException ignored) {
      // not a local date-time
    }
    try {
      return Optional.of(
          LocalDate.parse(s).plusDays(1).atStartOfDay(Times.BEIJING).toInstant().minusSeconds(1));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
