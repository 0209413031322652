package io.linli.consultation;

import static io.linli.consultation.ConsultationVariables.*;

import io.linli.system.Times;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * A representative completes their vote task (in Tasklist or through the API): the vote is written
 * to consultation_vote in the same transaction. The table's unique key makes a second vote in the
 * round a refusal, so a vote is counted once and never changed. {@code vote} and {@code
 * voteComment} are local to the task's instance (input mappings). Votes of a topic are serialized
 * (see {@link Votes#serialize}), as every completion updates the multi-instance counters.
 */
@Component("recordVoteListener")
class RecordVoteListener implements TaskListener {

  private final Votes votes;

  RecordVoteListener(Votes votes) {
    this.votes = votes;
  }

  @Override
  public void notify(DelegateTask task) {
    ConsultationVariables v = new ConsultationVariables(task);
    VoteChoice choice = choice(v.text(VOTE));
    votes.serialize(v.caseId());
    if (!votes.record(
        v.caseId(), v.round(), v.representative(), choice, v.text(VOTE_COMMENT), Times.now())) {
      throw new BadUserRequestException("您本轮已表决，表决不能更改");
    }
  }

  private static VoteChoice choice(String value) {
    if (value == null) throw new BadUserRequestException("请选择同意、不同意或弃权");
    try {
      return VoteChoice.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw new BadUserRequestException("表决意见无效：" + value);
    }
  }
}
