package io.linli.evaluation;

import static io.linli.sla.ClockSpec.Counts.HANDLING;

import io.linli.caselog.CaseEventKind;
import io.linli.cases.Flow;
import io.linli.sla.ClockSpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The annual evaluation (年度综合考评, seed 003) as the shared mechanisms see it: the representatives'
 * scoring runs on a clock (escalated to 社区党委 for the non-responders), and so does the property
 * company's answer with rectification plans. The seeds give no durations; all are Linli's defaults.
 */
@Component
public class EvaluationFlow implements Flow {

  static final String KEY = "EVALUATION";
  static final String SCORING = "evaluation.scoring";
  static final String REMINDER = "evaluation.reminder";
  static final String CLOSE = "evaluation.close";
  static final String ANSWER = "evaluation.answer";
  static final String CLOCK_SCORING = "EVALUATION_SCORING";
  static final String CLOCK_ANSWER = "EVALUATION_ANSWER";

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public String caseNoPrefix() {
    return "PJ";
  }

  @Override
  public String noun() {
    return "考评";
  }

  @Override
  public String label() {
    return "年度综合考评";
  }

  @Override
  public String apiPath() {
    return "/api/evaluations";
  }

  @Override
  public List<ClockSpec> clocks() {
    return List.of(
        ClockSpec.of(CLOCK_SCORING, "楼栋代表评分时限", SCORING, Duration.ofDays(14), HANDLING),
        ClockSpec.of(CLOCK_ANSWER, "物业整改方案答复时限", ANSWER, Duration.ofDays(15), HANDLING));
  }

  /** The reminder and the close of scoring, counted from the opening like the scoring clock. */
  @Override
  public Map<String, Duration> settings() {
    Map<String, Duration> m = new LinkedHashMap<>();
    m.put(REMINDER, Duration.ofDays(10));
    m.put(CLOSE, Duration.ofDays(21));
    return m;
  }

  @Override
  public List<? extends CaseEventKind> events() {
    return Arrays.asList(EvaluationEvent.values());
  }

  @Override
  public Map<String, String> statusLabels() {
    Map<String, String> m = new LinkedHashMap<>();
    for (EvaluationState s : EvaluationState.values()) m.put(s.name(), s.label());
    return m;
  }

  @Override
  public Map<String, String> categories() {
    return Map.of("ANNUAL", "年度综合考评");
  }

  /** Staff open evaluations; residents read the published results on the resident page. */
  @Override
  public boolean residentTracked() {
    return false;
  }

  @Override
  public Set<String> withdrawnStatuses() {
    return Set.of(EvaluationState.NO_QUORUM.name());
  }

  /**
   * The 公示 the resident page shows without an account: the aspects, published results, ratings with
   * their basis, and the approved 双晒 收支 (finance's public read, which no flow declares).
   */
  @Override
  public List<String> anonymousEndpoints() {
    return List.of(
        "GET /api/evaluations/aspects",
        "GET /api/evaluations/published",
        "GET /api/ratings",
        "GET /api/ratings/service-stars",
        "GET /api/estate-finance/published");
  }
}
