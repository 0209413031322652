package io.linli.finance;

import io.linli.system.ApiError;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A calendar quarter, written {@code 2026-Q3}, as the 双晒 report names it. */
record Quarter(int year, int quarter) {

  private static final Pattern FORMAT = Pattern.compile("(\\d{4})-Q([1-4])");

  static Quarter parse(String field, String s) {
    Matcher m = FORMAT.matcher(s == null ? "" : s.trim());
    if (!m.matches()) throw ApiError.invalid(field, "季度格式应为 yyyy-Qn，例如 2026-Q3");
    Quarter q = new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    if (q.year < 2000 || q.year > 2100) throw ApiError.invalid(field, "季度年份须在2000年至2100年之间");
    return q;
  }

  YearMonth firstMonth() {
    return YearMonth.of(year, (quarter - 1) * 3 + 1);
  }

  boolean contains(YearMonth m) {
    return !m.isBefore(firstMonth()) && !m.isAfter(firstMonth().plusMonths(2));
  }

  LocalDate firstDay() {
    return firstMonth().atDay(1);
  }

  LocalDate lastDay() {
    return firstMonth().plusMonths(2).atEndOfMonth();
  }

  String label() {
    return year + "年第" + "一二三四".charAt(quarter - 1) + "季度";
  }

  @Override
  public String toString() {
    return year + "-Q" + quarter;
  }
}
