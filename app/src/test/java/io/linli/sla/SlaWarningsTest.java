package io.linli.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Unit tier: when a clock's holder is warned, as configuration says. */
class SlaWarningsTest {

  static final Instant START = Instant.parse("2026-03-02T01:00:00Z");

  static SlaWarnings with(Map<String, String> config) {
    return new SlaWarnings(
        null, new Binder(new MapConfigurationPropertySource(config)), List.of(CLOCKS));
  }

  static final SlaDeclarations CLOCKS =
      new SlaDeclarations() {
        @Override
        public List<ClockSpec> clocks() {
          return List.of(
              ClockSpec.of("GRIEVANCE_RESPOND", "诉求响应时限", "g.respond", Duration.ofHours(4)),
              ClockSpec.of("SERVICE_ORDER_ARRIVE", "到场时限", "s.arrive", Duration.ofMinutes(5)));
        }
      };

  static SlaWarnings unchecked(Map<String, String> config) {
    return new SlaWarnings(null, new Binder(new MapConfigurationPropertySource(config)), List.of());
  }

  @Test
  @DisplayName("默认在时限的75%处预警")
  void defaultIsThreeQuarters() {
    assertThat(with(Map.of()).warnAt("GRIEVANCE_RESPOND", START, START.plus(Duration.ofHours(4))))
        .isEqualTo(START.plus(Duration.ofHours(3)));
  }

  @Test
  @DisplayName("可改默认比例，也可为单个时限设比例或提前量；提前量优先，且不早于时限开始")
  void perClockFractionOrLead() {
    SlaWarnings w =
        unchecked(
            Map.of(
                "linli.sla.warning.fraction", "0.5",
                "linli.sla.warning.clocks.grievance-resolve.fraction", "0.9",
                "linli.sla.warning.clocks.service-order-arrive.lead", "PT2M",
                "linli.sla.warning.clocks.service-order-arrive.fraction", "0.1",
                "linli.sla.warning.clocks.service-order-accept.lead", "PT1H"));
    Instant in4h = START.plus(Duration.ofHours(4));
    assertThat(w.warnAt("GRIEVANCE_RESPOND", START, in4h))
        .isEqualTo(START.plus(Duration.ofHours(2)));
    assertThat(w.warnAt("GRIEVANCE_RESOLVE", START, START.plus(Duration.ofHours(10))))
        .isEqualTo(START.plus(Duration.ofHours(9)));
    assertThat(w.warnAt("SERVICE_ORDER_ARRIVE", START, START.plus(Duration.ofMinutes(5))))
        .isEqualTo(START.plus(Duration.ofMinutes(3)));
    assertThat(w.warnAt("SERVICE_ORDER_ACCEPT", START, START.plus(Duration.ofMinutes(30))))
        .as("a lead longer than the clock warns at its start")
        .isEqualTo(START);
  }

  @Test
  @DisplayName("比例须在0与1之间、提前量须为正，否则启动失败")
  void wrongSettingsStopTheStart() {
    assertThatThrownBy(() -> with(Map.of("linli.sla.warning.fraction", "1.5")))
        .hasMessageContaining("linli.sla.warning.fraction");
    assertThatThrownBy(
            () -> with(Map.of("linli.sla.warning.clocks.grievance-respond.fraction", "0")))
        .hasMessageContaining("grievance-respond");
    assertThatThrownBy(
            () -> with(Map.of("linli.sla.warning.clocks.service-order-arrive.lead", "-PT1M")))
        .hasMessageContaining("service-order-arrive.lead");
  }
}
