package io.linli.testflow;

import static io.linli.sla.ClockSpec.Counts.HANDLING;

import io.linli.caselog.CaseEventKind;
import io.linli.cases.Flow;
import io.linli.sla.ClockSpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A flow that exists only in the test sources (on with {@code linli.test-flow=true}): one user task
 * on one clock. It proves that a new flow plugs into the shared mechanisms with its own package,
 * model and beans alone — escalation, ledger rows, notifications, tracking and supervision come
 * with it.
 */
@Component
@ConditionalOnProperty(name = "linli.test-flow", havingValue = "true")
class DailyCheckFlow implements Flow {

  static final String KEY = "DAILY_CHECK";
  static final String CLOCK = "DAILY_CHECK_DONE";

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public String caseNoPrefix() {
    return "XC";
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
    return "/api/test-checks";
  }

  @Override
  public List<ClockSpec> clocks() {
    return List.of(
        ClockSpec.of(CLOCK, "巡查办理时限", "daily-check.done", Duration.ofHours(2), HANDLING));
  }

  @Override
  public List<? extends CaseEventKind> events() {
    return Arrays.asList(DailyCheckEvent.values());
  }

  @Override
  public Map<String, String> statusLabels() {
    return Map.of("OPEN", "巡查中", "CLOSED", "已完成");
  }

  @Override
  public Map<String, String> categories() {
    return Map.of("ROUTINE", "例行巡查");
  }
}
