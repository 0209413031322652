package io.linli.grievance;

import io.linli.caselog.CaseLog;
import io.linli.cases.CaseFiles;
import io.linli.sla.ClockSpec;
import io.linli.sla.ClockStates;
import io.linli.system.ApiError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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
  private final ClockStates clocks;
  private final GrievanceSla sla;
  private final GrievanceFlow flow;
  private final RuntimeService runtime;
  private final CaseFiles files;

  GrievanceStatusView(
      GrievanceCases cases,
      CaseLog caseLog,
      ClockStates clocks,
      GrievanceSla sla,
      GrievanceFlow flow,
      RuntimeService runtime,
      CaseFiles files) {
    this.cases = cases;
    this.caseLog = caseLog;
    this.clocks = clocks;
    this.sla = sla;
    this.flow = flow;
    this.runtime = runtime;
    this.files = files;
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

  /**
   * @param state OPEN (running, or not started yet), MET (done in time), LATE (done after its due
   *     time), BREACHED (escalated) or STOPPED (the case ended first)
   */
  record Deadline(String clock, String label, Instant dueAt, String state) {}

  record HistoryEntry(Instant at, String event, String label, String actorRole, String note) {}

  /**
   * The deadlines are the ledger's: each clock that started shows the due time its timer ran on and
   * what became of it. A clock the tier will start later (中等问题's 办结时限 while the case is still at
   * 分流定级 or 响应) is shown ahead, OPEN, with the due time the policy gives it now.
   */
  @Transactional(readOnly = true)
  Status of(String caseNo) {
    return of(caseNo, false);
  }

  /**
   * @param caseResident true for the resident who proved the case is theirs (查询进度 with the phone):
   *     they also read the notes staff typed on their case
   */
  @Transactional(readOnly = true)
  Status of(String caseNo, boolean caseResident) {
    GrievanceCases.Row row =
        cases.find(caseNo).orElseThrow(() -> ApiError.notFound("没有这个案件：" + caseNo));
    List<CaseLog.Event> events = caseLog.history(caseNo);
    Map<String, String> labels =
        flow.clocks().stream()
            .filter(c -> !c.internal())
            .collect(Collectors.toMap(ClockSpec::id, ClockSpec::label));
    Map<String, ClockStates.ClockState> recorded =
        clocks.of(caseNo, row.closedAt() != null).stream()
            .filter(c -> labels.containsKey(c.clock()))
            .collect(
                Collectors.toMap(
                    ClockStates.ClockState::clock,
                    Function.identity(),
                    (a, b) -> a,
                    java.util.LinkedHashMap::new));
    List<Deadline> deadlines = new ArrayList<>();
    recorded
        .values()
        .forEach(
            c ->
                deadlines.add(
                    new Deadline(
                        c.clock(),
                        labels.getOrDefault(c.clock(), c.clock()),
                        c.dueAt(),
                        c.state().name())));

    String tier = row.tier() != null ? row.tier() : suggestedTier(row);
    if (Tier.MEDIUM.name().equals(tier)
        && row.closedAt() == null
        && !recorded.containsKey(RESOLVE)) {
      deadlines.add(
          new Deadline(
              RESOLVE,
              labels.get(RESOLVE),
              sla.resolveBy(row.reportedAt(), tier, row.communityCode()),
              "OPEN"));
    }
    GrievanceStatus status = GrievanceStatus.valueOf(row.status());
    Category category = Category.valueOf(row.category());
    return new Status(
        row.caseNo(),
        status.name(),
        status.label(),
        category.name(),
        category.label(),
        tier,
        tier == null ? null : Tier.valueOf(tier).label(),
        row.reportedAt(),
        deadlines,
        row.rating(),
        files.derivedFrom(caseNo).stream().findFirst().orElse(null),
        events.stream()
            .map(
                e ->
                    new HistoryEntry(
                        e.occurredAt(),
                        e.type().name(),
                        e.type().label(),
                        e.actorRole(),
                        e.noteFor(caseResident)))
            .toList());
  }

  private static final String RESOLVE = "GRIEVANCE_RESOLVE";

  private String suggestedTier(GrievanceCases.Row row) {
    if (row.processInstanceId() == null || row.closedAt() != null) return null;
    Object v =
        runtime
            .createVariableInstanceQuery()
            .processInstanceIdIn(row.processInstanceId())
            .variableName(GrievanceVariables.TIER)
            .list()
            .stream()
            .findFirst()
            .map(i -> i.getValue())
            .orElse(null);
    return v == null ? null : v.toString();
  }
}
