package io.linli.calendar;

import io.linli.system.ApiError;
import io.linli.system.ApiError.FieldMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads calendar years: the State Council's schedule for a new year (no release needed) and a
 * community's local days. A loaded year replaces the one there; the national years stay without a
 * gap, so that no year in between silently counts Monday to Friday.
 */
@Service
public class CalendarLoader {

  /** A loaded year: where its data came from, when and by whom. */
  public record YearRow(int year, String source, java.time.Instant loadedAt, String loadedBy) {}

  private final CalendarStore store;

  CalendarLoader(CalendarStore store) {
    this.store = store;
  }

  /**
   * The listed days of {@code scope} ({@link WorkingCalendar#NATIONAL} or a community) in {@code
   * year}.
   */
  public List<CalendarDocument.Day> days(String scope, int year) {
    store.snapshot(); // the shipped years are in
    return store.days(scope, year);
  }

  public java.util.Optional<YearRow> year(String scope, int year) {
    store.snapshot();
    return store.year(scope, year);
  }

  @Transactional
  public List<Integer> loadNational(CalendarDocument document, String by) {
    List<CalendarDocument.Year> years = document.validate(true);
    store.snapshot(); // the shipped years are in before the gap check
    TreeSet<Integer> all = new TreeSet<>(store.lockYears(WorkingCalendar.NATIONAL));
    years.forEach(y -> all.add(y.year()));
    List<FieldMessage> gaps = new ArrayList<>();
    for (int y = all.first(); y <= all.last(); y++) {
      if (!all.contains(y)) {
        int missing = y;
        int at = indexOfFirstAfter(years, missing);
        gaps.add(
            new FieldMessage(
                "years[" + at + "].year", "缺少" + missing + "年：请先载入或一并载入" + missing + "年的日历"));
      }
    }
    if (!gaps.isEmpty()) throw ApiError.invalid(gaps);
    store.replace(WorkingCalendar.NATIONAL, years, by);
    store.invalidate();
    return years.stream().map(CalendarDocument.Year::year).toList();
  }

  @Transactional
  public List<Integer> loadLocal(String community, CalendarDocument document, String by) {
    List<CalendarDocument.Year> years = document.validate(false);
    store.lockYears(community);
    store.replace(community, years, by);
    store.invalidate();
    return years.stream().map(CalendarDocument.Year::year).toList();
  }

  @Transactional
  public void setHours(String community, WorkingHours hours, String by) {
    store.setHours(community, hours, by);
    store.invalidate();
  }

  private static int indexOfFirstAfter(List<CalendarDocument.Year> years, int missing) {
    for (int i = 0; i < years.size(); i++) if (years.get(i).year() > missing) return i;
    return 0;
  }
}
