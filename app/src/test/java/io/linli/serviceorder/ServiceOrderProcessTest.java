package io.linli.serviceorder;

import static io.linli.serviceorder.ServiceOrderProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.linli.LinliSpringTest;
import io.linli.caselog.CaseEventKind;
import io.linli.caselog.CaseLog;
import io.linli.caselog.CommonEvent;
import io.linli.sla.SlaLedger;
import io.linli.system.ApiError;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
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
 * Process tier: the paths of the service order flow (群众点单—物业派单—机构（个人）接单—党小组回访) with the "52022"
 * clocks, on the real engine and PostgreSQL with the real delegates. Time moves with {@link
 * ClockUtil}; the tests execute due jobs. The remaining clocks' escalations are in {@code
 * ServiceOrderEscalationTest}.
 */
@LinliSpringTest
class ServiceOrderProcessTest {

  /** 水管维修, 低收费, reference ¥50.00, rate 8% (V4 seed). */
  static final String PIPE_REPAIR = "PLUMBING-01";

  /** 居民义剪, volunteer (V4 seed). */
  static final String FREE_HAIRCUT = "VOLUNTEER-01";

  @Autowired ProcessEngine engine;
  @Autowired ServiceOrderScenario scenario;
  @Autowired TaskService tasks;
  @Autowired RepositoryService repository;
  @Autowired ServiceOrders orders;
  @Autowired CaseLog caseLog;
  @Autowired SlaLedger ledger;
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
  @DisplayName("服务单模型和表单随应用部署")
  void shouldDeploy() {
    var definition =
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKey(KEY)
            .latestVersion()
            .singleResult();
    assertThat(definition).isNotNull();
    assertThat(repository.getDeploymentResourceNames(definition.getDeploymentId()))
        .as("forms deployed with the model, for formRefBinding=deployment")
        .anyMatch(n -> n.endsWith("dispatch.form"))
        .anyMatch(n -> n.endsWith("service-follow-up.form"));
  }

