package io.linli.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
class SlaPolicyTest {

  static final Date REPORTED = Date.from(Instant.parse("2026-03-02T01:00:00Z"));

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static SlaPolicy policy(java.util.Map<String, String> config) {
    SlaProperties props =
        new Binder(new MapConfigurationPropertySource(config))
            .bindOrCreate("linli.sla", SlaProperties.class);
    return new SlaPolicy(props);
  }

  @Test
  @DisplayName("默认值即种子材料的时限：4小时响应，中等问题24小时办结")
  void seedDefaults() {
    SlaPolicy p = policy(java.util.Map.of());
    for (String tier : new String[] {"GENERAL", "MEDIUM", "DIFFICULT"}) {
      assertThat(p.grievanceRespondBy(REPORTED, tier).toInstant())
          .isEqualTo(REPORTED.toInstant().plus(Duration.ofHours(4)));
    }
    assertThat(p.grievanceResolveBy(REPORTED, "MEDIUM").toInstant())
        .isEqualTo(REPORTED.toInstant().plus(Duration.ofHours(24)));
    assertThat(p.grievanceRatingWindow()).isEqualTo("PT168H");
  }

  @Test
  @DisplayName("配置覆盖某一级时限，只改变该级")
  void overrideOneTier() {
    SlaPolicy p = policy(java.util.Map.of("linli.sla.grievance.general.respond", "PT5S"));
    assertThat(p.grievanceRespondBy(REPORTED, "GENERAL").toInstant())
        .isEqualTo(REPORTED.toInstant().plusSeconds(5));
    assertThat(p.grievanceRespondBy(REPORTED, "MEDIUM").toInstant())
        .isEqualTo(REPORTED.toInstant().plus(Duration.ofHours(4)));
  }

  @Test
  @DisplayName("相对时限从引擎时钟起算")
  void relativeDeadlinesUseEngineClock() {
    SlaPolicy p = policy(java.util.Map.of("linli.sla.escalation.community", "PT2H"));
    ClockUtil.setCurrentTime(REPORTED);
    assertThat(p.communitySupervisionDue().toInstant())
        .isEqualTo(REPORTED.toInstant().plus(Duration.ofHours(2)));
    assertThat(p.streetSupervisionDue().toInstant())
        .isEqualTo(REPORTED.toInstant().plus(Duration.ofDays(2)));
    assertThat(p.latestCommitment()).isEqualTo(REPORTED.toInstant().plus(Duration.ofDays(90)));
  }

  @Test
  @DisplayName("未知分级报错，不默默套用默认时限")
  void unknownTier() {
    assertThatThrownBy(() -> policy(java.util.Map.of()).grievanceRespondBy(REPORTED, "URGENT"))
        .hasMessageContaining("URGENT");
  }
}
