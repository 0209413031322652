package io.linli.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import io.linli.CaseClock;
import io.linli.LinliSpringTest;
import io.linli.intake.ContactCipher;
import io.linli.points.LedgerInvariant;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Integration tier: taking part in a consultation earns points through the points rules in
 * configuration ({@code linli.points.task-rules}: the completed vote task earns its assignee), not
 * through any code of this flow. After the test the ledger's balances equal the sums of its
 * entries.
 */
@LinliSpringTest
class ConsultationPointsTest {

  @Autowired ConsultationScenario scenario;
  @Autowired CaseClock clock;
  @Autowired JdbcClient jdbc;
  @Autowired ContactCipher cipher;

  @AfterEach
  void resetClockAndCheckLedger() {
    ClockUtil.reset();
    LedgerInvariant.check(jdbc);
  }

  int balance(int representative) {
    return LedgerInvariant.balanceOfUser(
        jdbc, cipher, ConsultationScenario.representative(representative));
  }

  @Test
  @DisplayName("楼栋代表每次参与议事表决得5积分，未表决的代表不得分")
  void votingEarnsTheRepresentative() {
    // a day of its own, so that the caps of votes in other tests do not count
    clock.at(LocalDateTime.of(2032, 3, 2, 9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
    int[] before = new int[8];
    for (int n = 1; n <= 7; n++) before[n] = balance(n);

    ConsultationScenario.Topic t = scenario.accepted(TopicCategory.PUBLIC_FACILITY, "小区增设休闲座椅");
    scenario.scheduleMeeting(t, Duration.ofDays(1));
    scenario.vote(t, 3, 1, 1);

    for (int n = 1; n <= 5; n++) {
      assertThat(balance(n) - before[n]).as("rep%02d voted", n).isEqualTo(5);
    }
    assertThat(balance(6) - before[6]).as("rep06 did not vote").isZero();
    assertThat(balance(7) - before[7]).as("rep07 did not vote").isZero();
  }
}
