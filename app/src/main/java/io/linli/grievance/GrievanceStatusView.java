package io.linli.grievance;

import io.linli.caselog.CaseEventType;
import io.linli.caselog.CaseLog;
import io.linli.consultation.TopicLinks;
import io.linli.sla.Clock;
import io.linli.sla.SlaLedger;
import io.linli.sla.SlaPolicy;
import io.linli.system.ApiError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a resident (or anyone with the case number) sees of a grievance: no personal data. A
 * recurring grievance a grid worker turned into a consultation topic shows that topic's number.
 */
@Service
class GrievanceStatusView {

  private final GrievanceCases cases;
  private final CaseLog caseLog;
  private final SlaLedger ledger;
  private final SlaPolicy policy;
  private final RuntimeService runtime;
  private final TopicLinks topicLinks;

  GrievanceStatusView(
      GrievanceCases cases, CaseLog caseLog, SlaLedger ledger, SlaPolicy policy,
      RuntimeService runtime, TopicLinks topicLinks) {
    this.cases = cases;
    this.caseLog = caseLog;
    this.ledger = ledger;
    this.policy = policy;
    this.runtime = runtime;
    this.topicLinks = topicLinks;
  }

  record Status(
      String caseNo,
      String status,
      String statusLabel,
      String category,
      String categoryLabel,
      String tier,
      String tierLabel,
      Instant reportedAt,
      List<Deadline> deadlines,
      String rating,
      String consultationTopicNo,
      List<HistoryEntry> history) {}

  /** @param state OPEN (running), MET (done in time) or BREACHED (escalated) */
  record Deadline(String clock, String label, Instant dueAt, String state) {}

  record HistoryEntry(Instant at, String event, String label, String actorRole, String note) {}

  @Transactional(readOnly = true)
  Status of(String caseNo) {
    GrievanceCases.Row row =
        cases.find(caseNo).orElseThrow(() -> ApiError.notFound("没有这个案件：" + caseNo));
    List<CaseLog.Event> events = caseLog.history(caseNo);
    Set<CaseEventType> happened = events.stream().map(CaseLog.Event::type).collect(Collectors.toSet());
    Set<String> breached =
        ledger.entriesOf(caseNo).stream()
            .filter(e -> "BREACHED".equals(e.event()) && e.level() == 1)
            .map(SlaLedger.Entry::clock)
            .collect(Collectors.toSet());

    String tier = row.tier() != null ? row.tier() : suggestedTier(row);
    Date reported = Date.from(row.reportedAt());
    List<Deadline> deadlines = new ArrayList<>();
    if (tier != null) {
      deadlines.add(deadline(Clock.GRIEVANCE_RESPOND, policy.grievanceRespondBy(reported, tier).toInstant(),
          happened.contains(CaseEventType.RESPONDED), breached));
      if (Tier.MEDIUM.name().equals(tier)) {
        deadlines.add(deadline(Clock.GRIEVANCE_RESOLVE, policy.grievanceResolveBy(reported, tier).toInstant(),
            happened.contains(CaseEventType.RESOLVED), breached));
      }
    }
    if (row.committedDeadline() != null) {
      deadlines.add(deadline(Clock.GRIEVANCE_COMMITTED, row.committedDeadline(),
          happened.contains(CaseEventType.RESOLVED), breached));
    }
    GrievanceStatus status = GrievanceStatus.valueOf(row.status());
    Category category = Category.valueOf(row.category());
    return new Status(
        row.caseNo(), status.name(), status.label(), category.name(), category.label(),
        tier, tier == null ? null : Tier.valueOf(tier).label(), row.reportedAt(), deadlines,
        row.rating(),
        topicLinks.topicOf(caseNo).orElse(null),
        events.stream()
            .map(e -> new HistoryEntry(e.occurredAt(), e.type().name(), e.type().label(),
                e.actorRole(), e.note()))
            .toList());
  }

  private String suggestedTier(GrievanceCases.Row row) {
    if (row.processInstanceId() == null || row.closedAt() != null) return null;
    Object v = runtime.createVariableInstanceQuery()
        .processInstanceIdIn(row.processInstanceId())
        .variableName(GrievanceVariables.TIER)
        .list().stream().findFirst().map(i -> i.getValue()).orElse(null);
    return v == null ? null : v.toString();
  }

  private static Deadline deadline(Clock clock, Instant due, boolean met, Set<String> breached) {
    String state = breached.contains(clock.name()) ? "BREACHED" : met ? "MET" : "OPEN";
    return new Deadline(clock.name(), clock.label(), due, state);
  }
}
