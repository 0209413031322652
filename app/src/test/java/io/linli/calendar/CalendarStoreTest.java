package io.linli.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.linli.LinliSpringTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Integration tier: the calendar lives in PostgreSQL, not in a node's memory. A second store on the
 * same database stands for another node: it sees what this node loaded once its cached snapshot is
 * older than {@code linli.calendar.refresh}, and a working-hours change counts there too.
 */
@LinliSpringTest
class CalendarStoreTest {

  @Autowired CalendarLoader loader;
  @Autowired WorkingCalendar calendar;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;

  @Test
  @DisplayName("另一节点读同一数据库：本节点载入的社区日子和工作时间，在刷新期后另一节点同样计入；只读内存的节点不会各算各的")
  void anotherNodeCountsTheSame() {
    CalendarStore otherStore =
        new CalendarStore(jdbc, transactions, Duration.ofMinutes(10), "08:30-12:00,14:00-18:00");
    WorkingCalendar other = new WorkingCalendar(otherStore::snapshot);
    LocalDate day = LocalDate.of(2031, 6, 2); // a Monday in a far year no other test counts in
    assertThat(other.workingDay(day, "jdsq")).isTrue();
    assertThat(
            jdbc.sql(
                    "select count(*) from calendar_year where scope = 'CN' and year in (2025, 2026)")
                .query(Long.class)
                .single())
        .as("the shipped years are in the database")
        .isEqualTo(2);

    loader.loadLocal(
        "jdsq",
        new CalendarDocument(
            List.of(
                new CalendarDocument.YearEntry(
                    2031,
                    null,
                    List.of(
                        new CalendarDocument.DayEntry(day.toString(), null, "HOLIDAY", "社区活动日"))))),
        "test");
    assertThat(calendar.workingDay(day, "jdsq")).as("this node, at once").isFalse();
    assertThat(other.workingDay(day, "jdsq"))
        .as("the other node within its refresh time still has the old snapshot")
        .isTrue();
    otherStore.invalidate(); // its refresh time has passed
    assertThat(other.workingDay(day, "jdsq")).as("the other node after its refresh").isFalse();

    Instant monday =
        LocalDate.of(2031, 6, 9).atTime(16, 0).atZone(io.linli.system.Times.BEIJING).toInstant();
    try {
      loader.setHours("jdsq", WorkingHours.parse("09:00-17:00"), "test");
      otherStore.invalidate();
      assertThat(other.plus(monday, Duration.ofHours(2), Counting.WORKING_HOURS, "jdsq"))
          .isEqualTo(calendar.plus(monday, Duration.ofHours(2), Counting.WORKING_HOURS, "jdsq"))
          .as("16:00-17:00, then Tuesday 09:00-10:00")
          .isEqualTo(monday.plus(Duration.ofHours(18)));
    } finally {
      loader.setHours("jdsq", WorkingHours.DEFAULT, "test");
    }
  }
}
