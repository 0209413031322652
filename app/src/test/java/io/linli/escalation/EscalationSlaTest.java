package io.linli.escalation;

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

/** Unit tier: the 督办 levels' durations, from the engine clock, as configuration sets them. */
class EscalationSlaTest {

  static final Date NOW = Date.from(Instant.parse("2026-03-02T01:00:00Z"));

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  @DisplayName("相对时限从引擎时钟起算：社区督办按配置，街道督办默认两天")
  void relativeDeadlinesUseEngineClock() {
    EscalationSla declared = new EscalationSla(null);
    EscalationSla sla =
        new EscalationSla(
            new SlaPolicy(
                List.of(declared),
                new Binder(
                    new MapConfigurationPropertySource(
                        Map.of("linli.sla.escalation.community", "PT2H")))));
    ClockUtil.setCurrentTime(NOW);
    assertThat(sla.communityDue().toInstant()).isEqualTo(NOW.toInstant().plus(Duration.ofHours(2)));
    assertThat(sla.streetDue().toInstant()).isEqualTo(NOW.toInstant().plus(Duration.ofDays(2)));
  }
}
