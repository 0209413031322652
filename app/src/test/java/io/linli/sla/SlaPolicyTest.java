package io.linli.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Unit tier: the policy knows durations by key only, from configuration or the declared seed. */
class SlaPolicyTest {

  private static final SlaDeclarations DECLARED = new SlaDeclarations() {
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
    return new SlaPolicy(List.of(declarations), new Binder(new MapConfigurationPropertySource(config)));
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
    SlaDeclarations twice = new SlaDeclarations() {
      @Override
      public Map<String, Duration> settings() {
        return Map.of("test.clock", Duration.ofHours(5));
      }
    };
    assertThatThrownBy(() -> policy(Map.of(), DECLARED, twice)).hasMessageContaining("declared twice");
  }
}