  @Test
  @DisplayName("小问题按时：派给服务队，接单后5分钟内到场，20分钟内解决，居民确认付款并评价，党小组回访后办结")
  void smallJobInTime() {
    ServiceOrderScenario.Order o = scenario.order(PIPE_REPAIR);
    Instant ordered = scenario.now();
    assertThat(o.instance()).isWaitingAt(TASK_DISPATCH);
    Task dispatch = scenario.task(o, TASK_DISPATCH);
    assertThat(scenario.candidateGroups(dispatch)).containsExactly("tfsq-property-staff");
    assertThat(dispatch.getDueDate().toInstant()).isEqualTo(ordered.plus(Duration.ofMinutes(30)));
    assertThat(scenario.variable(o, "dispatchTeam"))
        .as("pre-selected by category")
        .isEqualTo("repair");

    scenario.advance(Duration.ofMinutes(10));
    scenario.dispatchToTeam(o);
    Instant dispatched = scenario.now();
    Task accept = scenario.task(o, TASK_ACCEPT);
    assertThat(scenario.candidateGroups(accept)).containsExactly("tfsq-contractor-repair");
    assertThat(accept.getAssignee()).isNull();
    assertThat(accept.getDueDate().toInstant()).isEqualTo(dispatched.plus(Duration.ofMinutes(30)));

    scenario.advance(Duration.ofMinutes(5));
    scenario.accept(o, "contractor1");
    Instant accepted = scenario.now();
    Task arrive = scenario.task(o, TASK_ARRIVE);
    assertThat(arrive.getAssignee()).isEqualTo("contractor1");
    assertThat(arrive.getDueDate().toInstant()).isEqualTo(accepted.plus(Duration.ofMinutes(5)));

    scenario.advance(Duration.ofMinutes(4));
    assertThat(scenario.executeDueJobs(o)).as("arrival clock not yet due").isZero();
    scenario.checkIn(o);
    Instant arrived = scenario.now();
    assertThat(scenario.task(o, TASK_ASSESS).getDueDate().toInstant())
        .isEqualTo(arrived.plus(Duration.ofMinutes(20)));

    scenario.advance(Duration.ofMinutes(3));
    scenario.assessSmall(o, "45.5");
    assertThat(o.instance()).isWaitingAt(TASK_AWAIT_QUOTE_DECISION);
    assertThat(scenario.variable(o, "quoteFen")).isEqualTo(4550L);
    assertThat(orders.find(o.orderNo()).orElseThrow().status())
        .isEqualTo("AWAITING_QUOTE_DECISION");

    scenario.decide(o, true, null);
    Task fix = scenario.task(o, TASK_FIX_SMALL);
    assertThat(fix.getDueDate().toInstant())
        .as("20 minutes from the check-in")
        .isEqualTo(arrived.plus(Duration.ofMinutes(20)));
    scenario.advance(Duration.ofMinutes(15));
    assertThat(scenario.executeDueJobs(o)).as("19 minutes after arrival").isZero();
    scenario.fixSmall(o);
    assertThat(o.instance()).isWaitingAt(TASK_AWAIT_COMPLETION);

    scenario.advance(Duration.ofMinutes(5));
    scenario.confirm(o, 4550);
    assertThat(o.instance()).isWaitingAt(TASK_AWAIT_RATING);
    scenario.rate(o, OrderRating.SATISFIED);
    Task followUp = scenario.task(o, TASK_FOLLOW_UP_VISIT);
    assertThat(scenario.candidateGroups(followUp)).containsExactly("tfsq-party-group");
    assertThat(followUp.getDueDate().toInstant())
        .as("3 working days")
        .isEqualTo(
            policy.due("service-order.follow-up", scenario.now(), ServiceOrderScenario.COMMUNITY));
    scenario.followUpAndClose(o);

    assertThat(o.instance())
        .isEnded()
        .hasPassed(TASK_FIX_SMALL, END_CLOSED)
        .hasNotPassed(TASK_PLAN, TASK_REPLY, TASK_DO_COMPLEX);
    assertThat(ledger.entriesOf(o.orderNo())).as("no clock breached").isEmpty();
    ServiceOrders.Row row = orders.find(o.orderNo()).orElseThrow();
    assertThat(row.status()).isEqualTo("CLOSED");
    assertThat(row.workerId()).isEqualTo("contractor1");
    assertThat(row.jobSize()).isEqualTo("SMALL");
    assertThat(row.quoteFen()).isEqualTo(4550L);
    assertThat(row.paidFen()).isEqualTo(4550L);
    assertThat(row.followUpSatisfaction()).isEqualTo("SATISFIED");
    assertThat(events(o))
        .containsExactly(
            ServiceOrderEvent.ORDERED,
            ServiceOrderEvent.DISPATCHED,
            ServiceOrderEvent.ACCEPTED,
            ServiceOrderEvent.ARRIVED,
            ServiceOrderEvent.ASSESSED,
            ServiceOrderEvent.QUOTED,
            CommonEvent.PAUSED,
            ServiceOrderEvent.QUOTE_ACCEPTED,
            CommonEvent.RESUMED,
            ServiceOrderEvent.WORK_DONE,
            ServiceOrderEvent.COMPLETED,
            ServiceOrderEvent.PAID,
            CommonEvent.ASKED_TO_RATE,
            CommonEvent.RATED,
            CommonEvent.FOLLOWED_UP,
            CommonEvent.CLOSED);
  }

