package io.linli.serviceorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.linli.LinliSpringTest;
import io.linli.sla.SlaLedger;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Process tier: the "52022" clocks of a small job in the ledger — each started once with its due
 * time and stopped by the task that ended it; the 20-minute clock runs over the assessment and,
 * after the resident accepts the quote, the fix, and stops at each (the last stop counts).
 */
@LinliSpringTest
class ServiceOrderClockLedgerTest {

  static final String PIPE_REPAIR = "PLUMBING-01";

  @Autowired ServiceOrderScenario scenario;
  @Autowired SlaLedger ledger;
  @Autowired ServiceOrderStatusView statusView;
  @Autowired org.camunda.bpm.engine.ManagementService management;

  @BeforeEach
  void pin() {
    scenario.pinClock();
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  @Test
  @DisplayName("小问题：派单、接单、到场、20分钟解决、回访各时限起表与按时停表均记入台账")
  void smallJobClocks() {
    ServiceOrderScenario.Order o = scenario.order(PIPE_REPAIR);
    Instant ordered = scenario.now();
    scenario.advance(Duration.ofMinutes(10));
    scenario.dispatchToTeam(o);
    scenario.advance(Duration.ofMinutes(5));
    scenario.accept(o, "contractor1");
    Instant accepted = scenario.now();
    scenario.advance(Duration.ofMinutes(4));
    scenario.checkIn(o);
    Instant arrived = scenario.now();
    scenario.advance(Duration.ofMinutes(3));
    scenario.assessSmall(o, "45.5");
    Instant assessed = scenario.now();
    scenario.decide(o, true, null);
    scenario.advance(Duration.ofMinutes(15));
    scenario.fixSmall(o);
    Instant fixed = scenario.now();

    Instant smallFixDue = arrived.plus(Duration.ofMinutes(20));
    assertThat(ledger.allEntriesOf(o.orderNo()))
        .extracting(
            SlaLedger.Entry::clock,
            SlaLedger.Entry::event,
            SlaLedger.Entry::dueAt,
            SlaLedger.Entry::occurredAt)
        .containsExactly(
            tuple(
                "SERVICE_ORDER_DISPATCH", "STARTED", ordered.plus(Duration.ofMinutes(30)), ordered),
            tuple(
                "SERVICE_ORDER_ACCEPT",
                "STARTED",
                ordered.plus(Duration.ofMinutes(40)),
                ordered.plus(Duration.ofMinutes(10))),
            tuple(
                "SERVICE_ORDER_DISPATCH",
                "MET",
                ordered.plus(Duration.ofMinutes(30)),
                ordered.plus(Duration.ofMinutes(10))),
            tuple(
                "SERVICE_ORDER_ARRIVE", "STARTED", accepted.plus(Duration.ofMinutes(5)), accepted),
            tuple("SERVICE_ORDER_ACCEPT", "MET", ordered.plus(Duration.ofMinutes(40)), accepted),
            tuple("SERVICE_ORDER_SMALL_FIX", "STARTED", smallFixDue, arrived),
            tuple("SERVICE_ORDER_ARRIVE", "MET", accepted.plus(Duration.ofMinutes(5)), arrived),
            tuple("SERVICE_ORDER_SMALL_FIX", "PAUSED", smallFixDue, assessed),
            tuple("SERVICE_ORDER_SMALL_FIX", "MET", smallFixDue, assessed),
            tuple("SERVICE_ORDER_SMALL_FIX", "RESUMED", smallFixDue, assessed),
            tuple("SERVICE_ORDER_SMALL_FIX", "MET", smallFixDue, fixed));
  }

  @Test
  @DisplayName("等待居民确认报价期间小问题时限暂停：居民30分钟后接受报价，小问题处置的计时器、任务、台账与居民倒计时均顺延30分钟")
  void quoteWaitPausesTheSmallFixClock() {
    ServiceOrderScenario.Order o = scenario.order(PIPE_REPAIR);
    scenario.dispatchToTeam(o);
    scenario.accept(o, "contractor1");
    scenario.checkIn(o);
    Instant arrived = scenario.now();
    scenario.advance(Duration.ofMinutes(3));
    scenario.assessSmall(o, "45.5");
    Instant assessed = scenario.now();
    assertThat(statusView.of(o.orderNo(), true).deadlines())
        .filteredOn(d -> d.clock().equals("SERVICE_ORDER_SMALL_FIX"))
        .singleElement()
        .satisfies(d -> assertThat(d.state()).isEqualTo("PAUSED"));

    scenario.advance(Duration.ofMinutes(30));
    scenario.decide(o, true, null);

    Instant moved = arrived.plus(Duration.ofMinutes(20)).plus(Duration.ofMinutes(30));
    Task fix = scenario.task(o, ServiceOrderProcess.TASK_FIX_SMALL);
    assertThat(fix.getDueDate().toInstant()).as("task due date").isEqualTo(moved);
    Job timer =
        management
            .createJobQuery()
            .processInstanceId(o.instance().getId())
            .activityId("BoundaryEvent_FixSmallSlaBreached")
            .singleResult();
    assertThat(timer.getDuedate().toInstant()).as("engine timer").isEqualTo(moved);
    assertThat(ledger.allEntriesOf(o.orderNo()))
        .filteredOn(e -> e.clock().equals("SERVICE_ORDER_SMALL_FIX") && e.event().equals("RESUMED"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.dueAt()).as("ledger due_at").isEqualTo(moved);
              assertThat(e.occurredAt()).isEqualTo(assessed.plus(Duration.ofMinutes(30)));
            });
    assertThat(statusView.of(o.orderNo(), true).deadlines())
        .filteredOn(d -> d.clock().equals("SERVICE_ORDER_SMALL_FIX"))
        .singleElement()
        .satisfies(d -> assertThat(d.dueAt()).as("resident countdown").isEqualTo(moved));

    // 45 minutes after arrival: late on the 20 minutes, on time on the moved clock
    scenario.advance(Duration.ofMinutes(12));
    assertThat(scenario.executeDueJobs(o)).isZero();
    scenario.fixSmall(o);
    assertThat(ledger.allEntriesOf(o.orderNo()))
        .filteredOn(e -> e.clock().equals("SERVICE_ORDER_SMALL_FIX"))
        .last()
        .satisfies(e -> assertThat(e.event()).isEqualTo("MET"));
  }
}
