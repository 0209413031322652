package io.linli.serviceorder;

import static org.assertj.core.api.Assertions.assertThat;

import io.linli.CaseClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Drives service orders through the real services and engine, the way residents, the property
 * service centre, workers and the party group would. Time moves only through {@link #advance} and
 * {@link #at}.
 */
@Component
class ServiceOrderScenario {

  static final String COMMUNITY = "tfsq";

  private final ServiceOrderIntake intake;
  private final OnSiteCheckIn checkIn;
  private final ResidentDecisions decisions;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final CaseClock clock;
  private final OrderRatings ratings;

  ServiceOrderScenario(
      ServiceOrderIntake intake,
      OnSiteCheckIn checkIn,
      ResidentDecisions decisions,
      RuntimeService runtime,
      TaskService tasks,
      CaseClock clock,
      OrderRatings ratings) {
    this.ratings = ratings;
    this.intake = intake;
    this.checkIn = checkIn;
    this.decisions = decisions;
    this.runtime = runtime;
    this.tasks = tasks;
    this.clock = clock;
  }

  /** An order, with its process instance. */
  record Order(String orderNo, ProcessInstance instance) {}

  Order order(String itemCode) {
    ServiceOrderIntake.Receipt receipt =
        intake.order(
            new ServiceOrderIntake.Order(
                COMMUNITY,
                "dfhy",
                "b2",
                itemCode,
                "2栋302，厨房水管接头漏水，请师傅上门看看",
                "周女士",
                "13800001234",
                OrderChannel.MINI_PROGRAM,
                null));
    return new Order(receipt.orderNo(), instance(receipt.orderNo()));
  }

  ProcessInstance instance(String orderNo) {
    return runtime
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(orderNo)
        .processDefinitionKey(ServiceOrderProcess.KEY)
        .singleResult();
  }

  Task task(Order o, String taskKey) {
    Task t =
        tasks
            .createTaskQuery()
            .processInstanceId(o.instance().getId())
            .taskDefinitionKey(taskKey)
            .singleResult();
    assertThat(t).as("open task %s of %s", taskKey, o.orderNo()).isNotNull();
    return t;
  }

  /** Claims the task as {@code user} when nobody holds it, then submits the form's values. */
  void complete(Order o, String taskKey, String user, Map<String, Object> form) {
    Task t = task(o, taskKey);
    if (t.getAssignee() == null) tasks.claim(t.getId(), user);
    tasks.complete(t.getId(), form);
  }

  /** 物业派单 to the team the form pre-selected for the item's category. */
  void dispatchToTeam(Order o) {
    complete(
        o,
        ServiceOrderProcess.TASK_DISPATCH,
        "property1",
        Map.of(
            "dispatchMode",
            "TEAM",
            "dispatchTeam",
            variable(o, "dispatchTeam"),
            "dispatchNote",
            ""));
  }

  void dispatchTo(Order o, String worker) {
    complete(
        o,
        ServiceOrderProcess.TASK_DISPATCH,
        "property1",
        Map.of("dispatchMode", "INDIVIDUAL", "dispatchTo", worker, "dispatchNote", "指定师傅"));
  }

  void accept(Order o, String worker) {
    complete(o, ServiceOrderProcess.TASK_ACCEPT, worker, Map.of("acceptNote", ""));
  }

  /** 到场签到 through the Tasklist form. */
  void checkIn(Order o) {
    complete(o, ServiceOrderProcess.TASK_ARRIVE, null, Map.of("arrivedConfirmed", true));
  }

  /** 到场签到 through the API, as the worker's phone does. */
  void checkInByApi(Order o, String worker) {
    checkIn.checkIn(o.orderNo(), worker);
  }

  void assessSmall(Order o, String quoteYuan) {
    complete(
        o,
        ServiceOrderProcess.TASK_ASSESS,
        null,
        Map.of("jobSize", "SMALL", "quoteYuan", quoteYuan, "assessmentNote", "接头老化"));
  }

  void assessComplex(Order o) {
    complete(
        o,
        ServiceOrderProcess.TASK_ASSESS,
        null,
        Map.of("jobSize", "COMPLEX", "assessmentNote", "墙内管道渗漏，需开槽更换"));
  }

  void plan(Order o, String quoteYuan, Instant finish) {
    complete(
        o,
        ServiceOrderProcess.TASK_PLAN,
        null,
        Map.of(
            "solutionPlan",
            "开槽更换墙内PPR管并恢复墙面",
            "quoteYuan",
            quoteYuan,
            "plannedFinish",
            finish.atOffset(ZoneOffset.ofHours(8)).toString()));
  }

  void reply(Order o) {
    complete(
        o,
        ServiceOrderProcess.TASK_REPLY,
        "property1",
        Map.of("replyMethod", "PHONE", "replyNote", "已电话告知方案和报价"));
  }

  void decide(Order o, boolean accept, String reason) {
    decisions.decideQuote(o.orderNo(), accept, reason, null);
  }

  void fixSmall(Order o) {
    complete(o, ServiceOrderProcess.TASK_FIX_SMALL, null, Map.of("workResult", "已更换接头，试水无渗漏"));
  }

  void doComplex(Order o) {
    complete(o, ServiceOrderProcess.TASK_DO_COMPLEX, null, Map.of("workResult", "已更换管道，墙面恢复"));
  }

  void confirm(Order o, long paidFen) {
    decisions.confirmCompletion(o.orderNo(), paidFen, null);
  }

  /** The resident's 评价; returns whether the order goes back for rework. */
  boolean rate(Order o, OrderRating rating) {
    return ratings.rate(o.orderNo(), rating, null);
  }

  /** 党小组回访 with the resident's satisfaction as the visitor records it. */
  void followUp(Order o, String satisfaction) {
    complete(
        o,
        ServiceOrderProcess.TASK_FOLLOW_UP_VISIT,
        "party1",
        Map.of(
            "followUpMethod", "PHONE", "followUpSatisfaction", satisfaction, "followUpNote", ""));
  }

  /** 返工处置 by the order's worker. */
  void rework(Order o) {
    complete(o, ServiceOrderProcess.TASK_REWORK, null, Map.of("reworkResult", "重新更换密封圈，试水无渗漏"));
  }

  /**
   * 党小组回访, then the asynchronous 办结 step the job executor would run; an order still waiting for the
   * resident's rating is rated 满意 first.
   */
  void followUpAndClose(Order o) {
    if (runtime
            .createExecutionQuery()
            .processInstanceId(o.instance().getId())
            .activityId(ServiceOrderProcess.TASK_AWAIT_RATING)
            .count()
        > 0) {
      rate(o, OrderRating.SATISFIED);
    }
    followUp(o, "SATISFIED");
    executeDueJobs(o);
  }

  /** A small job from order to the resident's payment, every step in time. */
  Order smallJobPaid(String itemCode, String worker, String quoteYuan, long paidFen) {
    Order o = order(itemCode);
    dispatchTo(o, worker);
    accept(o, worker);
    advance(Duration.ofMinutes(3));
    checkIn(o);
    assessSmall(o, quoteYuan);
    decide(o, true, null);
    advance(Duration.ofMinutes(10));
    fixSmall(o);
    confirm(o, paidFen);
    return o;
  }

  /** The same, with the resident's confirmation (and payment) at {@code confirmedAt}. */
  Order smallJobPaidAt(
      String itemCode, String worker, String quoteYuan, long paidFen, Instant confirmedAt) {
    at(confirmedAt.minus(Duration.ofMinutes(30)));
    Order o = order(itemCode);
    dispatchTo(o, worker);
    accept(o, worker);
    checkIn(o);
    assessSmall(o, quoteYuan);
    decide(o, true, null);
    fixSmall(o);
    at(confirmedAt);
    confirm(o, paidFen);
    return o;
  }

  Object variable(Order o, String name) {
    return runtime.getVariable(o.instance().getId(), name);
  }

  List<String> candidateGroups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId)
        .filter(g -> g != null)
        .toList();
  }

  void advance(Duration d) {
    clock.advance(d);
  }

  void at(Instant instant) {
    clock.at(instant);
  }

  /** Runs the due jobs of this case and the escalations it called (see {@link CaseClock}). */
  int executeDueJobs(Order o) {
    return clock.executeDueJobs(o.orderNo());
  }

  void superviseAll(Order o) {
    clock.superviseAll(o.orderNo());
  }

  Instant now() {
    return clock.now();
  }

  void pinClock() {
    clock.pin();
  }
}
