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
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
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
 * Process tier: every clock of the grievance flow breached, through the reusable escalation call
 * activity — ledger row, 督办 task for 社区党委, second level to 街道党工委 — on the real engine and
 * PostgreSQL. Time moves with {@link ClockUtil}; the tests execute due jobs.
 */
@LinliSpringTest
class GrievanceEscalationTest {

  static final String ESCALATION = "Process_Escalation";

  @Autowired ProcessEngine engine;
  @Autowired GrievanceScenario scenario;
  @Autowired io.linli.CaseClock clock;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired SlaLedger ledger;
  @Autowired CaseLog caseLog;
  @Autowired io.linli.sla.SlaPolicy policy;

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
  @DisplayName("中等问题4小时未响应：记入台账，社区党委收到督办任务，原承办方继续办理")
  void respondBreachEscalatesToCommunityCommittee() {
    GrievanceScenario.Case c = scenario.report(Category.FACILITY);
    Instant reported = scenario.now();
    scenario.triage(c, Tier.MEDIUM);

    scenario.advance(Duration.ofHours(4).minusSeconds(1));
    assertThat(scenario.executeDueJobs(c)).isZero();
    scenario.advance(Duration.ofSeconds(2));
    scenario.executeDueJobs(c);

    assertThat(c.instance()).hasPassed(TIMER_RESPOND_SLA).isWaitingAt(TASK_RESPOND);
    SlaLedger.Entry breach = single(ledger.entriesOf(c.caseNo()));
    assertThat(breach.clock()).isEqualTo("GRIEVANCE_RESPOND");
    assertThat(breach.event()).isEqualTo("BREACHED");
    assertThat(breach.level()).isEqualTo(1);
    assertThat(breach.dueAt()).isEqualTo(reported.plus(Duration.ofHours(4)));
    assertThat(breach.occurredAt()).isEqualTo(scenario.now());
    assertThat(breach.holder()).isEqualTo("group:tfsq-property-staff");

    Task supervise = supervisionTask(c, "Task_SuperviseCommunity");
    assertThat(groups(supervise)).containsExactly("tfsq-community-committee");
    assertThat(supervise.getDueDate().toInstant())
        .as("one working day")
        .isEqualTo(policy.due("escalation.community", scenario.now(), "tfsq"));
    assertThat(runtime.getVariable(supervise.getExecutionId(), "clockLabel")).isEqualTo("诉求响应时限");
    assertThat(runtime.getVariable(supervise.getExecutionId(), "holderLabel").toString())
        .contains("天府社区 物业服务中心");
    assertThat(groups(scenario.task(c, TASK_RESPOND))).containsExactly("tfsq-property-staff");
    assertThat(events(c)).contains(CommonEvent.ESCALATED);
  }

