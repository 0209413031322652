package io.linli.dailycheck;

import io.linli.calendar.Counting;
import io.linli.caselog.CaseEventKind;
import io.linli.cases.Flow;
import io.linli.sla.ClockSpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * 每日巡查 (seed 002: a community officer checks every open case daily and pushes the property company)
 * as a flow: each working day each community gets one check, a case of its own ({@code XJ-…}) on
 * one clock — done by the start of the next working day — so a day without a completed check is a
 * breach in the ledger and goes to 督办 like any other clock.
 */
@Component
class DailyInspectionFlow implements Flow {

  static final String KEY = "DAILY_INSPECTION";
  static final String CLOCK = "DAILY_INSPECTION_DONE";
  static final String DONE = "daily-inspection.done";

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public String caseNoPrefix() {
    return "XJ";
  }

  @Override
  public String noun() {
    return "巡查单";
  }

  @Override
  public String label() {
    return "每日巡查";
  }

  @Override
  public String apiPath() {
    return "/api/daily-checks";
  }

  @Override
  public List<ClockSpec> clocks() {
    return List.of(ClockSpec.internal(CLOCK, "每日巡查完成时限", DONE, Duration.ofDays(1)));
  }

  /** One working day: opened in the morning, due when the next working day begins. */
  @Override
  public Map<String, Counting> counting() {
    return Map.of(DONE, Counting.WORKING_DAYS);
  }

  @Override
  public List<? extends CaseEventKind> events() {
    return Arrays.asList(DailyInspectionEvent.values());
  }

  @Override
  public Map<String, String> statusLabels() {
    return Map.of("OPEN", "待巡查", "DONE", "已巡查");
  }

  @Override
  public Map<String, String> categories() {
    return Map.of("DAILY", "每日巡查");
  }

  @Override
  public boolean residentTracked() {
    return false;
  }
}
