package io.linli.calendarpage;

import io.linli.calendar.CalendarDocument;
import io.linli.calendar.CalendarLoader;
import io.linli.calendar.WorkingCalendar;
import io.linli.calendar.WorkingHours;
import io.linli.community.CommunityDirectory;
import io.linli.identity.ActingUser;
import io.linli.identity.Role;
import io.linli.identity.StaffReach;
import io.linli.system.ApiError;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The business calendar: every day of a year as the SLA clocks count it (for the calendar page),
 * the State Council's schedule of a new year (街道党工委 and 督查), a community's local days and working
 * hours (its 社区党委, the street above it, 督查). {@code /calendar/api} serves the page in the signed-in
 * session, as {@code /supervision/api} does.
 */
@RestController
@RequestMapping({"/api/calendar", "/calendar/api"})
class CalendarController {

  static final String USER_HEADER = "X-Linli-User";

  private final WorkingCalendar calendar;
  private final CalendarLoader loader;
  private final CommunityDirectory directory;
  private final StaffReach reach;
  private final ActingUser actingUser;

  CalendarController(
      WorkingCalendar calendar,
      CalendarLoader loader,
      CommunityDirectory directory,
      StaffReach reach,
      ActingUser actingUser) {
    this.calendar = calendar;
    this.loader = loader;
    this.directory = directory;
    this.reach = reach;
    this.actingUser = actingUser;
  }

  record DayView(
      LocalDate date,
      String weekday,
      boolean working,
      String kind,
      String kindLabel,
      String name,
      String listedBy) {}

  record YearView(
      int year,
      String community,
      boolean loaded,
      String source,
      Instant loadedAt,
      String workingHours,
      int workingDays,
      List<DayView> days) {}

  /**
   * Every day of {@code year}: working or not, and why (national or the community's own listing).
   */
  @GetMapping("/{year}")
  YearView year(@PathVariable int year, @RequestParam(required = false) String community) {
    if (year < CalendarDocument.MIN_YEAR || year > CalendarDocument.MAX_YEAR) {
      throw ApiError.invalid(
          "year", "年份须在" + CalendarDocument.MIN_YEAR + "到" + CalendarDocument.MAX_YEAR + "之间");
    }
    String scope = community == null || community.isBlank() ? null : knownCommunity(community);
    java.util.Map<LocalDate, CalendarDocument.Day> national =
        index(loader.days(WorkingCalendar.NATIONAL, year));
    java.util.Map<LocalDate, CalendarDocument.Day> local =
        scope == null ? java.util.Map.of() : index(loader.days(scope, year));
    List<DayView> days = new ArrayList<>();
    int working = 0;
    for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
      CalendarDocument.Day listed = local.getOrDefault(d, national.get(d));
      boolean isWorking = calendar.workingDay(d, scope);
      if (isWorking) working++;
      days.add(
          new DayView(
              d,
              CalendarDocument.weekday(d),
              isWorking,
              listed == null ? null : listed.kind().name(),
              listed == null ? null : listed.kind().label(),
              listed == null ? null : listed.name(),
              listed == null ? null : local.containsKey(d) ? "community" : "national"));
    }
    var row = loader.year(WorkingCalendar.NATIONAL, year);
    return new YearView(
        year,
        scope,
        row.isPresent(),
        row.map(CalendarLoader.YearRow::source).orElse(null),
        row.map(CalendarLoader.YearRow::loadedAt).orElse(null),
        calendar.hours(scope).toString(),
        working,
        days);
  }

  record Loaded(String scope, List<Integer> years) {}

  /** The State Council's schedule for one or more years (replaces a year already loaded). */
  @PostMapping("/national")
  Loaded loadNational(
      @RequestHeader(name = USER_HEADER, required = false) String user,
      @RequestBody CalendarDocument document) {
    if (!reach.supervisor()
        && directory.communities().stream().noneMatch(c -> reach.streetAbove(c.code()))) {
      throw ApiError.forbidden("只有街道党工委和督查可以载入全国节假日安排");
    }
    return new Loaded(WorkingCalendar.NATIONAL, loader.loadNational(document, by(user)));
  }

  /** A community's local days for the listed years (replaces its local days of those years). */
  @PutMapping("/communities/{community}/days")
  Loaded loadLocal(
      @RequestHeader(name = USER_HEADER, required = false) String user,
      @PathVariable String community,
      @RequestBody CalendarDocument document) {
    String code = mayEdit(community);
    return new Loaded(code, loader.loadLocal(code, document, by(user)));
  }

  record HoursRequest(String workingHours) {}

  record HoursView(String community, String workingHours) {}

  @PutMapping("/communities/{community}/working-hours")
  HoursView setHours(
      @RequestHeader(name = USER_HEADER, required = false) String user,
      @PathVariable String community,
      @RequestBody HoursRequest request) {
    String code = mayEdit(community);
    WorkingHours hours;
    try {
      hours = WorkingHours.parse(request == null ? null : request.workingHours());
    } catch (IllegalArgumentException e) {
      throw ApiError.invalid("workingHours", e.getMessage());
    }
    loader.setHours(code, hours, by(user));
    return new HoursView(code, hours.toString());
  }

  private String mayEdit(String community) {
    String code = knownCommunity(community);
    if (!reach.inCommunity(code, Role.COMMUNITY_COMMITTEE)
        && !reach.streetAbove(code)
        && !reach.supervisor()) {
      throw ApiError.forbidden("只有本社区党委、上级街道党工委和督查可以维护社区的工作日历");
    }
    return code;
  }

  private String knownCommunity(String community) {
    return directory
        .community(community)
        .map(io.linli.community.Community::code)
        .orElseThrow(() -> ApiError.invalid("community", "没有这个社区：" + shorten(community)));
  }

  private String by(String header) {
    String by = actingUser.of(header).orElse("anonymous");
    if (by.length() > 64) throw ApiError.invalid(USER_HEADER, "用户标识不能超过64字符");
    return by;
  }

  private static String shorten(String s) {
    return s.length() > 32 ? s.substring(0, 32) + "…" : s;
  }

  private static java.util.Map<LocalDate, CalendarDocument.Day> index(
      List<CalendarDocument.Day> days) {
    java.util.Map<LocalDate, CalendarDocument.Day> m = new java.util.HashMap<>();
    days.forEach(d -> m.put(d.date(), d));
    return m;
  }
}