  @Test
  @DisplayName("社区党委督办超时：升级街道党工委，台账记第二级；街道督办完成后记入台账")
  void overdueSupervisionGoesToStreetCommittee() {
    GrievanceScenario.Case c = scenario.report(Category.FACILITY);
    scenario.triage(c, Tier.MEDIUM);
    scenario.advance(Duration.ofHours(5));
    scenario.executeDueJobs(c);
    Task community = supervisionTask(c, "Task_SuperviseCommunity");
    tasks.claim(community.getId(), "committee1");

    scenario.advance(
        Duration.between(scenario.now(), community.getDueDate().toInstant()).plusHours(1));
    scenario.executeDueJobs(c);

    Task street = supervisionTask(c, "Task_SuperviseStreet");
    assertThat(groups(street)).containsExactly("tianfu-street-committee");
    assertThat(ledger.entriesOf(c.caseNo()))
        .extracting(
            SlaLedger.Entry::clock,
            SlaLedger.Entry::level,
            SlaLedger.Entry::event,
            SlaLedger.Entry::holder)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                "GRIEVANCE_RESPOND", 1, "BREACHED", "group:tfsq-property-staff"),
            org.assertj.core.groups.Tuple.tuple(
                "GRIEVANCE_RESPOND", 2, "BREACHED", "user:committee1"));

    tasks.claim(street.getId(), "street1");
    tasks.complete(street.getId(), Map.of("supervisionNote", "限今日内响应居民", "reassignTo", ""));
    assertThat(ledger.entriesOf(c.caseNo()))
        .anySatisfy(
            e -> {
              assertThat(e.event()).isEqualTo("SUPERVISED");
              assertThat(e.level()).isEqualTo(2);
              assertThat(e.actor()).isEqualTo("street1");
              assertThat(e.note()).isEqualTo("限今日内响应居民");
            });
  }

  @Test
  @DisplayName("社区党委督办时改派承办人：超时任务改由指定人员办理")
  void committeeReassignsTheCase() {
    GrievanceScenario.Case c = scenario.report(Category.FACILITY);
    scenario.triage(c, Tier.MEDIUM);
    scenario.advance(Duration.ofHours(5));
    scenario.executeDueJobs(c);

    Task supervise = supervisionTask(c, "Task_SuperviseCommunity");
    tasks.claim(supervise.getId(), "committee1");
    assertThatThrownBy(
            () ->
                tasks.complete(
                    supervise.getId(),
                    Map.of("supervisionNote", "改派", "reassignTo", "nobody-here")))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("改派承办人不存在");

    tasks.complete(
        supervise.getId(), Map.of("supervisionNote", "请何经理今日处理", "reassignTo", "property1"));
    assertThat(scenario.task(c, TASK_RESPOND).getAssignee()).isEqualTo("property1");
    assertThat(ledger.entriesOf(c.caseNo()))
        .anySatisfy(
            e -> {
              assertThat(e.event()).isEqualTo("SUPERVISED");
              assertThat(e.level()).isEqualTo(1);
              assertThat(e.actor()).isEqualTo("committee1");
            });
    assertThat(events(c)).contains(CommonEvent.SUPERVISED, CommonEvent.REASSIGNED);
    assertThat(escalationsOf(c))
        .singleElement()
        .extracting(HistoricProcessInstance::getEndActivityId)
        .isEqualTo("EndEvent_Supervised");
  }

  @Test
  @DisplayName("分流超时后处置也超时：同一时限只督办一次")
  void oneClockIsEscalatedOnce() {
    GrievanceScenario.Case c = scenario.report(Category.ENVIRONMENT);
    scenario.advance(Duration.ofHours(5));
    scenario.executeDueJobs(c);
    assertThat(c.instance())
        .hasPassed(TIMER_TRIAGE_SLA)
        .isWaitingAt(TASK_TRIAGE, CALL_ESCALATE_TRIAGE);
    assertThat(single(ledger.entriesOf(c.caseNo())).holder()).isEqualTo("group:tfsq-grid-worker");

    scenario.triage(c, Tier.GENERAL);
    scenario.executeDueJobs(
        c); // the handling task starts past its due time: its timer fires at once

    assertThat(c.instance()).hasPassed(TIMER_HANDLE_GENERAL_SLA);
    assertThat(ledger.entriesOf(c.caseNo())).hasSize(1);
    assertThat(escalationsOf(c))
        .extracting(HistoricProcessInstance::getEndActivityId)
        .as("the second escalation of the same clock ends at once")
        .containsExactlyInAnyOrder(null, "EndEvent_AlreadySupervised");
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceBusinessKey(c.caseNo())
                .taskDefinitionKey("Task_SuperviseCommunity")
                .count())
        .isEqualTo(1);
    superviseAll(c);
    assertThat(c.instance()).hasPassed("EndEvent_TriageEscalated");
  }

  @Test
  @DisplayName("中等问题24小时未办结升级社区党委")
  void resolveBreach() {
    GrievanceScenario.Case c = scenario.report(Category.FACILITY);
    scenario.triage(c, Tier.MEDIUM);
    scenario.complete(
        c, TASK_RESPOND, "property1", Map.of("responseNote", "已联系", "feedbackMethod", "PHONE"));
    scenario.advance(Duration.ofHours(24).plusMinutes(1));
    scenario.executeDueJobs(c);
    assertThat(c.instance()).hasPassed(TIMER_RESOLVE_SLA).isWaitingAt(TASK_RESOLVE);
    assertThat(single(ledger.entriesOf(c.caseNo())).clock()).isEqualTo("GRIEVANCE_RESOLVE");
    superviseAll(c);
    assertThat(c.instance()).hasPassed("EndEvent_ResolveEscalated").isWaitingAt(TASK_RESOLVE);
  }

  @Test
  @DisplayName("一般问题4小时未处置反馈升级社区党委")
  void handleGeneralBreach() {
    GrievanceScenario.Case c = scenario.report(Category.ENVIRONMENT);
    scenario.triage(c, Tier.GENERAL);
    scenario.advance(Duration.ofHours(4).plusMinutes(1));
    scenario.executeDueJobs(c);
    assertThat(c.instance()).hasPassed(TIMER_HANDLE_GENERAL_SLA).isWaitingAt(TASK_HANDLE_GENERAL);
    assertThat(single(ledger.entriesOf(c.caseNo())).clock()).isEqualTo("GRIEVANCE_RESPOND");
  }

  @Test
  @DisplayName("疑难问题4小时未联系居民升级；承诺整改时限到期未办结再次升级")
  void difficultClocksBreach() {
    GrievanceScenario.Case c = scenario.report(Category.NEIGHBOUR);
    scenario.triage(c, Tier.DIFFICULT);
    scenario.advance(Duration.ofHours(4).plusMinutes(1));
    scenario.executeDueJobs(c);
    assertThat(c.instance()).hasPassed(TIMER_CONTACT_SLA);

    Instant committed = scenario.now().plus(Duration.ofDays(3));
    scenario.complete(
        c,
        TASK_CONTACT_RESIDENT,
        "property1",
        Map.of(
            "contactMethod",
            "PHONE",
            "rectificationMeasures",
            "协调双方",
            "committedDeadline",
            committed.atOffset(ZoneOffset.ofHours(8)).toString()));
    scenario.advance(Duration.ofDays(3).plusMinutes(1));
    scenario.executeDueJobs(c);

    assertThat(c.instance()).hasPassed(TIMER_COMMITTED_DEADLINE).isWaitingAt(TASK_RECTIFY);
    assertThat(ledger.entriesOf(c.caseNo()))
        .filteredOn(e -> e.event().equals("BREACHED"))
        .extracting(SlaLedger.Entry::clock, SlaLedger.Entry::dueAt)
        .contains(org.assertj.core.groups.Tuple.tuple("GRIEVANCE_COMMITTED", committed));
    superviseAll(c);
    assertThat(c.instance()).hasPassed("EndEvent_ContactEscalated", "EndEvent_CommittedEscalated");
  }

  @Test
  @DisplayName("返工和党小组回访超时同样升级")
  void reworkAndFollowUpBreach() {
    GrievanceScenario.Case c = scenario.report(Category.GREENING);
    scenario.triage(c, Tier.GENERAL);
    scenario.complete(
        c,
        TASK_HANDLE_GENERAL,
        "property1",
        Map.of("handlingResult", "已处理", "feedbackMethod", "PHONE"));
    scenario.rate(c, Rating.DISSATISFIED);
    scenario.advance(Duration.ofHours(25));
    scenario.executeDueJobs(c);
    assertThat(c.instance()).hasPassed(TIMER_REWORK_SLA);

    scenario.complete(c, TASK_REWORK, "property1", Map.of("reworkResult", "重新处理"));
    scenario.rate(c, Rating.SATISFIED);
    Instant followUpDue = scenario.task(c, TASK_FOLLOW_UP_VISIT).getDueDate().toInstant();
    assertThat(followUpDue)
        .as("3 working days")
        .isEqualTo(policy.due("grievance.follow-up", scenario.now(), "tfsq"));
    scenario.advance(Duration.between(scenario.now(), followUpDue).plusMinutes(1));
    scenario.executeDueJobs(c);
    assertThat(c.instance()).hasPassed(TIMER_FOLLOW_UP_SLA).isWaitingAt(TASK_FOLLOW_UP_VISIT);
    assertThat(ledger.entriesOf(c.caseNo()))
        .extracting(SlaLedger.Entry::clock)
        .contains("GRIEVANCE_REWORK", "GRIEVANCE_FOLLOW_UP");
    superviseAll(c);
    assertThat(c.instance()).hasPassed("EndEvent_ReworkEscalated", "EndEvent_FollowUpEscalated");
  }

  private List<HistoricProcessInstance> escalationsOf(GrievanceScenario.Case c) {
    return engine
        .getHistoryService()
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey(ESCALATION)
        .processInstanceBusinessKey(c.caseNo())
        .list();
  }

  private void superviseAll(GrievanceScenario.Case c) {
    clock.superviseAll(c.caseNo());
  }

  private Task supervisionTask(GrievanceScenario.Case c, String key) {
    Task t =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(c.caseNo())
            .taskDefinitionKey(key)
            .singleResult();
    assertThat(t).as("督办 task %s for %s", key, c.caseNo()).isNotNull();
    return t;
  }

  private List<String> groups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId)
        .filter(g -> g != null)
        .toList();
  }

  private List<CaseEventKind> events(GrievanceScenario.Case c) {
    return caseLog.history(c.caseNo()).stream().map(CaseLog.Event::type).toList();
  }

  private static <T> T single(List<T> list) {
    assertThat(list).hasSize(1);
    return list.get(0);
  }
}
