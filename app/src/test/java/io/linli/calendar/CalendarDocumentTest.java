package io.linli.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.linli.system.ApiError;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Unit tier: what calendar data is refused, and the shipped national schedule itself. */
class CalendarDocumentTest {

  static CalendarDocument.DayEntry day(String date, String kind) {
    return new CalendarDocument.DayEntry(date, null, kind, "测试");
  }

  static CalendarDocument year(Integer year, CalendarDocument.DayEntry... days) {
    return new CalendarDocument(List.of(new CalendarDocument.YearEntry(year, null, List.of(days))));
  }

  static List<ApiError.FieldMessage> refused(CalendarDocument d) {
    ApiError e = catchThrowableOfType(() -> d.validate(true), ApiError.class);
    assertThat(e).as("refused").isNotNull();
    assertThat(e.status().value()).isEqualTo(400);
    return e.fields();
  }

  @Test
  @DisplayName("随应用发布的2025、2026年安排：放假天数、调休上班日都与国务院通知一致，调休日都是周末")
  void shippedSchedule() {
    List<CalendarDocument.Year> years = CalendarDocument.shippedYears();
    assertThat(years).extracting(CalendarDocument.Year::year).containsExactly(2025, 2026);
    assertThat(years.get(0).days()).filteredOn(d -> d.kind() == DayKind.HOLIDAY).hasSize(28);
    assertThat(years.get(0).days())
        .filteredOn(d -> d.kind() == DayKind.WORKDAY)
        .extracting(CalendarDocument.Day::date)
        .containsExactly(
            LocalDate.of(2025, 1, 26),
            LocalDate.of(2025, 2, 8),
            LocalDate.of(2025, 4, 27),
            LocalDate.of(2025, 9, 28),
            LocalDate.of(2025, 10, 11));
    assertThat(years.get(1).days()).filteredOn(d -> d.kind() == DayKind.HOLIDAY).hasSize(33);
    assertThat(years.get(1).days())
        .filteredOn(d -> d.kind() == DayKind.WORKDAY)
        .extracting(CalendarDocument.Day::date)
        .containsExactly(
            LocalDate.of(2026, 1, 4),
            LocalDate.of(2026, 2, 14),
            LocalDate.of(2026, 2, 28),
            LocalDate.of(2026, 5, 9),
            LocalDate.of(2026, 9, 20),
            LocalDate.of(2026, 10, 10));
  }

  @Test
  @DisplayName("同一日期列出两次（含区间重叠）：400，信息写出该日期")
  void dateTwice() {
    List<ApiError.FieldMessage> f =
        refused(
            new CalendarDocument(
                List.of(
                    new CalendarDocument.YearEntry(
                        2026,
                        null,
                        List.of(
                            new CalendarDocument.DayEntry(
                                "2026-02-15", "2026-02-23", "HOLIDAY", "春节"),
                            new CalendarDocument.DayEntry("2026-02-20", null, "HOLIDAY", "元宵"))))));
    assertThat(f)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.field()).isEqualTo("years[0].days[1].date");
              assertThat(m.message()).contains("2026-02-20").contains("两次");
            });
  }

  @Test
  @DisplayName("调休上班日不是周六或周日：400，信息写出该日期和星期")
  void makeupNotWeekend() {
    List<ApiError.FieldMessage> f =
        refused(year(2026, day("2026-01-01", "HOLIDAY"), day("2026-02-16", "WORKDAY")));
    assertThat(f)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.field()).isEqualTo("years[0].days[1].date");
              assertThat(m.message()).contains("2026-02-16").contains("星期一");
            });
  }

  @Test
  @DisplayName("缺少年份、日期不在该年、日期格式不对、类型不对：400，各自点名")
  void otherRefusals() {
    assertThat(refused(year(null, day("2026-01-01", "HOLIDAY"))))
        .extracting(ApiError.FieldMessage::field)
        .containsExactly("years[0].year");
    assertThat(refused(year(2026, day("2026-01-01", "HOLIDAY"), day("2027-01-01", "HOLIDAY"))))
        .singleElement()
        .satisfies(m -> assertThat(m.message()).contains("2027-01-01").contains("2026"));
    assertThat(refused(year(2026, day("2026-01-01", "HOLIDAY"), day("2026-02-30", "HOLIDAY"))))
        .singleElement()
        .satisfies(m -> assertThat(m.message()).contains("2026-02-30"));
    assertThat(refused(year(2026, day("2026-01-01", "HOLIDAY"), day("2026-01-02", "VACATION"))))
        .extracting(ApiError.FieldMessage::field)
        .containsExactly("years[0].days[1].kind");
    assertThat(refused(year(2026, day("2026-01-03", "WORKDAY"))))
        .as("全国安排至少有一个法定节假日")
        .extracting(ApiError.FieldMessage::field)
        .containsExactly("years[0].days");
    assertThat(refused(new CalendarDocument(List.of())))
        .extracting(ApiError.FieldMessage::field)
        .containsExactly("years");
  }

  @Test
  @DisplayName("正确的数据按日期展开、排序")
  void accepted() {
    List<CalendarDocument.Year> y =
        year(
                2026,
                day("2026-01-04", "WORKDAY"),
                new CalendarDocument.DayEntry("2026-01-01", "2026-01-03", "holiday", "元旦"))
            .validate(true);
    assertThat(y.get(0).days())
        .extracting(CalendarDocument.Day::date)
        .containsExactly(
            LocalDate.of(2026, 1, 1),
            LocalDate.of(2026, 1, 2),
            LocalDate.of(2026, 1, 3),
            LocalDate.of(2026, 1, 4));
  }
}
