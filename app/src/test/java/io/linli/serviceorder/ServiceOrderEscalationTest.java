package io.linli.serviceorder;

import static io.linli.serviceorder.ServiceOrderProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.linli.LinliSpringTest;
import io.linli.sla.SlaLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Process tier: the service order clocks outside "52022" proper (派单, 接单, 回访) and the 20-minute
 * clock while the worker is still assessing, each through the reusable escalation call activity;
 * and a 督办 that hands the job to another worker. Real engine and PostgreSQL, moved clock.
 */
@LinliSpringTest
class ServiceOrderEscalationTest {

  static final String PIPE_REPAIR = "PLUMBING-01";

  @Autowired ProcessEngine engine;
  @Autowired ServiceOrderScenario scenario;
  @Autowired TaskService tasks;
  @Autowired SlaLedger ledger;
  @Autowired ServiceOrders orders;
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
  @DisplayName("30分钟未派单：记入台账，物业服务中心为承办方，社区党委督办")
  void dispatchBreach() {
    ServiceOrderScenario.Order o = scenario.order(PIPE_REPAIR);
    Instant ordered = scenario.now();
    scenario.advance(Duration.ofMinutes(30).minusSeconds(1));
    assertThat(scenario.executeDueJobs(o)).isZero();
    scenario.advance(Duration.ofSeconds(2));
    scenario.executeDueJobs(o);

    assertThat(o.instance()).hasPassed(TIMER_DISPATCH_SLA).isWaitingAt(TASK_DISPATCH);
    SlaLedger.Entry breach = single(ledger.entriesOf(o.orderNo()));
    assertThat(breach.clock()).isEqualTo("SERVICE_ORDER_DISPATCH");
    assertThat(breach.dueAt()).isEqualTo(ordered.plus(Duration.ofMinutes(30)));
    assertThat(breach.holder()).isEqualTo("group:tfsq-property-staff");
    scenario.dispatchToTeam(o);
    scenario.superviseAll(o);
    assertThat(o.instance()).hasPassed("EndEvent_DispatchEscalated").isWaitingAt(TASK_ACCEPT);
  }

  @Test
  @DisplayName("派单后30分钟无人接单：服务队为承办方；社区督办也超时则升级街道党工委")
  void acceptBreachReachesStreetCommittee() {
    ServiceOrderScenario.Order o = scenario.order(PIPE_REPAIR);
    scenario.dispatchToTeam(o);
    scenario.advance(Duration.ofMinutes(31));
    scenario.executeDueJobs(o);
    assertThat(o.instance()).hasPassed(TIMER_ACCEPT_SLA).isWaitingAt(TASK_ACCEPT);

    java.time.Instant supervisionDue =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(o.orderNo())
            .taskDefinitionKey("Task_SuperviseCommunity")
            .singleResult()
            .getDueDate()
            .toInstant();
    org.assertj.core.api.Assertions.assertThat(supervisionDue)
        .as("one working day")
        .isEqualTo(policy.due("escalation.community", scenario.now(), "tfsq"));
    scenario.at(supervisionDue.plusSeconds(60));
    scenario.executeDueJobs(o);
    Task street =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(o.orderNo())
            .taskDefinitionKey("Task_SuperviseStreet")
            .singleResult();
    assertThat(scenario.candidateGroups(street)).containsExactly("tianfu-street-committee");
    assertThat(ledger.entriesOf(o.orderNo()))
        .extracting(SlaLedger.Entry::clock, SlaLedger.Entry::level, SlaLedger.Entry::holder)
        .containsExactly(
            Tuple.tuple("SERVICE_ORDER_ACCEPT", 1, "group:tfsq-contractor-repair"),
            Tuple.tuple("SERVICE_ORDER_ACCEPT", 2, "group:tfsq-community-committee"));
    scenario.accept(o, "contractor1");
    scenario.superviseAll(o);
    assertThat(o.instance()).hasPassed("EndEvent_AcceptEscalated").isWaitingAt(TASK_ARRIVE);
  }

