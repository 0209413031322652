package io.linli.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Unit tier: the consultation deadlines of the SLA policy, with its defaults and an override. */
class ConsultationSlaPolicyTest {

  static final Instant NOW = Instant.parse("2026-03-02T01:00:00Z");

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static SlaPolicy policy(Map<String, String> config) {
    ClockUtil.setCurrentTime(Date.from(NOW));
    return new SlaPolicy(new Binder(new MapConfigurationPropertySource(config))
        .bindOrCreate("linli.sla", SlaProperties.class));
  }

  @Test
  @DisplayName("默认：征集7天、审核3天、会后3天表决截止、办理30天（最长180天）、整改15天、评价7天")
  void defaults() {
    SlaPolicy p = policy(Map.of());
    assertThat(p.consultationCollectionEnds(Date.from(NOW)).toInstant()).isEqualTo(NOW.plus(Duration.ofDays(7)));
    assertThat(p.consultationReviewDue().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(3)));
    assertThat(p.consultationBranchDue().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(3)));
    Date meeting = Date.from(NOW.plus(Duration.ofDays(10)));
    assertThat(p.consultationVoteClosesAt(meeting).toInstant()).isEqualTo(NOW.plus(Duration.ofDays(13)));
    assertThat(p.latestMeeting()).isEqualTo(NOW.plus(Duration.ofDays(30)));
    assertThat(p.consultationExecutionDefault()).isEqualTo(NOW.plus(Duration.ofDays(30)));
    assertThat(p.latestExecutionDeadline()).isEqualTo(NOW.plus(Duration.ofDays(180)));
    assertThat(p.consultationReworkDue().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(15)));
    assertThat(p.consultationEvaluationEnds().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(7)));
  }

  @Test
  @DisplayName("配置覆盖表决期限，只改变表决截止时间")
  void overrideVoteWindow() {
    SlaPolicy p = policy(Map.of("linli.sla.consultation.vote-window", "PT2H"));
    Date meeting = Date.from(NOW);
    assertThat(p.consultationVoteClosesAt(meeting).toInstant()).isEqualTo(NOW.plus(Duration.ofHours(2)));
    assertThat(p.consultationReviewDue().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(3)));
  }
}
