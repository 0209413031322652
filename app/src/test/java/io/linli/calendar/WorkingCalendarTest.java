package io.linli.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.linli.system.Times;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Unit tier: how the business calendar counts, on the shipped national schedule (2025, 2026) — the
 * 2026 Spring Festival and National Day weeks with their makeup Saturdays and Sundays, a year
 * boundary, working hours, a year nobody loaded, and a community's local days. Times are Beijing.
 */
class WorkingCalendarTest {

  static final WorkingCalendar CN = WorkingCalendar.shipped();

  static Instant at(String beijing) {
    return LocalDateTime.parse(beijing).atZone(Times.BEIJING).toInstant();
  }

  static Instant days(String from, int n) {
    return CN.plus(at(from), Duration.ofDays(n), Counting.WORKING_DAYS, null);
  }

  @Test
  @DisplayName("2026春节：周五起算两个工作日，2月14日（周六）调休上班计入，初一至初七放假不计，2月24日同一时刻到期")
  void springFestival2026() {
    assertThat(days("2026-02-13T10:00", 2)).isEqualTo(at("2026-02-24T10:00"));
    assertThat(CN.workingDay(LocalDate.of(2026, 2, 14), null)).as("调休上班的周六").isTrue();
    assertThat(CN.workingDay(LocalDate.of(2026, 2, 15), null)).as("春节第一天（周日）").isFalse();
    assertThat(CN.workingDay(LocalDate.of(2026, 2, 23), null)).as("春节最后一天（周一）").isFalse();
    assertThat(days("2026-02-14T09:00", 1)).as("在调休的周六起算").isEqualTo(at("2026-02-24T09:00"));
    assertThat(days("2026-02-16T11:00", 1))
        .as("假期中起算：从节后第一个工作日零点开始，到当天结束")
        .isEqualTo(at("2026-02-25T00:00"));
    assertThat(days("2026-02-27T15:00", 1)).as("2月28日（周六）调休上班").isEqualTo(at("2026-02-28T15:00"));
    assertThat(days("2026-02-28T15:00", 1)).as("之后的周日照常休息").isEqualTo(at("2026-03-02T15:00"));
  }

  @Test
  @DisplayName("2026国庆中秋：9月20日（周日）、10月10日（周六）调休上班计入，10月1日至7日不计")
  void nationalDay2026() {
    assertThat(days("2026-09-18T10:00", 2)).as("周六休息，周日9月20日上班").isEqualTo(at("2026-09-21T10:00"));
    assertThat(days("2026-09-30T16:00", 1)).isEqualTo(at("2026-10-08T16:00"));
    assertThat(days("2026-10-09T12:00", 1)).as("10月10日（周六）上班").isEqualTo(at("2026-10-10T12:00"));
    assertThat(days("2026-09-24T09:00", 2)).as("中秋9月25日至27日放假").isEqualTo(at("2026-09-29T09:00"));
  }

  @Test
  @DisplayName("跨年：2025年12月31日起算两个工作日，元旦1月1日至3日放假，1月4日（周日）调休上班，1月5日到期")
  void yearBoundary() {
    assertThat(days("2025-12-31T14:00", 2)).isEqualTo(at("2026-01-05T14:00"));
    assertThat(CN.plus(at("2025-12-31T22:00"), Duration.ofHours(4), Counting.WALL_CLOCK, null))
        .as("自然时间的4小时照常跨年")
        .isEqualTo(at("2026-01-01T02:00"));
  }

  @Test
  @DisplayName("北京时间没有夏令时：一个工作日恰好24小时，全年偏移都是+08:00")
  void noDaylightSaving() {
    assertThat(Duration.between(at("2026-03-06T10:00"), days("2026-03-06T10:00", 5)))
        .isEqualTo(Duration.ofDays(7));
    assertThat(Duration.between(at("2026-10-30T10:00"), days("2026-10-30T10:00", 5)))
        .isEqualTo(Duration.ofDays(7));
    for (LocalDate d = LocalDate.of(2025, 1, 1); d.getYear() < 2027; d = d.plusDays(1)) {
      assertThat(Times.BEIJING.getRules().getOffset(d.atStartOfDay()))
          .isEqualTo(ZoneOffset.ofHours(8));
    }
  }

  @Test
  @DisplayName("工作时间计时：默认08:30—12:00、14:00—18:00，午休和夜间不计，调休的周六计入，恰好在12:00用完即12:00到期")
  void workingHours() {
    assertThat(CN.plus(at("2026-02-13T17:00"), Duration.ofHours(4), Counting.WORKING_HOURS, null))
        .as("周五最后1小时，调休周六上午3小时")
        .isEqualTo(at("2026-02-14T11:30"));
    assertThat(
            CN.plus(at("2026-03-02T08:30"), Duration.ofMinutes(210), Counting.WORKING_HOURS, null))
        .isEqualTo(at("2026-03-02T12:00"));
    assertThat(CN.plus(at("2026-03-02T12:30"), Duration.ofHours(1), Counting.WORKING_HOURS, null))
        .as("午休中起算")
        .isEqualTo(at("2026-03-02T15:00"));
    assertThat(
            CN.plus(at("2026-03-02T20:00"), Duration.ofMinutes(20), Counting.WORKING_HOURS, null))
        .as("下班后起算")
        .isEqualTo(at("2026-03-03T08:50"));
  }

  @Test
  @DisplayName("未载入的年份（2027）按周一至周五上班计，并报告该年未载入")
  void yearNotLoaded() {
    assertThat(CN.yearLoaded(2026)).isTrue();
    assertThat(CN.yearLoaded(2027)).isFalse();
    assertThat(days("2027-01-08T10:00", 1)).isEqualTo(at("2027-01-11T10:00"));
  }

  @Test
  @DisplayName("社区的本地日子和工作时间优先于全国安排，其他社区不受影响")
  void communityLocalDays() {
    WorkingCalendar.Snapshot s =
        CalendarStore.snapshotOf(
            CalendarDocument.shippedYears(),
            Map.of(
                "tfsq",
                Map.of(
                    LocalDate.of(2026, 3, 9),
                    DayKind.HOLIDAY,
                    LocalDate.of(2026, 3, 14),
                    DayKind.WORKDAY)),
            Map.of("tfsq", WorkingHours.parse("09:00-17:00")),
            WorkingHours.DEFAULT);
    WorkingCalendar c = new WorkingCalendar(() -> s);
    Instant friday = at("2026-03-06T10:00");
    assertThat(c.plus(friday, Duration.ofDays(1), Counting.WORKING_DAYS, "tfsq"))
        .isEqualTo(at("2026-03-10T10:00"));
    assertThat(c.plus(friday, Duration.ofDays(1), Counting.WORKING_DAYS, "jdsq"))
        .isEqualTo(at("2026-03-09T10:00"));
    assertThat(c.plus(at("2026-03-13T16:00"), Duration.ofHours(2), Counting.WORKING_HOURS, "tfsq"))
        .as("本社区周六加班日，09:00上班")
        .isEqualTo(at("2026-03-14T10:00"));
    assertThat(c.hours("tfsq").toString()).isEqualTo("09:00-17:00");
    assertThat(c.hours("jdsq")).isEqualTo(WorkingHours.DEFAULT);
  }
}
