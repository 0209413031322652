package io.linli.calendar;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A community's office hours on a working day, e.g. {@code 08:30-12:00,14:00-18:00}: periods in
 * order, each start before its end, none overlapping, all within one day (Beijing time).
 */
public record WorkingHours(List<Period> periods) {

  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
  public static final WorkingHours DEFAULT = parse("08:30-12:00,14:00-18:00");

  public record Period(LocalTime start, LocalTime end) {
    @Override
    public String toString() {
      return HH_MM.format(start) + "-" + HH_MM.format(end);
    }
  }

  public WorkingHours {
    periods = List.copyOf(periods);
  }

  /**
   * @throws IllegalArgumentException with a Chinese message naming the period at fault
   */
  public static WorkingHours parse(String text) {
    if (text == null || text.isBlank())
      throw new IllegalArgumentException("请填写工作时间，如 08:30-12:00,14:00-18:00");
    List<Period> periods = new ArrayList<>();
    for (String part : text.split(",")) {
      String p = part.strip();
      String[] ends = p.split("-");
      if (ends.length != 2) throw new IllegalArgumentException("工作时段“" + p + "”的格式应为 08:30-12:00");
      LocalTime start;
      LocalTime end;
      try {
        start = LocalTime.parse(ends[0].strip(), HH_MM);
        end = LocalTime.parse(ends[1].strip(), HH_MM);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("工作时段“" + p + "”的格式应为 08:30-12:00");
      }
      if (!start.isBefore(end)) throw new IllegalArgumentException("工作时段“" + p + "”的开始须早于结束");
      if (!periods.isEmpty() && start.isBefore(periods.get(periods.size() - 1).end())) {
        throw new IllegalArgumentException("工作时段“" + p + "”与前一时段重叠或顺序颠倒");
      }
      periods.add(new Period(start, end));
    }
    if (periods.size() > 6) throw new IllegalArgumentException("工作时段最多6段");
    return new WorkingHours(periods);
  }

  @Override
  public String toString() {
    return periods.stream().map(Period::toString).collect(Collectors.joining(","));
  }
}
