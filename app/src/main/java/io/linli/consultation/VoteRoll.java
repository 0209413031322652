package io.linli.consultation;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The collection of the multi-instance vote, {@code ${voteRoll.of(caseId, round)}}: the
 * representatives called to the round's meeting, as recorded when it was scheduled. The roll is
 * read from the app's table rather than kept as a process variable: a list variable would need Java
 * serialization (switched off) or Spin JSON (not installed), and the engine carries ids only.
 */
@Component("voteRoll")
public class VoteRoll {

  private final Rounds rounds;

  VoteRoll(Rounds rounds) {
    this.rounds = rounds;
  }

  public List<String> of(long topicId, int round) {
    return rounds.roll(topicId, round);
  }
}
