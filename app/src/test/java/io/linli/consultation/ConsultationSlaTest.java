package io.linli.consultation;

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

/** Unit tier: the consultation deadlines of the SLA policy, with its defaults and an override. */
class ConsultationSlaTest {

  static final Instant NOW = Instant.parse("2026-03-02T01:00:00Z");

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static ConsultationSla policy(Map<String, String> config) {
    ClockUtil.setCurrentTime(Date.from(NOW));
    return new ConsultationSla(
        new SlaPolicy(
            List.of(new ConsultationFlow()),
            new Binder(new MapConfigurationPropertySource(config))));
  }

  @Test
  @DisplayName("默认：征集7天、审核3个工作日、会后3天表决截止、办理30天（最长180天）、整改15个工作日、评价7天")
  void defaults() {
    ConsultationSla p = policy(Map.of());
    assertThat(p.collectionEnds(Date.from(NOW)).toInstant())
        .isEqualTo(NOW.plus(Duration.ofDays(7)));
    assertThat(p.reviewDue().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(3)));
    assertThat(p.branchDue().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(3)));
    Date meeting = Date.from(NOW.plus(Duration.ofDays(10)));
    assertThat(p.voteClosesAt(meeting).toInstant()).isEqualTo(NOW.plus(Duration.ofDays(13)));
    assertThat(p.latestMeeting()).isEqualTo(NOW.plus(Duration.ofDays(30)));
    assertThat(p.executionDefault()).isEqualTo(NOW.plus(Duration.ofDays(30)));
    assertThat(p.latestExecutionDeadline()).isEqualTo(NOW.plus(Duration.ofDays(180)));
    assertThat(p.reworkDue().toInstant())
        .as("15 working days from a Monday: three weeks")
        .isEqualTo(NOW.plus(Duration.ofDays(21)));
    assertThat(p.evaluationEnds().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(7)));
  }

  @Test
  @DisplayName("配置覆盖表决期限，只改变表决截止时间")
  void overrideVoteWindow() {
    ConsultationSla p = policy(Map.of("linli.sla.consultation.vote-window", "PT2H"));
    Date meeting = Date.from(NOW);
    assertThat(p.voteClosesAt(meeting).toInstant()).isEqualTo(NOW.plus(Duration.ofHours(2)));
    assertThat(p.reviewDue().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(3)));
  }
}
