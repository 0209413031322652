package io.linli.consultation;

import static io.linli.consultation.ConsultationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.linli.LinliSpringTest;
import io.linli.caselog.CaseEventKind;
import io.linli.caselog.CaseLog;
import io.linli.caselog.CommonEvent;
import io.linli.sla.SlaLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
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
 * Process tier: the consultation's clocks breached, through the same escalation call activity as
 * grievances — ledger row, 督办 task for 社区党委 — on the real engine and PostgreSQL. Time moves with
 * {@link ClockUtil}; the tests execute due jobs.
 */
@LinliSpringTest
class ConsultationEscalationTest {

  @Autowired ProcessEngine engine;
  @Autowired ConsultationScenario scenario;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired SlaLedger ledger;
  @Autowired CaseLog caseLog;
  @Autowired Checklist checklist;

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
  @DisplayName("协商事项超过办理时限：记入台账，社区党委收到督办任务，清单标为超期，办理主体继续办理")
  void executionBreachEscalatesToCommunityCommittee() {
    Instant deadline = scenario.now().plus(Duration.ofDays(10));
    ConsultationScenario.Topic t =
        scenario.listed(TopicCategory.PUBLIC_FACILITY, "维修小区路灯", deadline);
    scenario.advance(Duration.between(scenario.now(), deadline).minusSeconds(1));
    Assertions.assertThat(scenario.executeDueJobs(t)).isZero();
    assertThat(checklist.find(t.topicNo()).orElseThrow().overdue()).isFalse();
    scenario.advance(Duration.ofSeconds(2));
    scenario.executeDueJobs(t);

    assertThat(t.instance())
        .hasPassed(TIMER_EXECUTION_SLA)
        .isWaitingAt(TASK_EXECUTE, CALL_ESCALATE_EXECUTION);
    SlaLedger.Entry breach = single(ledger.entriesOf(t.topicNo()));
    assertThat(breach.flow()).isEqualTo("CONSULTATION");
    assertThat(breach.clock()).isEqualTo("CONSULTATION_EXECUTION");
    assertThat(breach.level()).isEqualTo(1);
    assertThat(breach.dueAt()).isEqualTo(deadline);
    assertThat(breach.occurredAt()).isEqualTo(scenario.now());
    assertThat(breach.holder()).isEqualTo("group:tfsq-property-staff");

    Task supervise = supervisionTask(t);
    assertThat(groups(supervise)).containsExactly("tfsq-community-committee");
    assertThat(runtime.getVariable(supervise.getExecutionId(), "clockLabel")).isEqualTo("协商事项办理时限");
    assertThat(runtime.getVariable(supervise.getExecutionId(), "caseNo")).isEqualTo(t.topicNo());
    assertThat(checklist.find(t.topicNo()).orElseThrow().overdue()).isTrue();
    assertThat(events(t)).contains(CommonEvent.ESCALATED);

    tasks.claim(supervise.getId(), "committee1");
    tasks.complete(supervise.getId(), Map.of("supervisionNote", "请物业本周内完成", "reassignTo", ""));
    assertThat(t.instance()).hasPassed(END_EXECUTION_ESCALATED).isWaitingAt(TASK_EXECUTE);
    scenario.execute(t);
    assertThat(t.instance()).isWaitingAt(EVENT_EVALUATION_ENDED);
    assertThat(checklist.find(t.topicNo()).orElseThrow().overdue()).isFalse();
  }

  @Test
  @DisplayName("小区党支部3个工作日未审核议题：升级社区党委督办")
  void reviewBreachEscalates() {
    ConsultationScenario.Topic t = scenario.propose(TopicCategory.PROPERTY_MANAGEMENT, "公示公共收益");
    scenario.endCollection(t);
    Instant due = scenario.task(t, TASK_REVIEW).getDueDate().toInstant();
    scenario.advance(Duration.between(scenario.now(), due).plusMinutes(1));
    scenario.executeDueJobs(t);

    assertThat(t.instance()).hasPassed(TIMER_REVIEW_SLA).isWaitingAt(TASK_REVIEW);
    SlaLedger.Entry breach = single(ledger.entriesOf(t.topicNo()));
    assertThat(breach.clock()).isEqualTo("CONSULTATION_REVIEW");
    assertThat(breach.dueAt()).isEqualTo(due);
    assertThat(breach.holder()).isEqualTo("group:tfsq-party-group");
    Task supervise = supervisionTask(t);
    tasks.claim(supervise.getId(), "committee1");
    tasks.complete(
        supervise.getId(), Map.of("supervisionNote", "请党支部今日审核", "reassignTo", "party1"));
    assertThat(scenario.task(t, TASK_REVIEW).getAssignee()).isEqualTo("party1");
    assertThat(t.instance()).hasPassed(END_REVIEW_ESCALATED);
  }

  @Test
  @DisplayName("多数不满意返回办理后超过整改时限：以整改时限另行升级督办")
  void reworkBreachEscalates() {
    ConsultationScenario.Topic t =
        scenario.listed(TopicCategory.SUPPORTING_FACILITY, "增设非机动车棚", null);
    scenario.execute(t);
    scenario.rate(t, 0, 1, 3);
    scenario.endEvaluation(t);
    assertThat(t.instance()).isWaitingAt(TASK_REWORK);

    Instant reworkDue = scenario.task(t, TASK_REWORK).getDueDate().toInstant();
    scenario.advance(Duration.between(scenario.now(), reworkDue).plusMinutes(1));
    scenario.executeDueJobs(t);
    assertThat(t.instance()).hasPassed(TIMER_REWORK_SLA).isWaitingAt(TASK_REWORK);
    SlaLedger.Entry breach = single(ledger.entriesOf(t.topicNo()));
    assertThat(breach.clock()).isEqualTo("CONSULTATION_REWORK");
    assertThat(checklist.find(t.topicNo()).orElseThrow().overdue()).isTrue();

    Task supervise = supervisionTask(t);
    tasks.claim(supervise.getId(), "committee1");
    tasks.complete(supervise.getId(), Map.of("supervisionNote", "限期整改", "reassignTo", ""));
    assertThat(t.instance()).hasPassed(END_REWORK_ESCALATED);
  }

  private Task supervisionTask(ConsultationScenario.Topic t) {
    Task task =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(t.topicNo())
            .taskDefinitionKey("Task_SuperviseCommunity")
            .singleResult();
    assertThat(task).as("督办 task for %s", t.topicNo()).isNotNull();
    return task;
  }

  private List<String> groups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId)
        .filter(g -> g != null)
        .toList();
  }

  private List<CaseEventKind> events(ConsultationScenario.Topic t) {
    return caseLog.history(t.topicNo()).stream().map(CaseLog.Event::type).toList();
  }

  private static <T> T single(List<T> list) {
    assertThat(list).hasSize(1);
    return list.get(0);
  }
}
