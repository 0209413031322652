package io.linli.serviceorder;

import static io.linli.serviceorder.ServiceOrderProcess.TASK_PLAN;
import static io.linli.serviceorder.ServiceOrderProcess.TIMER_PLAN_SLA;
import static io.linli.serviceorder.ServiceOrderProcess.TIMER_REPLY_SLA;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.linli.LinliSpringTest;
import io.linli.sla.SlaLedger;
import io.linli.system.Times;
import java.time.Instant;
import java.time.LocalDateTime;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Process tier: a working-day clock on the real engine and PostgreSQL, across the 2026 Spring
 * Festival (15–23 February, makeup working Saturdays 14 and 28 February). The engine clock is
 * pinned with {@link ClockUtil}; the test executes the due jobs.
 */
@LinliSpringTest
class ServiceOrderWorkingDaysTest {

  @Autowired ProcessEngine engine;
  @Autowired ServiceOrderScenario scenario;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;
  @Autowired SlaLedger ledger;
  @Autowired ServiceOrderStatusView statusView;

  @BeforeEach
  void init() {
    AbstractAssertions.init(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static Instant beijing(String local) {
    return LocalDateTime.parse(local).atZone(Times.BEIJING).toInstant();
  }

  @Test
  @DisplayName("春节前周五判定为复杂问题：两个工作日的方案时限数上调休的2月14日、跳过春节，2月24日同一时刻到期；定时器、任务、台账、居民倒计时分秒不差")
  void planClockAcrossSpringFestival() {
    // given: a complex job assessed on Friday 13 February 2026, 10:00:07 Beijing time
    scenario.at(beijing("2026-02-13T09:30:07"));
    ServiceOrderScenario.Order o = scenario.order(ServiceOrderProcessTest.PIPE_REPAIR);
    scenario.dispatchToTeam(o);
    scenario.accept(o, "contractor1");
    scenario.checkIn(o);
    scenario.at(beijing("2026-02-13T10:00:07"));
    scenario.assessComplex(o);

    // then: Friday 10:00:07 → Saturday 14th (makeup working day) 10:00:07 is one working day;
    // Saturday's remaining 14 hours and Tuesday 24th's first 10 are the second
    Instant due = beijing("2026-02-24T10:00:07");
    Task plan = scenario.task(o, TASK_PLAN);
    Assertions.assertThat(plan.getDueDate().toInstant()).as("task due date").isEqualTo(due);
    Job timer =
        management
            .createJobQuery()
            .processInstanceId(o.instance().getId())
            .activityId(TIMER_PLAN_SLA)
            .singleResult();
    Assertions.assertThat(timer.getDuedate().toInstant()).as("timer").isEqualTo(due);
    Assertions.assertThat(ledger.allEntriesOf(o.orderNo()))
        .filteredOn(e -> e.clock().equals("SERVICE_ORDER_PLAN") && e.event().equals("STARTED"))
        .singleElement()
        .satisfies(e -> Assertions.assertThat(e.dueAt()).as("ledger due_at").isEqualTo(due));
    Assertions.assertThat(statusView.of(o.orderNo(), true).deadlines())
        .filteredOn(d -> d.clock().equals("SERVICE_ORDER_PLAN"))
        .singleElement()
        .satisfies(d -> Assertions.assertThat(d.dueAt()).as("resident countdown").isEqualTo(due));

    // when: a second before, through the makeup Saturday and the whole holiday, nothing fires
    scenario.at(due.minusSeconds(1));
    Assertions.assertThat(scenario.executeDueJobs(o)).isZero();
    assertThat(o.instance()).isWaitingAt(TASK_PLAN);

    // when: at the due instant the plan's timer fires (the reply's clock starts with the plan)
    scenario.at(due);
    scenario.executeDueJobs(o);
    assertThat(o.instance())
        .hasPassed(TIMER_PLAN_SLA)
        .hasNotPassed(TIMER_REPLY_SLA)
        .isWaitingAt(TASK_PLAN);
    Assertions.assertThat(ledger.entriesOf(o.orderNo()))
        .filteredOn(e -> e.event().equals("BREACHED") && e.clock().equals("SERVICE_ORDER_PLAN"))
        .singleElement()
        .satisfies(
            e -> {
              Assertions.assertThat(e.dueAt()).isEqualTo(due);
              Assertions.assertThat(e.occurredAt()).isEqualTo(due);
            });

    // then: the 社区党委 督办 has one working day: Wednesday 25th, same second
    Assertions.assertThat(
            tasks
                .createTaskQuery()
                .processInstanceBusinessKey(o.orderNo())
                .taskDefinitionKey("Task_SuperviseCommunity")
                .list())
        .singleElement()
        .satisfies(
            t ->
                Assertions.assertThat(t.getDueDate().toInstant())
                    .isEqualTo(beijing("2026-02-25T10:00:07")));
  }
}
