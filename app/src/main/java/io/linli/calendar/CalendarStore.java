package io.linli.calendar;

import io.linli.system.Times;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The calendar's rows in PostgreSQL (calendar_year, calendar_day, community_working_hours) and the
 * snapshot every node counts with: read again when older than {@code linli.calendar.refresh}
 * (default one minute) and at once after this node changed something, so all nodes agree within
 * that time. The first read imports the shipped national years that the database does not hold yet;
 * a year loaded through the API is never overwritten by the shipped one.
 */
@Component
class CalendarStore {

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;
  private final Duration refresh;
  private final WorkingHours defaultHours;
  private volatile Cached cached;
  private volatile boolean shippedImported;

  private record Cached(WorkingCalendar.Snapshot snapshot, long readAtNanos) {}

  CalendarStore(
      JdbcClient jdbc,
      PlatformTransactionManager transactions,
      @Value("${linli.calendar.refresh:PT1M}") Duration refresh,
      @Value("${linli.calendar.working-hours:08:30-12:00,14:00-18:00}") String workingHours) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.refresh = refresh;
    this.defaultHours = WorkingHours.parse(workingHours);
  }

  WorkingCalendar.Snapshot snapshot() {
    Cached c = cached;
    if (c != null && System.nanoTime() - c.readAtNanos() < refresh.toNanos()) return c.snapshot();
    if (!shippedImported) importShipped();
    long at = System.nanoTime();
    WorkingCalendar.Snapshot s = read();
    cached = new Cached(s, at);
    return s;
  }

  /** Drops the snapshot once the caller's transaction commits (at once without one). */
  void invalidate() {
    if (org.springframework.transaction.support.TransactionSynchronizationManager
        .isSynchronizationActive()) {
      org.springframework.transaction.support.TransactionSynchronizationManager
          .registerSynchronization(
              new org.springframework.transaction.support.TransactionSynchronization() {
                @Override
                public void afterCommit() {
                  cached = null;
                }
              });
    } else {
      cached = null;
    }
  }

  WorkingHours defaultHours() {
    return defaultHours;
  }

  /** Imports each shipped year the database lacks; concurrent nodes insert it once. */
  void importShipped() {
    List<CalendarDocument.Year> years = CalendarDocument.shippedYears();
    ownTransaction.executeWithoutResult(
        tx -> {
          for (CalendarDocument.Year y : years) {
            int inserted =
                jdbc.sql(
                        """
                insert into calendar_year (scope, year, source, loaded_at, loaded_by)
                values (:scope, :year, :source, :at, 'linli')
                on conflict (scope, year) do nothing""")
                    .param("scope", WorkingCalendar.NATIONAL)
                    .param("year", y.year())
                    .param("source", y.source())
                    .param("at", java.sql.Timestamp.from(Times.now()))
                    .update();
            if (inserted == 1) insertDays(WorkingCalendar.NATIONAL, y);
          }
        });
    shippedImported = true;
  }

  /** Replaces the listed years of {@code scope} (inside the caller's transaction). */
  void replace(String scope, List<CalendarDocument.Year> years, String by) {
    for (CalendarDocument.Year y : years) {
      jdbc.sql("delete from calendar_year where scope = :scope and year = :year")
          .param("scope", scope)
          .param("year", y.year())
          .update();
      jdbc.sql(
              """
              insert into calendar_year (scope, year, source, loaded_at, loaded_by)
              values (:scope, :year, :source, :at, :by)""")
          .param("scope", scope)
          .param("year", y.year())
          .param("source", y.source())
          .param("at", java.sql.Timestamp.from(Times.now()))
          .param("by", by)
          .update();
      insertDays(scope, y);
    }
  }

  private void insertDays(String scope, CalendarDocument.Year y) {
    for (CalendarDocument.Day d : y.days()) {
      jdbc.sql(
              "insert into calendar_day (scope, year, day, kind, name) values (:scope, :year, :day, :kind, :name)")
          .param("scope", scope)
          .param("year", y.year())
          .param("day", d.date())
          .param("kind", d.kind().name())
          .param("name", d.name())
          .update();
    }
  }

  /** Locks the scope's year rows, so two loads of the same scope run one after the other. */
  List<Integer> lockYears(String scope) {
    jdbc.sql("select pg_advisory_xact_lock(hashtext('calendar:' || :scope))")
        .param("scope", scope)
        .query()
        .singleRow();
    return jdbc.sql("select year from calendar_year where scope = :scope order by year")
        .param("scope", scope)
        .query(Integer.class)
        .list();
  }

  java.util.Optional<CalendarLoader.YearRow> year(String scope, int year) {
    return jdbc.sql(
            "select year, source, loaded_at, loaded_by from calendar_year where scope = :scope and year = :year")
        .param("scope", scope)
        .param("year", year)
        .query(
            (rs, n) ->
                new CalendarLoader.YearRow(
                    rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4)))
        .optional();
  }

  List<CalendarDocument.Day> days(String scope, int year) {
    return jdbc.sql(
            "select day, kind, name from calendar_day where scope = :scope and year = :year order by day")
        .param("scope", scope)
        .param("year", year)
        .query(
            (rs, n) ->
                new CalendarDocument.Day(
                    rs.getObject(1, LocalDate.class),
                    DayKind.valueOf(rs.getString(2)),
                    rs.getString(3)))
        .list();
  }

  void setHours(String community, WorkingHours hours, String by) {
    jdbc.sql(
            """
            insert into community_working_hours (community_code, periods, updated_at, updated_by)
            values (:c, :p, :at, :by)
            on conflict (community_code) do update set periods = excluded.periods,
              updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
        .param("c", community)
        .param("p", hours.toString())
        .param("at", java.sql.Timestamp.from(Times.now()))
        .param("by", by)
        .update();
  }

  private WorkingCalendar.Snapshot read() {
    Map<String, Map<LocalDate, DayKind>> byScope = new HashMap<>();
    jdbc.sql("select scope, day, kind from calendar_day")
        .query(
            rs -> {
              byScope
                  .computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                  .put(rs.getObject(2, LocalDate.class), DayKind.valueOf(rs.getString(3)));
            });
    Set<Integer> years =
        new TreeSet<>(
            jdbc.sql("select year from calendar_year where scope = :scope")
                .param("scope", WorkingCalendar.NATIONAL)
                .query(Integer.class)
                .list());
    Map<String, WorkingHours> hours = new HashMap<>();
    jdbc.sql("select community_code, periods from community_working_hours")
        .query(
            rs -> {
              hours.put(rs.getString(1), WorkingHours.parse(rs.getString(2)));
            });
    Map<LocalDate, DayKind> national = byScope.getOrDefault(WorkingCalendar.NATIONAL, Map.of());
    byScope.remove(WorkingCalendar.NATIONAL);
    return new WorkingCalendar.Snapshot(
        Map.copyOf(national),
        Map.copyOf(byScope),
        Set.copyOf(years),
        Map.copyOf(hours),
        defaultHours);
  }

  /** A snapshot of the given national years (no database). */
  static WorkingCalendar.Snapshot snapshotOf(
      Collection<CalendarDocument.Year> national,
      Map<String, Map<LocalDate, DayKind>> local,
      Map<String, WorkingHours> hours,
      WorkingHours defaultHours) {
    Map<LocalDate, DayKind> days = new HashMap<>();
    Set<Integer> years = new TreeSet<>();
    for (CalendarDocument.Year y : national) {
      years.add(y.year());
      y.days().forEach(d -> days.put(d.date(), d.kind()));
    }
    return new WorkingCalendar.Snapshot(
        Map.copyOf(days), Map.copyOf(local), Set.copyOf(years), Map.copyOf(hours), defaultHours);
  }
}
