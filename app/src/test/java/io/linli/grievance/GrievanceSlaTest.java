package io.linli.grievance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linli.sla.SlaPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Unit tier: the SLA policy's calendar arithmetic and its defaults, bound as Spring binds them. */
class GrievanceSlaTest {

  static final Date REPORTED = Date.from(Instant.parse("2026-03-02T01:00:00Z"));

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static GrievanceSla policy(java.util.Map<String, String> config) {
    return new GrievanceSla(
        new SlaPolicy(
            java.util.List.of(new GrievanceFlow()),
            new Binder(new MapConfigurationPropertySource(config))));
  }

  @Test
  @DisplayName("默认值即种子材料的时限：4小时响应，中等问题24小时办结")
  void seedDefaults() {
    GrievanceSla p = policy(java.util.Map.of());
    for (String tier : new String[] {"GENERAL", "MEDIUM", "DIFFICULT"}) {
      assertThat(p.respondBy(REPORTED, tier).toInstant())
          .isEqualTo(REPORTED.toInstant().plus(Duration.ofHours(4)));
    }
    assertThat(p.resolveBy(REPORTED, "MEDIUM").toInstant())
        .isEqualTo(REPORTED.toInstant().plus(Duration.ofHours(24)));
    assertThat(p.ratingWindow()).isEqualTo("PT168H");
  }

  @Test
  @DisplayName("配置覆盖某一级时限，只改变该级")
  void overrideOneTier() {
    GrievanceSla p = policy(java.util.Map.of("linli.sla.grievance.general.respond", "PT5S"));
    assertThat(p.respondBy(REPORTED, "GENERAL").toInstant())
        .isEqualTo(REPORTED.toInstant().plusSeconds(5));
    assertThat(p.respondBy(REPORTED, "MEDIUM").toInstant())
        .isEqualTo(REPORTED.toInstant().plus(Duration.ofHours(4)));
  }

  @Test
  @DisplayName("相对时限从引擎时钟起算")
  void relativeDeadlinesUseEngineClock() {
    GrievanceSla p = policy(java.util.Map.of());
    ClockUtil.setCurrentTime(REPORTED);
    assertThat(p.latestCommitment()).isEqualTo(REPORTED.toInstant().plus(Duration.ofDays(90)));
  }

  @Test
  @DisplayName("未知分级报错，不默默套用默认时限")
  void unknownTier() {
    assertThatThrownBy(() -> policy(java.util.Map.of()).respondBy(REPORTED, "URGENT"))
        .hasMessageContaining("URGENT");
  }
}
