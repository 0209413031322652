package io.linli.grievance;

import static io.linli.sla.ClockSpec.Counts.COMMITMENT;
import static io.linli.sla.ClockSpec.Counts.HANDLING;
import static io.linli.sla.ClockSpec.Counts.RESPONSE;

import io.linli.calendar.Counting;
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
 * The grievance flow (上报—分流—处置—反馈—评价) as the shared mechanisms see it. Durations are the seeds'
 * (seed 002, 温江 地铁首座: 一般问题4小时内处置并反馈, 中等问题4小时内响应、24小时内办结, 疑难问题4小时内 上门或电话联系); rework, rating window
 * and follow-up are Linli's defaults.
 */
@Component
public class GrievanceFlow implements Flow {

  static final String REWORK = "grievance.rework";
  static final String FOLLOW_UP = "grievance.follow-up";
  static final String RATING_WINDOW = "grievance.rating-window";
  static final String MAX_COMMITMENT = "grievance.difficult.max-commitment";

  private static final Duration FOUR_HOURS = Duration.ofHours(4);

  @Override
  public String key() {
    return GrievanceProcess.FLOW;
  }

  @Override
  public String caseNoPrefix() {
    return "GR";
  }

  @Override
  public String noun() {
    return "案件";
  }

  @Override
  public String label() {
    return "居民诉求";
  }

  @Override
  public String apiPath() {
    return "/api/grievances";
  }

  @Override
  public List<ClockSpec> clocks() {
    Map<String, Duration> respond = new LinkedHashMap<>();
    respond.put("grievance.general.respond", FOUR_HOURS);
    respond.put("grievance.medium.respond", FOUR_HOURS);
    respond.put("grievance.difficult.respond", FOUR_HOURS);
    return List.of(
        new ClockSpec("GRIEVANCE_RESPOND", "诉求响应时限", respond, Set.of(HANDLING, RESPONSE), false),
        ClockSpec.of(
            "GRIEVANCE_RESOLVE",
            "诉求办结时限",
            "grievance.medium.resolve",
            Duration.ofHours(24),
            HANDLING),
        ClockSpec.committed("GRIEVANCE_COMMITTED", "承诺整改时限", HANDLING, COMMITMENT),
        ClockSpec.of("GRIEVANCE_REWORK", "返工处置时限", REWORK, Duration.ofHours(24), HANDLING),
        ClockSpec.internal("GRIEVANCE_FOLLOW_UP", "党小组回访时限", FOLLOW_UP, Duration.ofDays(3)));
  }

  @Override
  public Map<String, Duration> settings() {
    return Map.of(RATING_WINDOW, Duration.ofDays(7), MAX_COMMITMENT, Duration.ofDays(90));
  }

  /**
   * The hour clocks run round the clock (a hotline's 4 and 24 hours); the day clock counts working
   * days.
   */
  @Override
  public Map<String, Counting> counting() {
    return Map.of(FOLLOW_UP, Counting.WORKING_DAYS);
  }

  @Override
  public List<? extends CaseEventKind> events() {
    return Arrays.asList(GrievanceEvent.values());
  }

  @Override
  public Map<String, String> statusLabels() {
    Map<String, String> m = new LinkedHashMap<>();
    for (GrievanceStatus s : GrievanceStatus.values()) m.put(s.name(), s.label());
    return m;
  }

  @Override
  public Map<String, String> categories() {
    Map<String, String> m = new LinkedHashMap<>();
    for (Category c : Category.values()) m.put(c.name(), c.label());
    return m;
  }

  @Override
  public String categoryOptions() {
    return "categories";
  }

  @Override
  public java.util.Set<String> withdrawnStatuses() {
    return java.util.Set.of(GrievanceStatus.MERGED.name());
  }

  @Override
  public boolean inRates() {
    return true;
  }

  @Override
  public List<String> anonymousEndpoints() {
    // the evaluation carries the case's watch token (checked per case by the access rules)
    return List.of(
        "POST /api/grievances",
        "POST /api/grievances/*/track",
        "POST /api/grievances/*/evaluation");
  }
}
