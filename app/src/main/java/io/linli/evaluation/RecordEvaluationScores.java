package io.linli.evaluation;

import io.linli.system.Times;
import java.time.Instant;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * A representative completes their scoring task (Camunda Form in Tasklist): the 12 scores (1–5) and
 * optional comments are written to evaluation_score in the same transaction. The form's fields are
 * local to the task's instance (input mappings), so one representative's answers never reach
 * another's; a second scoring by the same representative is refused.
 */
@Component("recordEvaluationScores")
class RecordEvaluationScores implements TaskListener {

  static final int MAX_COMMENT = 500;

  private final Evaluations evaluations;
  private final EvaluationProperties rules;

  RecordEvaluationScores(Evaluations evaluations, EvaluationProperties rules) {
    this.evaluations = evaluations;
    this.rules = rules;
  }

  @Override
  public void notify(DelegateTask task) {
    EvaluationVariables v = new EvaluationVariables(task);
    long id = v.caseId();
    String representative = v.representative();
    int[] scores = new int[EvaluationProperties.ASPECT_COUNT + 1];
    for (int n = 1; n <= EvaluationProperties.ASPECT_COUNT; n++) {
      scores[n] = score(v.text(EvaluationVariables.score(n)), n);
      String comment = v.text(EvaluationVariables.comment(n));
      if (comment != null && comment.length() > MAX_COMMENT) {
        throw new BadUserRequestException("第" + n + "项意见不能超过" + MAX_COMMENT + "字");
      }
    }
    evaluations.lock(id);
    if (evaluations.hasScored(id, representative)) throw new BadUserRequestException("您已评分，评分不能更改");
    Instant now = Times.now();
    for (int n = 1; n <= EvaluationProperties.ASPECT_COUNT; n++) {
      evaluations.score(
          id, representative, n, scores[n], v.text(EvaluationVariables.comment(n)), now);
    }
  }

  private int score(String value, int n) {
    String name = "第" + n + "项「" + rules.aspect(n).name() + "」";
    if (value == null) throw new BadUserRequestException(name + "请评分（1–5分）");
    try {
      int s = Integer.parseInt(value);
      if (s >= 1 && s <= 5) return s;
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new BadUserRequestException(name + "的评分须为1–5分：" + value);
  }
}