  @Test
  @DisplayName("到场20分钟仍未评估：小问题时限超时；之后的处置任务不再重复督办")
  void assessmentDragsPastTwentyMinutes() {
    ServiceOrderScenario.Order o = scenario.order(PIPE_REPAIR);
    scenario.dispatchToTeam(o);
    scenario.accept(o, "contractor1");
    scenario.checkIn(o);
    scenario.advance(Duration.ofMinutes(21));
    scenario.executeDueJobs(o);
    assertThat(o.instance()).hasPassed(TIMER_ASSESS_SLA).isWaitingAt(TASK_ASSESS);

    scenario.assessSmall(o, "40");
    scenario.decide(o, true, null);
    scenario.executeDueJobs(o); // 小问题处置 starts past the same deadline
    assertThat(o.instance()).hasPassed(TIMER_FIX_SMALL_SLA);
    assertThat(single(ledger.entriesOf(o.orderNo())).clock()).isEqualTo("SERVICE_ORDER_SMALL_FIX");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey("Process_Escalation")
                .processInstanceBusinessKey(o.orderNo())
                .finished()
                .singleResult()
                .getEndActivityId())
        .isEqualTo("EndEvent_AlreadySupervised");
    scenario.fixSmall(o);
    scenario.superviseAll(o);
    assertThat(o.instance()).hasPassed("EndEvent_AssessEscalated", "EndEvent_FixSmallEscalated");
  }

  @Test
  @DisplayName("居民评价后3个工作日未回访：党小组回访超时升级")
  void followUpBreach() {
    ServiceOrderScenario.Order o = scenario.smallJobPaid(PIPE_REPAIR, "contractor1", "50", 5000);
    scenario.rate(o, OrderRating.SATISFIED);
    scenario.at(scenario.task(o, TASK_FOLLOW_UP_VISIT).getDueDate().toInstant().plusSeconds(60));
    scenario.executeDueJobs(o);
    assertThat(o.instance()).hasPassed(TIMER_FOLLOW_UP_SLA).isWaitingAt(TASK_FOLLOW_UP_VISIT);
    assertThat(single(ledger.entriesOf(o.orderNo())).holder()).isEqualTo("group:tfsq-party-group");
    scenario.superviseAll(o);
    scenario.followUpAndClose(o);
    assertThat(o.instance()).hasPassed("EndEvent_FollowUpEscalated", END_CLOSED).isEnded();
  }

  @Test
  @DisplayName("社区党委督办改派师傅：到场签到由新师傅完成，服务单和结算归新师傅")
  void supervisionHandsTheJobToAnotherWorker() {
    ServiceOrderScenario.Order o = scenario.order(PIPE_REPAIR);
    scenario.dispatchToTeam(o);
    scenario.accept(o, "contractor1");
    scenario.advance(Duration.ofMinutes(6));
    scenario.executeDueJobs(o);

    Task supervise =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(o.orderNo())
            .taskDefinitionKey("Task_SuperviseCommunity")
            .singleResult();
    tasks.claim(supervise.getId(), "committee1");
    tasks.complete(
        supervise.getId(), Map.of("supervisionNote", "王师傅未到，改派赵师傅", "reassignTo", "worker1"));
    assertThat(scenario.task(o, TASK_ARRIVE).getAssignee()).isEqualTo("worker1");

    scenario.checkInByApi(o, "worker1");
    assertThat(scenario.task(o, TASK_ASSESS).getAssignee()).isEqualTo("worker1");
    scenario.assessSmall(o, "50");
    scenario.decide(o, true, null);
    scenario.fixSmall(o);
    scenario.confirm(o, 5000);
    assertThat(orders.find(o.orderNo()).orElseThrow().workerId()).isEqualTo("worker1");
    assertThat(o.instance()).hasPassed(END_ARRIVE_ESCALATED);
  }

  private static <T> T single(List<T> list) {
    assertThat(list).hasSize(1);
    return list.get(0);
  }
}
