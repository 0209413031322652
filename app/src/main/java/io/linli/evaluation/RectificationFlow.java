package io.linli.evaluation;

import static io.linli.sla.ClockSpec.Counts.COMMITMENT;
import static io.linli.sla.ClockSpec.Counts.HANDLING;

import io.linli.caselog.CaseEventKind;
import io.linli.cases.Flow;
import io.linli.sla.ClockSpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A rectification (整改) the property company committed to for one aspect of an evaluation scored
 * under the threshold: a case of its own (ZG-…) on the deadline of its plan.
 */
@Component
public class RectificationFlow implements Flow {

  static final String KEY = "RECTIFICATION";
  static final String CLOCK = "RECTIFICATION_DONE";
  static final String DEFAULT = "evaluation.rectification";
  static final String MAX = "evaluation.max-rectification";

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public String caseNoPrefix() {
    return "ZG";
  }

  @Override
  public String noun() {
    return "整改事项";
  }

  @Override
  public String label() {
    return "考评整改";
  }

  @Override
  public String apiPath() {
    return "/api/rectifications";
  }

  @Override
  public List<ClockSpec> clocks() {
    return List.of(ClockSpec.committed(CLOCK, "考评整改时限", HANDLING, COMMITMENT));
  }

  @Override
  public Map<String, Duration> settings() {
    Map<String, Duration> m = new LinkedHashMap<>();
    m.put(DEFAULT, Duration.ofDays(30));
    m.put(MAX, Duration.ofDays(90));
    return m;
  }

  @Override
  public List<? extends CaseEventKind> events() {
    return Arrays.asList(RectificationEvent.values());
  }

  @Override
  public Map<String, String> statusLabels() {
    return Map.of("RECTIFYING", "整改中", "DONE", "已整改");
  }

  @Override
  public Map<String, String> categories() {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 1; i <= EvaluationProperties.ASPECT_COUNT; i++)
      m.put(aspectCode(i), "考评第" + i + "项");
    return m;
  }

  static String aspectCode(int aspect) {
    return String.format("ASPECT_%02d", aspect);
  }

  @Override
  public boolean residentTracked() {
    return false;
  }
}
