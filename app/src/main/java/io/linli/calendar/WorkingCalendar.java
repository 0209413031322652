package io.linli.calendar;

import io.linli.system.Times;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Counts time the way Chinese offices do (docs/business-calendar.md). A date is a working day when
 * the community lists it so (a local day), else when the national schedule does (a statutory
 * holiday, a 调休 makeup working day), else when it is Monday to Friday. A year nobody loaded counts
 * by that last rule alone. Everything is Beijing time (Asia/Shanghai: UTC+8, no daylight saving).
 *
 * <p>A clock runs only while its counting mode says the office is counting — always, on working
 * days (00:00–24:00), or within the community's working hours on working days — and falls due when
 * it has run for its length. A clock started while it does not run starts at the next moment it
 * does; one that runs out exactly at the end of a period falls due at that end (12:00, not 14:00).
 */
public class WorkingCalendar {

  /** The national schedule's scope in the data; a community's local days use its code. */
  public static final String NATIONAL = "CN";

  /**
   * Nothing an SLA declares runs longer than this many calendar days (a guard against bad data).
   */
  static final int MAX_DAYS = 366 * 20;

  /** The calendar data at one moment, immutable. */
  public record Snapshot(
      Map<LocalDate, DayKind> national,
      Map<String, Map<LocalDate, DayKind>> local,
      Set<Integer> nationalYears,
      Map<String, WorkingHours> hours,
      WorkingHours defaultHours) {}

  private final Supplier<Snapshot> data;

  public WorkingCalendar(Supplier<Snapshot> data) {
    this.data = data;
  }

  /**
   * The calendar of the shipped national data alone with default hours (unit tests, previews
   * without a database).
   */
  public static WorkingCalendar shipped() {
    Snapshot s =
        CalendarStore.snapshotOf(
            CalendarDocument.shippedYears(), Map.of(), Map.of(), WorkingHours.DEFAULT);
    return new WorkingCalendar(() -> s);
  }

  /**
   * Whether {@code day} is a working day for {@code community} (null: the national schedule only).
   */
  public boolean workingDay(LocalDate day, String community) {
    return workingDay(data.get(), day, community);
  }

  /** What the data says about {@code day}, local before national; null when it is not listed. */
  public DayKind listed(LocalDate day, String community) {
    return listed(data.get(), day, community);
  }

  public WorkingHours hours(String community) {
    Snapshot s = data.get();
    return community == null
        ? s.defaultHours()
        : s.hours().getOrDefault(community, s.defaultHours());
  }

  /** Whether the national schedule of {@code year} is loaded. */
  public boolean yearLoaded(int year) {
    return data.get().nationalYears().contains(year);
  }

  /** The instant a clock of length {@code length} started at {@code from} falls due. */
  public Instant plus(Instant from, Duration length, Counting counting, String community) {
    if (length.isNegative()) throw new IllegalArgumentException("negative clock length " + length);
    if (counting == Counting.WALL_CLOCK) return from.plus(length);
    Snapshot s = data.get();
    WorkingHours hours =
        community == null ? s.defaultHours() : s.hours().getOrDefault(community, s.defaultHours());
    Duration left = length;
    LocalDate day = from.atZone(Times.BEIJING).toLocalDate();
    for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
      if (!workingDay(s, day, community)) continue;
      for (Instant[] period : periods(day, counting, hours)) {
        Instant start = period[0].isBefore(from) ? from : period[0];
        Instant end = period[1];
        if (!end.isAfter(start)) continue;
        Duration open = Duration.between(start, end);
        if (open.compareTo(left) >= 0) return start.plus(left);
        left = left.minus(open);
      }
    }
    throw new IllegalStateException(
        "a clock of "
            + length
            + " "
            + counting
            + " does not fall due within "
            + MAX_DAYS
            + " days");
  }

  private static List<Instant[]> periods(LocalDate day, Counting counting, WorkingHours hours) {
    if (counting == Counting.WORKING_DAYS) {
      return List.<Instant[]>of(new Instant[] {start(day), start(day.plusDays(1))});
    }
    return hours.periods().stream()
        .map(
            p ->
                new Instant[] {
                  ZonedDateTime.of(day, p.start(), Times.BEIJING).toInstant(),
                  ZonedDateTime.of(day, p.end(), Times.BEIJING).toInstant()
                })
        .toList();
  }

  private static Instant start(LocalDate day) {
    return day.atStartOfDay(Times.BEIJING).toInstant();
  }

  private static boolean workingDay(Snapshot s, LocalDate day, String community) {
    DayKind kind = listed(s, day, community);
    if (kind != null) return kind == DayKind.WORKDAY;
    return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  private static DayKind listed(Snapshot s, LocalDate day, String community) {
    if (community != null) {
      DayKind local = s.local().getOrDefault(community, Map.of()).get(day);
      if (local != null) return local;
    }
    return s.national().get(day);
  }
}
