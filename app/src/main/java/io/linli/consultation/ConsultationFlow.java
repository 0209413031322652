package io.linli.consultation;

import static io.linli.sla.ClockSpec.Counts.HANDLING;

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
 * The consultation flow (议事协商, 征—审—议—办—评) as the shared mechanisms see it. The seeds give no
 * durations (seed 002 tells of one topic taking two months of rounds); all are Linli's defaults.
 */
@Component
public class ConsultationFlow implements Flow {

  static final String REVIEW = "consultation.review";

  @Override
  public String key() {
    return ConsultationProcess.FLOW;
  }

  @Override
  public String caseNoPrefix() {
    return "YS";
  }

  @Override
  public String noun() {
    return "议题";
  }

  @Override
  public String label() {
    return "议事协商";
  }

  @Override
  public String apiPath() {
    return "/api/consultations";
  }

  @Override
  public List<ClockSpec> clocks() {
    return List.of(
        ClockSpec.of("CONSULTATION_REVIEW", "议题审核时限", REVIEW, Duration.ofDays(3), HANDLING),
        ClockSpec.committed("CONSULTATION_EXECUTION", "协商事项办理时限", HANDLING),
        ClockSpec.of(
            "CONSULTATION_REWORK",
            "协商事项整改时限",
            "consultation.rework",
            Duration.ofDays(15),
            HANDLING));
  }

  @Override
  public Map<String, Duration> settings() {
    Map<String, Duration> m = new LinkedHashMap<>();
    m.put("consultation.collection", Duration.ofDays(7));
    m.put("consultation.vote-window", Duration.ofDays(3));
    m.put("consultation.max-meeting-lead", Duration.ofDays(30));
    m.put("consultation.execution", Duration.ofDays(30));
    m.put("consultation.max-execution", Duration.ofDays(180));
    m.put("consultation.evaluation", Duration.ofDays(7));
    return m;
  }

  /**
   * The party branch's review and the rework are office deadlines in days: working days. The
   * residents' and representatives' windows (征, 议, 评), the default 办理时限 written on the public
   * 协商事项清单 and the upper limits stay calendar days.
   */
  @Override
  public Map<String, Counting> counting() {
    return Map.of(REVIEW, Counting.WORKING_DAYS, "consultation.rework", Counting.WORKING_DAYS);
  }

  @Override
  public List<? extends CaseEventKind> events() {
    return Arrays.asList(ConsultationEvent.values());
  }

  @Override
  public Map<String, String> statusLabels() {
    Map<String, String> m = new LinkedHashMap<>();
    for (TopicState s : TopicState.values()) m.put(s.name(), s.label());
    return m;
  }

  @Override
  public Map<String, String> categories() {
    Map<String, String> m = new LinkedHashMap<>();
    for (TopicCategory c : TopicCategory.values()) m.put(c.name(), c.label());
    return m;
  }

  @Override
  public String categoryOptions() {
    return "topicCategories";
  }

  /** Topics are public (征集附议): anyone follows one by its number, no phone needed. */
  @Override
  public boolean residentTracked() {
    return false;
  }

  @Override
  public Set<String> withdrawnStatuses() {
    return Set.of(TopicState.MERGED.name(), TopicState.REJECTED.name());
  }

  /** The 协商事项清单 and topics are public; residents propose and support by phone. */
  @Override
  public List<String> anonymousEndpoints() {
    return List.of(
        "GET /api/consultations",
        "GET /api/consultations/YS-*",
        "POST /api/consultations",
        "POST /api/consultations/*/supporters");
  }
}