  @Test
  @DisplayName("小问题迟到：接单后5分钟未到场，记入台账并由社区党委督办；师傅到场后继续办理")
  void smallJobArrivalBreach() {
    ServiceOrderScenario.Order o = scenario.order(PIPE_REPAIR);
    scenario.dispatchToTeam(o);
    scenario.accept(o, "contractor1");
    Instant accepted = scenario.now();

    scenario.advance(Duration.ofMinutes(5).minusSeconds(1));
    assertThat(scenario.executeDueJobs(o)).isZero();
    scenario.advance(Duration.ofSeconds(2));
    scenario.executeDueJobs(o);

    assertThat(o.instance())
        .hasPassed(TIMER_ARRIVE_SLA)
        .isWaitingAt(TASK_ARRIVE, CALL_ESCALATE_ARRIVE);
    SlaLedger.Entry breach = single(ledger.entriesOf(o.orderNo()));
    assertThat(breach.flow()).isEqualTo("SERVICE_ORDER");
    assertThat(breach.clock()).isEqualTo("SERVICE_ORDER_ARRIVE");
    assertThat(breach.level()).isEqualTo(1);
    assertThat(breach.dueAt()).isEqualTo(accepted.plus(Duration.ofMinutes(5)));
    assertThat(breach.holder()).isEqualTo("user:contractor1");
    Task supervise =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(o.orderNo())
            .taskDefinitionKey("Task_SuperviseCommunity")
            .singleResult();
    assertThat(scenario.candidateGroups(supervise)).containsExactly("tfsq-community-committee");
    assertThat(engine.getRuntimeService().getVariable(supervise.getExecutionId(), "clockLabel"))
        .isEqualTo("接单后到场时限");

    scenario.checkIn(o);
    scenario.assessSmall(o, "30");
    scenario.decide(o, true, null);
    scenario.fixSmall(o);
    scenario.superviseAll(o);
    assertThat(o.instance()).hasPassed(END_ARRIVE_ESCALATED).isWaitingAt(TASK_AWAIT_COMPLETION);
    assertThat(
            single(
                    ledger.entriesOf(o.orderNo()).stream()
                        .filter(e -> e.event().equals("BREACHED"))
                        .toList())
                .clock())
        .isEqualTo("SERVICE_ORDER_ARRIVE");
    assertThat(events(o)).contains(CommonEvent.ESCALATED, CommonEvent.SUPERVISED);
  }

  @Test
  @DisplayName("小问题超时：到场后20分钟未解决，记入台账升级社区党委")
  void smallJobNotSolvedIn20Minutes() {
    ServiceOrderScenario.Order o = scenario.order(PIPE_REPAIR);
    scenario.dispatchToTeam(o);
    scenario.accept(o, "contractor1");
    scenario.advance(Duration.ofMinutes(2));
    scenario.checkIn(o);
    Instant arrived = scenario.now();
    scenario.advance(Duration.ofMinutes(4));
    scenario.assessSmall(o, "50");
    scenario.decide(o, true, null);

    scenario.advance(Duration.ofMinutes(16).plusSeconds(1));
    scenario.executeDueJobs(o);

    assertThat(o.instance()).hasPassed(TIMER_FIX_SMALL_SLA).isWaitingAt(TASK_FIX_SMALL);
    SlaLedger.Entry breach = single(ledger.entriesOf(o.orderNo()));
    assertThat(breach.clock()).isEqualTo("SERVICE_ORDER_SMALL_FIX");
    assertThat(breach.dueAt()).isEqualTo(arrived.plus(Duration.ofMinutes(20)));
    assertThat(breach.holder()).isEqualTo("user:contractor1");
    scenario.fixSmall(o);
    scenario.superviseAll(o);
    assertThat(o.instance())
        .hasPassed("EndEvent_FixSmallEscalated")
        .isWaitingAt(TASK_AWAIT_COMPLETION);
  }

  @Test
  @DisplayName("复杂问题按时：两天内形成解决方案并答复居民，按承诺时间完工")
  void complexJobInTime() {
    ServiceOrderScenario.Order o = scenario.order(PIPE_REPAIR);
    scenario.dispatchToTeam(o);
    scenario.accept(o, "contractor1");
    scenario.checkIn(o);
    scenario.advance(Duration.ofMinutes(10));
    scenario.assessComplex(o);
    Instant assessed = scenario.now();

    Task plan = scenario.task(o, TASK_PLAN);
    assertThat(plan.getAssignee()).isEqualTo("contractor1");
    Instant twoWorkingDays =
        policy.due("service-order.plan", assessed, ServiceOrderScenario.COMMUNITY);
    assertThat(plan.getDueDate().toInstant()).isEqualTo(twoWorkingDays);
    scenario.advance(Duration.ofDays(1));
    assertThat(scenario.executeDueJobs(o))
        .as("the 20-minute clock stopped with the assessment")
        .isZero();
    Instant finish = scenario.now().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.MINUTES);
    scenario.plan(o, "380", finish);

