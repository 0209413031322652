package io.linli.grievance;

import static io.linli.grievance.GrievanceProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.linli.CaseClock;
import io.linli.LinliSpringTest;
import io.linli.sla.SlaLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Process tier: the ledger's life of each grievance clock, written by the engine-wide clock
 * listener — STARTED with the due time, MET or (after a breach) RESOLVED, the 督办 clocks at their
 * levels — and the estate and property company on every row.
 */
@LinliSpringTest
class GrievanceClockLedgerTest {

  @Autowired GrievanceScenario scenario;
  @Autowired CaseClock clock;
  @Autowired SlaLedger ledger;
  @Autowired JdbcClient jdbc;
  @Autowired io.linli.sla.SlaPolicy policy;

  @BeforeEach
  void pin() {
    scenario.pinClock();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  @DisplayName("一般问题按时处置：响应时限从分流起算一次，处置反馈后记“按时”，分流不算停表")
  void generalCaseMeetsRespondClock() {
    GrievanceScenario.Case c = scenario.report(Category.ENVIRONMENT);
    Instant due = scenario.now().plus(Duration.ofHours(4));
    scenario.advance(Duration.ofMinutes(30));
    scenario.triage(c, Tier.GENERAL);
    assertThat(ledger.allEntriesOf(c.caseNo()))
        .as("triage hands the clock on to the handling task: started once, not stopped")
        .extracting(
            SlaLedger.Entry::clock,
            SlaLedger.Entry::event,
            SlaLedger.Entry::level,
            SlaLedger.Entry::dueAt,
            SlaLedger.Entry::holder)
        .containsExactly(tuple("GRIEVANCE_RESPOND", "STARTED", 0, due, "group:tfsq-grid-worker"));

    scenario.advance(Duration.ofHours(2));
    Instant handled = scenario.now();
    scenario.complete(
        c,
        TASK_HANDLE_GENERAL,
        "property1",
        Map.of("handlingResult", "已清运垃圾", "feedbackMethod", "PHONE"));

    assertThat(ledger.allEntriesOf(c.caseNo()))
        .extracting(
            SlaLedger.Entry::clock,
            SlaLedger.Entry::event,
            SlaLedger.Entry::occurredAt,
            SlaLedger.Entry::actor)
        .containsExactly(
            tuple("GRIEVANCE_RESPOND", "STARTED", handled.minus(Duration.ofMinutes(150)), null),
            tuple("GRIEVANCE_RESPOND", "MET", handled, "property1"));
    assertThat(dimensions(c))
        .as("estate 地铁首座小区, company 蓉城物业")
        .containsOnly(List.of("dtsz", "rcwy"));
  }

  @Test
  @DisplayName("中等问题响应超时：超时、社区督办的时限、督办完成、最终响应（逾期）都记入台账")
  void breachedClockIsResolvedLater() {
    GrievanceScenario.Case c = scenario.report(Category.FACILITY);
    Instant reported = scenario.now();
    scenario.triage(c, Tier.MEDIUM);
    scenario.advance(Duration.ofHours(5));
    Instant breachedAt = scenario.now();
    scenario.executeDueJobs(c);
    scenario.advance(Duration.ofHours(1));
    clock.superviseAll(c.caseNo());
    Instant supervisedAt = scenario.now();
    scenario.advance(Duration.ofHours(1));
    Instant respondedAt = scenario.now();
    scenario.complete(
        c, TASK_RESPOND, "property1", Map.of("responseNote", "已联系居民", "feedbackMethod", "PHONE"));

    // the 督办 has one working day
    Instant supervisionDue = policy.due("escalation.community", breachedAt, "tfsq");
    assertThat(ledger.allEntriesOf(c.caseNo()))
        .extracting(
            SlaLedger.Entry::clock,
            SlaLedger.Entry::event,
            SlaLedger.Entry::level,
            SlaLedger.Entry::dueAt,
            SlaLedger.Entry::occurredAt)
        .containsExactly(
            tuple("GRIEVANCE_RESPOND", "STARTED", 0, reported.plus(Duration.ofHours(4)), reported),
            tuple(
                "GRIEVANCE_RESPOND", "BREACHED", 1, reported.plus(Duration.ofHours(4)), breachedAt),
            tuple("GRIEVANCE_RESPOND", "STARTED", 1, supervisionDue, breachedAt),
            tuple("GRIEVANCE_RESPOND", "MET", 1, supervisionDue, supervisedAt),
            tuple("GRIEVANCE_RESPOND", "SUPERVISED", 1, null, supervisedAt),
            // the next clock starts while the engine completes the task; the stop is written at
            // commit
            tuple(
                "GRIEVANCE_RESOLVE",
                "STARTED",
                0,
                reported.plus(Duration.ofHours(24)),
                respondedAt),
            tuple(
                "GRIEVANCE_RESPOND",
                "RESOLVED",
                0,
                reported.plus(Duration.ofHours(4)),
                respondedAt));
  }

  @Test
  @DisplayName("疑难问题：承诺整改时限按承诺日期起表，整改办结后停表")
  void committedDeadlineClock() {
    GrievanceScenario.Case c = scenario.report(Category.FACILITY);
    scenario.triage(c, Tier.DIFFICULT);
    scenario.advance(Duration.ofHours(1));
    Instant committed = scenario.now().plus(Duration.ofDays(10));
    scenario.complete(
        c,
        TASK_CONTACT_RESIDENT,
        "property1",
        Map.of(
            "contactMethod",
            "VISIT",
            "rectificationMeasures",
            "更换水泵",
            "committedDeadline",
            committed.atOffset(java.time.ZoneOffset.ofHours(8)).toString()));
    scenario.advance(Duration.ofDays(3));
    scenario.complete(c, TASK_RECTIFY, "property1", Map.of("handlingResult", "水泵已更换"));

    assertThat(ledger.allEntriesOf(c.caseNo()))
        .filteredOn(e -> e.clock().equals("GRIEVANCE_COMMITTED"))
        .extracting(SlaLedger.Entry::event, SlaLedger.Entry::dueAt)
        .containsExactly(tuple("STARTED", committed), tuple("MET", committed));
  }

  private List<List<String>> dimensions(GrievanceScenario.Case c) {
    return jdbc.sql(
            """
        select e.code, p.code from sla_ledger l join estate e on e.id = l.estate_id
          join property_company p on p.id = l.property_company_id where l.case_no = ?""")
        .param(c.caseNo())
        .query((rs, n) -> List.of(rs.getString(1), rs.getString(2)))
        .list();
  }
}
