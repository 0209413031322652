package io.linli.serviceorder;

import static org.assertj.core.api.Assertions.assertThat;

import io.linli.sla.SlaPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Unit tier: the service order clocks ("52022", seed 001) and their configuration. */
class ServiceOrderSlaTest {

  static final Date T = Date.from(Instant.parse("2026-03-02T01:00:00Z"));

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static ServiceOrderSla policy(Map<String, String> config) {
    return new ServiceOrderSla(slaPolicy(config));
  }

  /** The policy over the service-order and grievance declarations, as the app has them. */
  private static SlaPolicy slaPolicy(Map<String, String> config) {
    return new SlaPolicy(
        List.of(new ServiceOrderFlow(null), new io.linli.grievance.GrievanceFlow()),
        new Binder(new MapConfigurationPropertySource(config)));
  }

  private static Instant plus(Duration d) {
    return T.toInstant().plus(d);
  }

  @Test
  @DisplayName("默认值即\"52022\"：接单后5分钟到场，20分钟解决小问题，评估后两天形成方案、两天内答复")
  void seedDefaults() {
    ServiceOrderSla p = policy(Map.of());
    assertThat(p.arriveDue(T).toInstant()).isEqualTo(plus(Duration.ofMinutes(5)));
    assertThat(p.smallFixDue(T).toInstant()).isEqualTo(plus(Duration.ofMinutes(20)));
    assertThat(p.planDue(T).toInstant()).isEqualTo(plus(Duration.ofDays(2)));
    assertThat(p.replyDue(T).toInstant()).isEqualTo(plus(Duration.ofDays(2)));
    assertThat(p.dispatchDue(T).toInstant()).isEqualTo(plus(Duration.ofMinutes(30)));
    assertThat(p.acceptDue(T).toInstant()).isEqualTo(plus(Duration.ofMinutes(30)));
    ClockUtil.setCurrentTime(T);
    assertThat(p.followUpDue(T).toInstant()).isEqualTo(plus(Duration.ofDays(3)));
    assertThat(p.latestCommitment()).isEqualTo(plus(Duration.ofDays(30)));
    assertThat(p.reworkDue().toInstant()).isEqualTo(plus(Duration.ofHours(24)));
    assertThat(p.ratingWindow()).isEqualTo("PT168H");
  }

  @Test
  @DisplayName("回访时限从服务单进入回访时起算：居民评价（或评价期满、重新处置）后，不早于确认完工")
  void followUpCountsFromReachingTheVisit() {
    ServiceOrderSla p = policy(Map.of());
    ClockUtil.setCurrentTime(Date.from(plus(Duration.ofDays(2))));
    // confirmed Monday 2 March, rated Wednesday: three working days from Wednesday is Monday 9
    // March
    assertThat(p.followUpDue(T).toInstant())
        .as("rated two days after the confirmation")
        .isEqualTo(Instant.parse("2026-03-09T01:00:00Z"));
  }

  @Test
  @DisplayName("两天时限可分别配置：答复改为P4D（方案后再两天）不影响方案时限；演示用短时限")
  void twoDayClocksAreConfigurable() {
    Map<String, String> config =
        Map.of("linli.sla.service-order.reply", "P4D", "linli.sla.service-order.arrive", "PT30S");
    ServiceOrderSla p = policy(config);
    assertThat(p.replyDue(T).toInstant()).isEqualTo(plus(Duration.ofDays(4)));
    assertThat(p.planDue(T).toInstant()).isEqualTo(plus(Duration.ofDays(2)));
    assertThat(p.arriveDue(T).toInstant()).isEqualTo(plus(Duration.ofSeconds(30)));
    assertThat(slaPolicy(config).due("grievance.general.respond", T).toInstant())
        .as("grievance clocks untouched")
        .isEqualTo(plus(Duration.ofHours(4)));
  }
}
