package io.linli.evaluation;

import io.linli.sla.SlaPolicy;
import java.time.Instant;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * The evaluation models' deadlines, each from the SLA policy by the keys {@link EvaluationFlow} and
 * {@link RectificationFlow} declare: {@code ${evaluationSla.scoringDue(openedAt)}}, …
 */
@Component("evaluationSla")
public class EvaluationSla {

  private final SlaPolicy policy;

  EvaluationSla(SlaPolicy policy) {
    this.policy = policy;
    if (policy.duration(EvaluationFlow.REMINDER).compareTo(policy.duration(EvaluationFlow.SCORING))
        >= 0) {
      throw new IllegalStateException(
          "linli.sla.evaluation.reminder must come before linli.sla.evaluation.scoring");
    }
    if (policy.duration(EvaluationFlow.CLOSE).compareTo(policy.duration(EvaluationFlow.SCORING))
        < 0) {
      throw new IllegalStateException(
          "linli.sla.evaluation.close must not come before linli.sla.evaluation.scoring");
    }
  }

  /** Unanswered representatives are reminded then. */
  public Date reminderAt(Date openedAt) {
    return policy.due(EvaluationFlow.REMINDER, openedAt);
  }

  /** The scoring clock: non-responders go to 社区党委 as a 督办 then. */
  public Date scoringDue(Date openedAt) {
    return policy.due(EvaluationFlow.SCORING, openedAt);
  }

  /** Scoring closes then and the tally runs with the answers given. */
  public Date scoringClosesAt(Date openedAt) {
    return policy.due(EvaluationFlow.CLOSE, openedAt);
  }

  /** The property company answers the weak aspects with plans by then. */
  public Date answerDue() {
    return policy.dueFromNow(EvaluationFlow.ANSWER);
  }

  /**
   * A rectification runs on the deadline its plan committed to ({@code
   * ${evaluationSla.committed(deadline)}}).
   */
  public Date committed(Date deadline) {
    return deadline;
  }

  /** A plan's deadline when it gives none. */
  public Instant rectificationDefault() {
    return policy.latest(RectificationFlow.DEFAULT);
  }

  /** The latest deadline a plan may commit to, from now. */
  public Instant latestRectification() {
    return policy.latest(RectificationFlow.MAX);
  }

  public Instant now() {
    return policy.now();
  }
}
