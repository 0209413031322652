package io.linli.serviceorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.linli.LinliSpringTest;
import io.linli.sla.SlaLedger;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
        .extracting(SlaLedger.Entry::clock, SlaLedger.Entry::event, SlaLedger.Entry::dueAt,
            SlaLedger.Entry::occurredAt)
        .containsExactly(
            tuple("SERVICE_ORDER_DISPATCH", "STARTED", ordered.plus(Duration.ofMinutes(30)), ordered),
            tuple("SERVICE_ORDER_ACCEPT", "STARTED", ordered.plus(Duration.ofMinutes(40)), ordered.plus(Duration.ofMinutes(10))),
            tuple("SERVICE_ORDER_DISPATCH", "MET", ordered.plus(Duration.ofMinutes(30)), ordered.plus(Duration.ofMinutes(10))),
            tuple("SERVICE_ORDER_ARRIVE", "STARTED", accepted.plus(Duration.ofMinutes(5)), accepted),
            tuple("SERVICE_ORDER_ACCEPT", "MET", ordered.plus(Duration.ofMinutes(40)), accepted),
            tuple("SERVICE_ORDER_SMALL_FIX", "STARTED", smallFixDue, arrived),
            tuple("SERVICE_ORDER_ARRIVE", "MET", accepted.plus(Duration.ofMinutes(5)), arrived),
            tuple("SERVICE_ORDER_SMALL_FIX", "MET", smallFixDue, assessed),
            tuple("SERVICE_ORDER_SMALL_FIX", "MET", smallFixDue, fixed));
  }
}
