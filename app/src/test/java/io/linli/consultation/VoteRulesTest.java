package io.linli.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Unit tier: quorum, majority and rounds of the representatives' vote, bound as Spring binds them.
 */
class VoteRulesTest {

  private static VoteRules rules(Map<String, String> config) {
    return new VoteRules(
        new Binder(new MapConfigurationPropertySource(config))
            .bindOrCreate("linli.consultation", ConsultationProperties.class));
  }

  private static final VoteRules DEFAULTS = rules(Map.of());

  @Test
  @DisplayName("默认：33名代表中22人（三分之二）参与表决即达法定人数，21人不达")
  void quorumIsTwoThirds() {
    assertThat(DEFAULTS.quorumOf(33)).isEqualTo(22);
    assertThat(DEFAULTS.outcome(new VoteRules.Tally(33, 21, 0, 0)))
        .isEqualTo(VoteOutcome.NO_QUORUM);
    assertThat(DEFAULTS.outcome(new VoteRules.Tally(33, 22, 0, 0))).isEqualTo(VoteOutcome.AGREED);
    assertThat(DEFAULTS.outcome(new VoteRules.Tally(33, 10, 2, 10)))
        .as("abstaining counts towards the quorum")
        .isEqualTo(VoteOutcome.NOT_AGREED);
  }

  @Test
  @DisplayName("默认：同意票须超过实际表决人数的一半；弃权不算同意，半数不算过半")
  void majorityIsMoreThanHalfOfVotesCast() {
    assertThat(DEFAULTS.outcome(new VoteRules.Tally(33, 12, 10, 0))).isEqualTo(VoteOutcome.AGREED);
    assertThat(DEFAULTS.outcome(new VoteRules.Tally(33, 11, 11, 0)))
        .isEqualTo(VoteOutcome.NOT_AGREED);
    assertThat(DEFAULTS.outcome(new VoteRules.Tally(33, 11, 5, 6)))
        .isEqualTo(VoteOutcome.NOT_AGREED);
    assertThat(DEFAULTS.outcome(new VoteRules.Tally(0, 0, 0, 0)))
        .as("nobody called")
        .isEqualTo(VoteOutcome.NO_QUORUM);
  }

  @Test
  @DisplayName("默认最多3轮：前两轮未达法定人数再议，第三轮后议题终止；通过与否不再议")
  void roundsLimitRevotes() {
    assertThat(DEFAULTS.decide(VoteOutcome.NO_QUORUM, 1)).isEqualTo(VoteRules.Decision.REVOTE);
    assertThat(DEFAULTS.decide(VoteOutcome.NO_QUORUM, 2)).isEqualTo(VoteRules.Decision.REVOTE);
    assertThat(DEFAULTS.decide(VoteOutcome.NO_QUORUM, 3)).isEqualTo(VoteRules.Decision.LAPSED);
    assertThat(DEFAULTS.decide(VoteOutcome.NOT_AGREED, 1)).isEqualTo(VoteRules.Decision.NOT_AGREED);
    assertThat(DEFAULTS.decide(VoteOutcome.AGREED, 3)).isEqualTo(VoteRules.Decision.AGREED);
  }

  @Test
  @DisplayName("评价：不满意超过评价人数一半才返回办理；无人评价不返回")
  void dissatisfiedMajority() {
    assertThat(DEFAULTS.dissatisfiedMajority(5, 8)).isTrue();
    assertThat(DEFAULTS.dissatisfiedMajority(4, 8)).isFalse();
    assertThat(DEFAULTS.dissatisfiedMajority(0, 0)).isFalse();
  }

  @Test
  @DisplayName("配置覆盖：重大事项四分之三同意、只表决一轮")
  void configured() {
    VoteRules strict =
        rules(
            Map.of(
                "linli.consultation.majority",
                "3/4",
                "linli.consultation.max-rounds",
                "1",
                "linli.consultation.quorum",
                "1/2"));
    assertThat(strict.quorumOf(33)).isEqualTo(17);
    assertThat(strict.outcome(new VoteRules.Tally(33, 15, 5, 0))).isEqualTo(VoteOutcome.NOT_AGREED);
    assertThat(strict.outcome(new VoteRules.Tally(33, 16, 4, 0))).isEqualTo(VoteOutcome.AGREED);
    assertThat(strict.decide(VoteOutcome.NO_QUORUM, 1)).isEqualTo(VoteRules.Decision.LAPSED);
  }

  @Test
  @DisplayName("无效配置（份额大于1、格式错误、轮次为0）启动即失败")
  void invalidConfiguration() {
    assertThatThrownBy(() -> rules(Map.of("linli.consultation.quorum", "4/3")))
        .isInstanceOf(BindException.class);
    assertThatThrownBy(() -> rules(Map.of("linli.consultation.quorum", "0.66")))
        .isInstanceOf(BindException.class);
    assertThatThrownBy(() -> rules(Map.of("linli.consultation.max-rounds", "0")))
        .isInstanceOf(BindException.class);
  }
}
