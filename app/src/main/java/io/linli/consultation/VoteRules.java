package io.linli.consultation;

import org.springframework.stereotype.Component;

/**
 * The rules of 议 and 评, from {@link ConsultationProperties}: quorum (votes cast, abstentions
 * included, against the representatives called), majority (agree votes against votes cast), the
 * number of rounds, and when residents' ratings send a topic back to 办.
 */
@Component
class VoteRules {

  /** What the process does after a round. */
  enum Decision {
    AGREED,
    NOT_AGREED,
    REVOTE,
    LAPSED
  }

  /** The count of one round; {@code eligible} is the number of representatives called. */
  record Tally(int eligible, int agree, int disagree, int abstain) {
    int cast() {
      return agree + disagree + abstain;
    }

    String label(int round) {
      return "第" + round + "轮：应参与表决" + eligible + "人，实际表决" + cast() + "人；同意" + agree + "，不同意"
          + disagree + "，弃权" + abstain;
    }
  }

  private final ConsultationProperties rules;

  VoteRules(ConsultationProperties rules) {
    this.rules = rules;
  }

  VoteOutcome outcome(Tally t) {
    if (t.eligible() == 0 || !rules.quorum().reachedBy(t.cast(), t.eligible())) {
      return VoteOutcome.NO_QUORUM;
    }
    return rules.majority().exceededBy(t.agree(), t.cast())
        ? VoteOutcome.AGREED
        : VoteOutcome.NOT_AGREED;
  }

  Decision decide(VoteOutcome outcome, int round) {
    return switch (outcome) {
      case AGREED -> Decision.AGREED;
      case NOT_AGREED -> Decision.NOT_AGREED;
      case NO_QUORUM -> round < rules.maxRounds() ? Decision.REVOTE : Decision.LAPSED;
    };
  }

  /** The smallest number of votes that makes a quorum of {@code eligible}. */
  int quorumOf(int eligible) {
    int n = 0;
    while (!rules.quorum().reachedBy(n, eligible)) n++;
    return n;
  }

  /** 评: more than the majority share of the ratings given are 不满意. */
  boolean dissatisfiedMajority(int dissatisfied, int ratings) {
    return ratings > 0 && rules.majority().exceededBy(dissatisfied, ratings);
  }

  int maxRounds() {
    return rules.maxRounds();
  }
}
