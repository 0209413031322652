package io.linli.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linli.calendar.Counting;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Unit tier: the policy knows durations by key only, from configuration or the declared seed. */
class SlaPolicyTest {

  private static final SlaDeclarations DECLARED =
      new SlaDeclarations() {
        @Override
        public List<ClockSpec> clocks() {
          return List.of(ClockSpec.of("TEST_CLOCK", "测试时限", "test.clock", Duration.ofHours(4)));
        }

        @Override
        public Map<String, Duration> settings() {
          return Map.of("test.window", Duration.ofDays(7));
        }
      };

  private static SlaPolicy policy(Map<String, String> config, SlaDeclarations... declarations) {
    return new SlaPolicy(
        List.of(declarations), new Binder(new MapConfigurationPropertySource(config)));
  }

  @Test
  @DisplayName("未配置的时限取声明的种子默认值，配置（宽松绑定）覆盖之")
  void seedOrConfiguration() {
    assertThat(policy(Map.of(), DECLARED).duration("test.clock")).isEqualTo(Duration.ofHours(4));
    assertThat(policy(Map.of("linli.sla.test.clock", "PT5S"), DECLARED).duration("test.clock"))
        .isEqualTo(Duration.ofSeconds(5));
    assertThat(policy(Map.of("linli.sla.test.window", "P1D"), DECLARED).duration("test.window"))
        .isEqualTo(Duration.ofDays(1));
  }

  @Test
  @DisplayName("未声明的时限、非正时长、同一键两个不同默认值：启动即报错")
  void refusesWhatCannotBeRight() {
    assertThatThrownBy(() -> policy(Map.of(), DECLARED).duration("test.nothing"))
        .hasMessageContaining("linli.sla.test.nothing");
    assertThatThrownBy(() -> policy(Map.of("linli.sla.test.clock", "PT0S"), DECLARED))
        .hasMessageContaining("linli.sla.test.clock");
    SlaDeclarations twice =
        new SlaDeclarations() {
          @Override
          public Map<String, Duration> settings() {
            return Map.of("test.clock", Duration.ofHours(5));
          }
        };
    assertThatThrownBy(() -> policy(Map.of(), DECLARED, twice))
        .hasMessageContaining("declared twice");
  }

  @Test
  @DisplayName("计时方式：未声明的按自然时间，声明的取默认，linli.sla.counting.<键> 覆盖；工作日计时跨过春节")
  void counting() {
    SlaDeclarations days =
        new SlaDeclarations() {
          @Override
          public Map<String, Duration> settings() {
            return Map.of("test.days", Duration.ofDays(2));
          }

          @Override
          public Map<String, Counting> counting() {
            return Map.of("test.days", Counting.WORKING_DAYS);
          }
        };
    SlaPolicy p = policy(Map.of(), DECLARED, days);
    assertThat(p.counting("test.clock")).isEqualTo(Counting.WALL_CLOCK);
    assertThat(p.counting("test.days")).isEqualTo(Counting.WORKING_DAYS);
    Instant friday =
        Instant.parse("2026-02-13T02:00:00Z"); // 10:00 Beijing, before the Spring Festival
    assertThat(p.due("test.days", friday, null)).isEqualTo(Instant.parse("2026-02-24T02:00:00Z"));
    assertThat(p.due("test.clock", friday, null)).isEqualTo(friday.plus(Duration.ofHours(4)));

    SlaPolicy configured =
        policy(
            Map.of(
                "linli.sla.counting.test.days",
                "wall-clock",
                "linli.sla.counting.test.clock",
                "working-hours"),
            DECLARED,
            days);
    assertThat(configured.counting("test.days")).isEqualTo(Counting.WALL_CLOCK);
    assertThat(configured.due("test.days", friday, null))
        .isEqualTo(friday.plus(Duration.ofDays(2)));
    assertThat(configured.due("test.clock", friday, null))
        .as("Friday 10:00-12:00 and 14:00-16:00")
        .isEqualTo(Instant.parse("2026-02-13T08:00:00Z"));

    SlaDeclarations stray =
        new SlaDeclarations() {
          @Override
          public Map<String, Counting> counting() {
            return Map.of("test.nothing", Counting.WORKING_DAYS);
          }
        };
    assertThatThrownBy(() -> policy(Map.of(), DECLARED, stray))
        .hasMessageContaining("linli.sla.test.nothing");
  }
}
