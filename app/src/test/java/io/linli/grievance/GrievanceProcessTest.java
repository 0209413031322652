package io.linli.grievance;

import static io.linli.grievance.GrievanceProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.linli.LinliSpringTest;
import io.linli.caselog.CaseEventKind;
import io.linli.caselog.CaseLog;
import io.linli.caselog.CommonEvent;
import io.linli.sla.SlaLedger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Process tier: every path of the grievance flow (上报—分流—处置—反馈—评价), on the real engine and
 * PostgreSQL with the real delegates. Time moves with {@link ClockUtil}; the tests execute due
 * jobs. Escalation paths are in {@code GrievanceEscalationTest}.
 */
@LinliSpringTest
class GrievanceProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired GrievanceScenario scenario;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired RepositoryService repository;
  @Autowired GrievanceCases cases;
  @Autowired CaseLog caseLog;
  @Autowired SlaLedger ledger;

  @BeforeEach
  void init() {
    AbstractAssertions.init(engine);
    scenario.pinClock();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  @DisplayName("模型、决策表和表单随应用部署")
  void shouldDeploy() {
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(KEY).count())
        .isPositive();
    assertThat(
            repository
                .createProcessDefinitionQuery()
                .processDefinitionKey("Process_Escalation")
                .count())
        .isPositive();
    assertThat(
            repository
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey(DECISION_SUGGEST_TIER)
                .count())
        .isPositive();
  }

  @Test
  @DisplayName("一般问题：网格员分流，物业4小时内处置并反馈，居民满意，党小组回访后结案")
  void generalTierInTime() {
    GrievanceScenario.Case c = scenario.report(Category.ENVIRONMENT);
    Instant reported = scenario.now();

    assertThat(c.instance()).isWaitingAt(TASK_TRIAGE);
    assertThat(scenario.variable(c, "tier")).as("DMN suggestion").isEqualTo("GENERAL");
    Task triage = scenario.task(c, TASK_TRIAGE);
    assertThat(candidateGroups(triage)).containsExactly("tfsq-grid-worker");
    assertThat(triage.getDueDate().toInstant()).isEqualTo(reported.plus(Duration.ofHours(4)));

    scenario.advance(Duration.ofMinutes(30));
    scenario.triage(c, Tier.GENERAL);
    assertThat(c.instance()).isWaitingAt(TASK_HANDLE_GENERAL);
    Task handle = scenario.task(c, TASK_HANDLE_GENERAL);
    assertThat(candidateGroups(handle)).containsExactly("tfsq-property-staff");
    assertThat(handle.getDueDate().toInstant()).isEqualTo(reported.plus(Duration.ofHours(4)));

    scenario.advance(Duration.ofHours(3));
    scenario.complete(
        c,
        TASK_HANDLE_GENERAL,
        "property1",
        Map.of("handlingResult", "已清运垃圾", "feedbackMethod", "PHONE"));
    assertThat(c.instance()).isWaitingAt(TASK_AWAIT_RATING);
    assertThat(cases.find(c.caseNo()).orElseThrow().status()).isEqualTo("AWAITING_RATING");

    assertThat(scenario.rate(c, Rating.SATISFIED)).isFalse();
    assertThat(c.instance()).isWaitingAt(TASK_FOLLOW_UP_VISIT);
    scenario.followUpAndClose(c);

    assertThat(c.instance()).isEnded().hasPassed(END_CLOSED);
    assertThat(ledger.entriesOf(c.caseNo())).as("no clock breached").isEmpty();
    GrievanceCases.Row row = cases.find(c.caseNo()).orElseThrow();
    assertThat(row.status()).isEqualTo("CLOSED");
    assertThat(row.tier()).isEqualTo("GENERAL");
    assertThat(events(c))
        .containsExactly(
            GrievanceEvent.RECEIVED,
            GrievanceEvent.TIER_SET,
            GrievanceEvent.RESPONDED,
            CommonEvent.RESOLVED,
            CommonEvent.ASKED_TO_RATE,
            CommonEvent.RATED,
            CommonEvent.FOLLOWED_UP,
            CommonEvent.CLOSED);
  }

  @Test
  @DisplayName("中等问题：4小时内响应，24小时内办结")
  void mediumTierInTime() {
    GrievanceScenario.Case c = scenario.report(Category.FACILITY);
    Instant reported = scenario.now();
    assertThat(scenario.variable(c, "tier")).as("DMN suggestion").isEqualTo("MEDIUM");
    scenario.triage(c, Tier.MEDIUM);

    assertThat(scenario.task(c, TASK_RESPOND).getDueDate().toInstant())
        .isEqualTo(reported.plus(Duration.ofHours(4)));
    scenario.advance(Duration.ofHours(2));
    scenario.complete(
        c,
        TASK_RESPOND,
        "property1",
        Map.of("responseNote", "已联系居民，明日上午维修", "feedbackMethod", "PHONE"));

    Task resolve = scenario.task(c, TASK_RESOLVE);
    assertThat(resolve.getDueDate().toInstant()).isEqualTo(reported.plus(Duration.ofHours(24)));
    scenario.advance(Duration.ofHours(20));
    assertThat(scenario.executeDueJobs(c)).as("no clock due before 24h").isZero();
    scenario.complete(c, TASK_RESOLVE, "property1", Map.of("handlingResult", "电梯已修复"));

    scenario.rate(c, Rating.BASICALLY_SATISFIED);
    scenario.followUpAndClose(c);
    assertThat(c.instance()).isEnded();
    assertThat(ledger.entriesOf(c.caseNo())).isEmpty();
    assertThat(events(c))
        .contains(GrievanceEvent.RESPONDED, CommonEvent.RESOLVED, CommonEvent.CLOSED);
  }

  @Test
  @DisplayName("疑难问题：4小时内联系居民并承诺整改时限，之后以承诺时限为准")
  void difficultTierHeldToCommittedDeadline() {
    GrievanceScenario.Case c = scenario.report(Category.NEIGHBOUR);
    assertThat(scenario.variable(c, "tier")).isEqualTo("DIFFICULT");
    scenario.triage(c, Tier.DIFFICULT);
    Instant committed = scenario.now().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.MINUTES);

    scenario.advance(Duration.ofHours(3));
    scenario.complete(
        c,
        TASK_CONTACT_RESIDENT,
        "property1",
        Map.of(
            "contactMethod",
            "VISIT",
            "rectificationMeasures",
            "上门调解，加装隔音垫",
            "committedDeadline",
            committed.atOffset(java.time.ZoneOffset.ofHours(8)).toString()));

    Task rectify = scenario.task(c, TASK_RECTIFY);
    assertThat(rectify.getDueDate().toInstant()).isEqualTo(committed);
    GrievanceCases.Row row = cases.find(c.caseNo()).orElseThrow();
    assertThat(row.committedDeadline()).isEqualTo(committed);
    assertThat(row.rectificationMeasures()).isEqualTo("上门调解，加装隔音垫");

    scenario.advance(Duration.ofDays(9));
    assertThat(scenario.executeDueJobs(c)).as("committed deadline not yet due").isZero();
    scenario.complete(c, TASK_RECTIFY, "property1", Map.of("handlingResult", "已加装隔音垫"));
    scenario.rate(c, Rating.SATISFIED);
    scenario.followUpAndClose(c);
    assertThat(c.instance()).isEnded();
    assertThat(ledger.entriesOf(c.caseNo())).isEmpty();
    assertThat(events(c)).contains(GrievanceEvent.PLAN_COMMITTED);
  }

  @Test
  @DisplayName("疑难问题：承诺时限早于当前或超过政策上限时拒绝提交，任务保持打开")
  void committedDeadlineMustBeInPolicy() {
    GrievanceScenario.Case c = scenario.report(Category.NEIGHBOUR);
    scenario.triage(c, Tier.DIFFICULT);
    Task contact = scenario.task(c, TASK_CONTACT_RESIDENT);
    tasks.claim(contact.getId(), "property1");

    assertThatThrownBy(
            () ->
                tasks.complete(
                    contact.getId(),
                    Map.of(
                        "contactMethod",
                        "PHONE",
                        "rectificationMeasures",
                        "协调",
                        "committedDeadline",
                        scenario.now().minus(Duration.ofHours(1)).toString())))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("晚于当前时间");
    assertThatThrownBy(
            () ->
                tasks.complete(
                    contact.getId(),
                    Map.of(
                        "contactMethod",
                        "PHONE",
                        "rectificationMeasures",
                        "协调",
                        "committedDeadline",
                        scenario.now().plus(Duration.ofDays(91)).toString())))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("不得晚于");
    assertThat(c.instance()).isWaitingAt(TASK_CONTACT_RESIDENT);
  }

  @Test
  @DisplayName("居民不满意：返工一次；再次不满意不再返工，转入回访")
  void reworkOnceAfterDissatisfied() {
    GrievanceScenario.Case c = scenario.report(Category.GREENING);
    scenario.triage(c, Tier.GENERAL);
    scenario.complete(
        c,
        TASK_HANDLE_GENERAL,
        "property1",
        Map.of("handlingResult", "已修剪", "feedbackMethod", "VISIT"));

    assertThat(scenario.rate(c, Rating.DISSATISFIED)).as("first 不满意 reworks").isTrue();
    assertThat(c.instance()).isWaitingAt(TASK_REWORK);
    Task rework = scenario.task(c, TASK_REWORK);
    assertThat(rework.getDueDate().toInstant())
        .isEqualTo(scenario.now().plus(Duration.ofHours(24)));
    assertThat(candidateGroups(rework)).containsExactly("tfsq-property-staff");
    scenario.complete(c, TASK_REWORK, "property1", Map.of("reworkResult", "补种草皮"));

    assertThat(c.instance()).isWaitingAt(TASK_AWAIT_RATING);
    assertThat(scenario.rate(c, Rating.DISSATISFIED)).as("second 不满意 does not").isFalse();
    assertThat(c.instance()).isWaitingAt(TASK_FOLLOW_UP_VISIT);
    scenario.followUpAndClose(c);
    assertThat(c.instance()).isEnded();
    assertThat(cases.find(c.caseNo()).orElseThrow().rating()).isEqualTo("DISSATISFIED");
    assertThat(events(c))
        .containsSubsequence(
            CommonEvent.RATED,
            CommonEvent.REWORK,
            CommonEvent.RESOLVED,
            CommonEvent.ASKED_TO_RATE,
            CommonEvent.RATED,
            CommonEvent.FOLLOWED_UP);
  }

  @Test
  @DisplayName("评价期满未评价：记为未评价，转入党小组回访")
  void noRatingWithinWindow() {
    GrievanceScenario.Case c = scenario.report(Category.PARKING);
    scenario.triage(c, Tier.GENERAL);
    scenario.complete(
        c,
        TASK_HANDLE_GENERAL,
        "property1",
        Map.of("handlingResult", "已劝离", "feedbackMethod", "ONLINE"));

    scenario.advance(Duration.ofDays(7).minusMinutes(1));
    assertThat(scenario.executeDueJobs(c)).isZero();
    assertThat(c.instance()).isWaitingAt(TASK_AWAIT_RATING);
    scenario.advance(Duration.ofMinutes(2));
    scenario.executeDueJobs(c);

    assertThat(c.instance())
        .hasPassed(TIMER_RATING_WINDOW, TASK_RECORD_NO_RATING)
        .isWaitingAt(TASK_FOLLOW_UP_VISIT);
    assertThat(cases.find(c.caseNo()).orElseThrow().rating()).isEqualTo("NONE");
  }

  @Test
  @DisplayName("工作人员代居民登记（电话）：来源和登记人记入案件历史")
  void staffEnteredIntake() {
    GrievanceScenario.Case c = scenario.report(Category.WATER_POWER, Channel.PHONE, "grid1");
    assertThat(c.instance()).isWaitingAt(TASK_TRIAGE);
    assertThat(scenario.variable(c, "channel")).isEqualTo("PHONE");
    CaseLog.Event received = caseLog.history(c.caseNo()).get(0);
    assertThat(received.type()).isEqualTo(GrievanceEvent.RECEIVED);
    assertThat(received.note()).contains("工作人员代登记");
  }

  @Test
  @DisplayName("流程变量只含编号和小型取值，不含居民联系方式")
  void noPersonalDataInVariables() {
    GrievanceScenario.Case c = scenario.report(Category.NOISE);
    Map<String, Object> vars = runtime.getVariables(c.instance().getId());
    assertThat(vars.values()).noneMatch(v -> v != null && v.toString().contains("13800001234"));
    assertThat(vars.values()).noneMatch(v -> v != null && v.toString().contains("周女士"));
    assertThat(vars).containsKeys("caseId", "caseNo", "communityCode", "tier", "reportedAt");
  }

  private List<String> candidateGroups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId)
        .filter(g -> g != null)
        .toList();
  }

  private List<CaseEventKind> events(GrievanceScenario.Case c) {
    return caseLog.history(c.caseNo()).stream().map(CaseLog.Event::type).toList();
  }
}
