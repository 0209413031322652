package io.linli.supervision;

import io.linli.system.ApiError;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A calendar quarter, written {@code 2026-Q3}; its days are Beijing days. */
record EstateQuarter(int year, int quarter) {

  private static final Pattern FORMAT = Pattern.compile("(\\d{4})-Q([1-4])");

  static EstateQuarter parse(String s) {
    Matcher m = FORMAT.matcher(s == null ? "" : s.trim());
    if (!m.matches()) throw ApiError.invalid("quarter", "季度格式应为 yyyy-Qn，例如 2026-Q3");
    return new EstateQuarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  LocalDate firstDay() {
    return LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
  }

  LocalDate lastDay() {
    return firstDay().plusMonths(3).minusDays(1);
  }

  String label() {
    return year + "年第" + "一二三四".charAt(quarter - 1) + "季度";
  }

  @Override
  public String toString() {
    return year + "-Q" + quarter;
  }
}
