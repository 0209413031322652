package io.linli.system;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;

/** Beijing time for everything a person reads. */
public final class Times {

  public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter LABEL =
      DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").withZone(BEIJING);

  private Times() {}

  /** The engine's clock, which tests move with {@code ClockUtil}. */
  public static Instant now() {
    return org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant();
  }

  public static String label(Instant instant) {
    return instant == null ? "" : LABEL.format(instant);
  }

  public static String label(Date date) {
    return date == null ? "" : label(date.toInstant());
  }
}
