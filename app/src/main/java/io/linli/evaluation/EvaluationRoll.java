package io.linli.evaluation;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The collection of the multi-instance scoring task, {@code ${evaluationRoll.of(caseId)}}: the
 * representatives on the evaluation's roll, read from the app's table (the engine carries ids
 * only).
 */
@Component("evaluationRoll")
public class EvaluationRoll {

  private final Evaluations evaluations;

  EvaluationRoll(Evaluations evaluations) {
    this.evaluations = evaluations;
  }

  public List<String> of(long evaluationId) {
    return evaluations.roll(evaluationId);
  }
}