    Task reply = scenario.task(o, TASK_REPLY);
    assertThat(scenario.candidateGroups(reply)).containsExactly("tfsq-property-staff");
    assertThat(reply.getDueDate().toInstant())
        .as("two working days from the assessment")
        .isEqualTo(twoWorkingDays);
    scenario.advance(Duration.ofHours(12));
    scenario.reply(o);
    assertThat(o.instance()).isWaitingAt(TASK_AWAIT_QUOTE_DECISION);

    scenario.decide(o, true, null);
    Task work = scenario.task(o, TASK_DO_COMPLEX);
    assertThat(work.getDueDate().toInstant()).isEqualTo(finish);
    scenario.advance(Duration.ofDays(3));
    assertThat(scenario.executeDueJobs(o)).isZero();
    scenario.doComplex(o);
    scenario.confirm(o, 36000); // the worker gave ¥20 off the quote
    scenario.followUpAndClose(o);

    assertThat(o.instance())
        .isEnded()
        .hasPassed(TASK_PLAN, TASK_REPLY, TASK_DO_COMPLEX, END_CLOSED)
        .hasNotPassed(TASK_FIX_SMALL);
    assertThat(ledger.entriesOf(o.orderNo())).isEmpty();
    ServiceOrders.Row row = orders.find(o.orderNo()).orElseThrow();
    assertThat(row.committedFinish()).isEqualTo(finish);
    assertThat(row.quoteFen()).isEqualTo(38000L);
    assertThat(row.paidFen()).isEqualTo(36000L);
    assertThat(events(o))
        .containsSubsequence(
            ServiceOrderEvent.ASSESSED,
            ServiceOrderEvent.PLAN_MADE,
            ServiceOrderEvent.QUOTED,
            ServiceOrderEvent.REPLIED,
            ServiceOrderEvent.QUOTE_ACCEPTED,
            ServiceOrderEvent.WORK_DONE,
            ServiceOrderEvent.COMPLETED,
            ServiceOrderEvent.PAID);
  }

  @Test
  @DisplayName("复杂问题超时：两个工作日未形成方案、未答复居民、承诺完工超时，各记一次并督办")
  void complexJobLate() {
    ServiceOrderScenario.Order o = scenario.order(PIPE_REPAIR);
    scenario.dispatchToTeam(o);
    scenario.accept(o, "contractor1");
    scenario.checkIn(o);
    scenario.assessComplex(o);
    Instant assessed = scenario.now();
    Instant twoWorkingDays =
        policy.due("service-order.plan", assessed, ServiceOrderScenario.COMMUNITY);

    scenario.at(twoWorkingDays.plusSeconds(60));
    scenario.executeDueJobs(o);
    assertThat(o.instance()).hasPassed(TIMER_PLAN_SLA).isWaitingAt(TASK_PLAN);

    Instant finish = scenario.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MINUTES);
    scenario.plan(o, "600", finish);
    scenario.executeDueJobs(o); // the reply starts past its due time: its timer fires at once
    assertThat(o.instance()).hasPassed(TIMER_REPLY_SLA).isWaitingAt(TASK_REPLY);
    scenario.reply(o);
    scenario.decide(o, true, null);
    // past the committed finish and past the 社区党委's working day on the plan's and reply's 督办
    Instant lastSupervisionDue =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(o.orderNo())
            .taskDefinitionKey("Task_SuperviseCommunity")
            .list()
            .stream()
            .map(t -> t.getDueDate().toInstant())
            .max(Instant::compareTo)
            .orElseThrow();
    scenario.at((finish.isAfter(lastSupervisionDue) ? finish : lastSupervisionDue).plusSeconds(60));
    scenario.executeDueJobs(o);
    assertThat(o.instance()).hasPassed(TIMER_COMMITTED_FINISH).isWaitingAt(TASK_DO_COMPLEX);

    assertThat(ledger.entriesOf(o.orderNo()))
        .filteredOn(e -> e.event().equals("BREACHED") && e.level() == 1)
        .extracting(SlaLedger.Entry::clock, SlaLedger.Entry::dueAt, SlaLedger.Entry::holder)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "SERVICE_ORDER_PLAN", twoWorkingDays, "user:contractor1"),
            org.assertj.core.groups.Tuple.tuple(
                "SERVICE_ORDER_REPLY", twoWorkingDays, "group:tfsq-property-staff"),
            org.assertj.core.groups.Tuple.tuple(
                "SERVICE_ORDER_COMMITTED", finish, "user:contractor1"));
    assertThat(ledger.entriesOf(o.orderNo()))
        .as("the 社区党委 督办 of plan and reply went unanswered past its working day: 街道党工委")
        .filteredOn(e -> e.event().equals("BREACHED") && e.level() == 2)
        .extracting(SlaLedger.Entry::clock)
        .containsExactlyInAnyOrder("SERVICE_ORDER_PLAN", "SERVICE_ORDER_REPLY");
    scenario.doComplex(o);
    scenario.superviseAll(o);
    assertThat(o.instance())
        .hasPassed(
            "EndEvent_PlanEscalated", "EndEvent_ReplyEscalated", "EndEvent_CommittedEscalated")
        .isWaitingAt(TASK_AWAIT_COMPLETION);
  }

  @Test
  @DisplayName("居民不接受报价：须说明原因，服务单终止并记录原因")
  void quoteDeclined() {
    ServiceOrderScenario.Order o = scenario.order(PIPE_REPAIR);
    scenario.dispatchToTeam(o);
    scenario.accept(o, "contractor1");
    scenario.checkIn(o);
    scenario.assessSmall(o, "80");

    assertThatThrownBy(() -> scenario.decide(o, false, " "))
        .isInstanceOfSatisfying(
            ApiError.class,
            e ->
                assertThat(e.fields())
                    .singleElement()
                    .extracting(ApiError.FieldMessage::field)
                    .isEqualTo("reason"));
    assertThat(o.instance()).isWaitingAt(TASK_AWAIT_QUOTE_DECISION);

    scenario.decide(o, false, "价格偏高，自己处理");
    assertThat(o.instance()).isEnded().hasPassed(END_QUOTE_DECLINED).hasNotPassed(TASK_FIX_SMALL);
    ServiceOrders.Row row = orders.find(o.orderNo()).orElseThrow();
    assertThat(row.status()).isEqualTo("DECLINED");
    assertThat(row.quoteDecision()).isEqualTo("DECLINED");
    assertThat(row.declineReason()).isEqualTo("价格偏高，自己处理");
    assertThat(row.paidFen()).isNull();
    List<CaseLog.Event> history = caseLog.history(o.orderNo());
    // the quote wait's pause ends with the decision (挂起, docs/sla-pauses.md)
    assertThat(history.get(history.size() - 1).type()).isEqualTo(CommonEvent.RESUMED);
    CaseLog.Event last = history.get(history.size() - 2);
    assertThat(last.type()).isEqualTo(ServiceOrderEvent.QUOTE_DECLINED);
    assertThat(last.note()).isEqualTo("价格偏高，自己处理");
    assertThatThrownBy(() -> scenario.decide(o, true, null))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.status().value()).isEqualTo(409));
  }

  @Test
  @DisplayName("派给指定能工巧匠：任务直接分配给本人，他人不能认领；本人经接口到场签到")
  void dispatchToNamedIndividual() {
    ServiceOrderScenario.Order o = scenario.order(FREE_HAIRCUT);
    Task dispatch = scenario.task(o, TASK_DISPATCH);
    tasks.claim(dispatch.getId(), "property1");
    assertThatThrownBy(
            () ->
                tasks.complete(
                    dispatch.getId(),
                    Map.of("dispatchMode", "INDIVIDUAL", "dispatchTo", "property1")))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("不是本社区的接单机构或能工巧匠");
    assertThatThrownBy(
            () ->
                tasks.complete(
                    dispatch.getId(), Map.of("dispatchMode", "INDIVIDUAL", "dispatchTo", " ")))
        .hasMessageContaining("请填写接单人");
    assertThat(o.instance()).isWaitingAt(TASK_DISPATCH);

    tasks.complete(dispatch.getId(), Map.of("dispatchMode", "INDIVIDUAL", "dispatchTo", "worker1"));
    Task accept = scenario.task(o, TASK_ACCEPT);
    assertThat(accept.getAssignee()).isEqualTo("worker1");
    assertThat(scenario.candidateGroups(accept)).containsExactly("tfsq-contractor");
    assertThatThrownBy(() -> tasks.claim(accept.getId(), "contractor1"))
        .isInstanceOf(ProcessEngineException.class);
    scenario.accept(o, "worker1");

    assertThatThrownBy(() -> scenario.checkInByApi(o, "contractor1"))
        .isInstanceOfSatisfying(
            ApiError.class,
            e ->
                assertThat(e.fields())
                    .singleElement()
                    .extracting(ApiError.FieldMessage::field)
                    .isEqualTo("workerId"));
    scenario.checkInByApi(o, "worker1");
    assertThat(o.instance()).hasPassed(TASK_ARRIVE).isWaitingAt(TASK_ASSESS);
    assertThat(scenario.variable(o, "checkInChannel")).isEqualTo("API");

    assertThatThrownBy(() -> scenario.assessSmall(o, "5")).hasMessageContaining("志愿服务项目免费");
    scenario.assessSmall(o, "0");
    scenario.decide(o, true, null);
    scenario.fixSmall(o);
    assertThatThrownBy(() -> scenario.confirm(o, 500))
        .isInstanceOf(ApiError.class)
        .hasMessageContaining("请求内容有误");
    scenario.confirm(o, 0);
    ServiceOrders.Row row = orders.find(o.orderNo()).orElseThrow();
    assertThat(row.workerId()).isEqualTo("worker1");
    assertThat(row.paidFen()).isZero();
    assertThat(caseLog.history(o.orderNo()))
        .filteredOn(e -> e.type() == ServiceOrderEvent.DISPATCHED)
        .singleElement()
        .extracting(CaseLog.Event::note)
        .isEqualTo("派给能工巧匠（个人）");
  }

  @Test
  @DisplayName("报价须为有效金额（最多到分），实付不得高于报价")
  void moneyIsChecked() {
    ServiceOrderScenario.Order o = scenario.order(PIPE_REPAIR);
    scenario.dispatchToTeam(o);
    scenario.accept(o, "contractor1");
    scenario.checkIn(o);
    assertThatThrownBy(() -> scenario.assessSmall(o, "12.345")).hasMessageContaining("最多精确到分");
    assertThatThrownBy(() -> scenario.assessSmall(o, "-5")).hasMessageContaining("不能为负数");
    assertThatThrownBy(() -> scenario.assessSmall(o, "三十")).hasMessageContaining("金额格式无效");
    scenario.assessSmall(o, "¥60.10");
    assertThat(scenario.variable(o, "quoteFen")).isEqualTo(6010L);
    scenario.decide(o, true, null);
    scenario.fixSmall(o);
    assertThatThrownBy(() -> scenario.confirm(o, 6011))
        .isInstanceOfSatisfying(
            ApiError.class, e -> assertThat(e.fields().get(0).message()).contains("不能高于报价¥60.10"));
    scenario.confirm(o, 6010);
    assertThat(o.instance()).isWaitingAt(TASK_AWAIT_RATING);
  }

  private List<CaseEventKind> events(ServiceOrderScenario.Order o) {
    return caseLog.history(o.orderNo()).stream().map(CaseLog.Event::type).toList();
  }

  private static <T> T single(List<T> list) {
    assertThat(list).hasSize(1);
    return list.get(0);
  }
}
