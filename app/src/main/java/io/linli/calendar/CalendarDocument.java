package io.linli.calendar;

import io.linli.system.ApiError;
import io.linli.system.ApiError.FieldMessage;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Calendar data as it is shipped ({@code calendar/china.json}) and loaded through the API: years,
 * each with its listed days — a single date or a range ({@code date} to {@code to}, inclusive).
 * {@link #validate} refuses, with a message naming the date: a date listed twice, a date outside
 * its year, a makeup working day that is not a Saturday or Sunday; and a year not given.
 */
public record CalendarDocument(List<YearEntry> years) {

  public record YearEntry(Integer year, String source, List<DayEntry> days) {}

  public record DayEntry(String date, String to, String kind, String name) {}

  /** A validated year: every listed date once, in order. */
  public record Year(int year, String source, List<Day> days) {}

  public record Day(LocalDate date, DayKind kind, String name) {}

  /** The national schedule shipped with Linli, on the classpath. */
  static final String SHIPPED = "calendar/china.json";

  public static final int MIN_YEAR = 2000;
  public static final int MAX_YEAR = 2100;
  static final int MAX_RANGE_DAYS = 31;

  /**
   * @param national the State Council's schedule: each year must list at least one holiday
   * @throws ApiError 400 with every field at fault
   */
  public List<Year> validate(boolean national) {
    List<FieldMessage> errors = new ArrayList<>();
    List<Year> result = new ArrayList<>();
    if (years == null || years.isEmpty()) {
      throw ApiError.invalid("years", "请至少提供一个年份的日历");
    }
    if (years.size() > 10) throw ApiError.invalid("years", "一次最多载入10个年份");
    Set<Integer> seenYears = new HashSet<>();
    for (int y = 0; y < years.size(); y++) {
      YearEntry entry = years.get(y);
      String at = "years[" + y + "]";
      if (entry == null || entry.year() == null) {
        errors.add(new FieldMessage(at + ".year", "缺少年份：请写明这份日历是哪一年的"));
        continue;
      }
      int year = entry.year();
      if (year < MIN_YEAR || year > MAX_YEAR) {
        errors.add(
            new FieldMessage(at + ".year", "年份须在" + MIN_YEAR + "到" + MAX_YEAR + "之间：" + year));
        continue;
      }
      if (!seenYears.add(year)) {
        errors.add(new FieldMessage(at + ".year", year + "年出现了两次"));
        continue;
      }
      if (entry.source() != null && entry.source().length() > 200) {
        errors.add(new FieldMessage(at + ".source", "来源不能超过200字"));
      }
      result.add(
          new Year(
              year,
              entry.source() == null ? null : entry.source().strip(),
              days(entry, at, national, errors)));
    }
    if (!errors.isEmpty()) throw ApiError.invalid(errors);
    return result;
  }

  private static List<Day> days(
      YearEntry entry, String at, boolean national, List<FieldMessage> errors) {
    int year = entry.year();
    List<DayEntry> listed = entry.days() == null ? List.of() : entry.days();
    if (national
        && listed.stream().noneMatch(d -> d != null && "HOLIDAY".equalsIgnoreCase(d.kind()))) {
      errors.add(new FieldMessage(at + ".days", year + "年的日历没有列出任何法定节假日"));
    }
    if (listed.size() > 200) {
      errors.add(new FieldMessage(at + ".days", "一年最多列出200条"));
      return List.of();
    }
    Map<LocalDate, Day> byDate = new HashMap<>();
    for (int i = 0; i < listed.size(); i++) {
      DayEntry d = listed.get(i);
      String field = at + ".days[" + i + "]";
      if (d == null) {
        errors.add(new FieldMessage(field, "空的条目"));
        continue;
      }
      LocalDate from = date(d.date(), field + ".date", errors);
      LocalDate to =
          d.to() == null || d.to().isBlank() ? from : date(d.to(), field + ".to", errors);
      DayKind kind = kind(d.kind(), field + ".kind", errors);
      String name = d.name() == null ? "" : d.name().strip();
      if (name.isEmpty()) errors.add(new FieldMessage(field + ".name", "请填写名称，如 春节"));
      else if (name.length() > 32) errors.add(new FieldMessage(field + ".name", "名称不能超过32字"));
      if (from == null || to == null || kind == null) continue;
      if (to.isBefore(from)) {
        errors.add(new FieldMessage(field + ".to", d.to() + " 早于开始日期 " + d.date()));
        continue;
      }
      if (from.plusDays(MAX_RANGE_DAYS).isBefore(to.plusDays(1))) {
        errors.add(
            new FieldMessage(
                field + ".to", d.date() + " 至 " + d.to() + " 超过" + MAX_RANGE_DAYS + "天"));
        continue;
      }
      for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
        String dayField = day.equals(from) ? field + ".date" : field + ".to";
        if (day.getYear() != year) {
          errors.add(new FieldMessage(dayField, day + " 不在" + year + "年内"));
          continue;
        }
        if (kind == DayKind.WORKDAY && !weekend(day)) {
          errors.add(
              new FieldMessage(dayField, day + " 是" + weekday(day) + "，调休上班日须为周六或周日（工作日本来就上班）"));
          continue;
        }
        Day before = byDate.putIfAbsent(day, new Day(day, kind, name));
        if (before != null) {
          errors.add(
              new FieldMessage(dayField, day + " 列出了两次（" + before.name() + "、" + name + "）"));
        }
      }
    }
    return byDate.values().stream().sorted(java.util.Comparator.comparing(Day::date)).toList();
  }

  private static LocalDate date(String text, String field, List<FieldMessage> errors) {
    if (text == null || text.isBlank()) {
      errors.add(new FieldMessage(field, "请填写日期，格式 2026-02-15"));
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      String shown = text.length() > 20 ? text.substring(0, 20) + "…" : text;
      errors.add(new FieldMessage(field, "日期“" + shown + "”无法识别，格式应为 2026-02-15"));
      return null;
    }
  }

  private static DayKind kind(String text, String field, List<FieldMessage> errors) {
    if (text != null) {
      try {
        return DayKind.valueOf(text.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        // reported below
      }
    }
    errors.add(new FieldMessage(field, "类型须为 HOLIDAY（放假）或 WORKDAY（调休上班）"));
    return null;
  }

  /** The shipped national schedule, validated; a gap between its years is a packaging error. */
  static List<Year> shippedYears() {
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .configure(
                com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                false);
    try (java.io.InputStream in =
        new org.springframework.core.io.ClassPathResource(SHIPPED).getInputStream()) {
      List<Year> years = json.readValue(in, CalendarDocument.class).validate(true);
      for (int i = 1; i < years.size(); i++) {
        if (years.get(i).year() != years.get(i - 1).year() + 1) {
          throw new IllegalStateException(
              SHIPPED + " misses the year " + (years.get(i - 1).year() + 1));
        }
      }
      return years;
    } catch (ApiError e) {
      throw new IllegalStateException(SHIPPED + " is invalid: " + e.fields(), e);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(SHIPPED + " cannot be read", e);
    }
  }

  static boolean weekend(LocalDate day) {
    return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  public static String weekday(LocalDate day) {
    return switch (day.getDayOfWeek()) {
      case MONDAY -> "星期一";
      case TUESDAY -> "星期二";
      case WEDNESDAY -> "星期三";
      case THURSDAY -> "星期四";
      case FRIDAY -> "星期五";
      case SATURDAY -> "星期六";
      case SUNDAY -> "星期日";
    };
  }
}
