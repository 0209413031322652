package io.linli.evaluation;

import io.linli.caselog.CaseLog;
import io.linli.cases.CaseFiles;
import io.linli.identity.Role;
import io.linli.system.Times;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 统计考评结果: scoring ended (everyone answered, or it closed). The tally ({@link EvaluationTally}) is
 * recorded per aspect with the aspect's configured name and weight, and decides what follows: no
 * quorum (the evaluation ends without a result), a published result, or a published result the
 * property company must answer with rectification plans.
 */
@Component("tallyEvaluation")
class TallyEvaluation implements JavaDelegate {

  private final Evaluations evaluations;
  private final EvaluationProperties rules;
  private final CaseFiles files;
  private final CaseLog caseLog;

  TallyEvaluation(
      Evaluations evaluations, EvaluationProperties rules, CaseFiles files, CaseLog caseLog) {
    this.evaluations = evaluations;
    this.rules = rules;
    this.files = files;
    this.caseLog = caseLog;
  }

  @Override
  public void execute(DelegateExecution execution) {
    EvaluationVariables v = new EvaluationVariables(execution);
    long id = v.caseId();
    var ev = evaluations.find(id).orElseThrow();
    EvaluationTally.Result result =
        EvaluationTally.of(rules, ev.eligible(), evaluations.answered(id), evaluations.sums(id));
    EvaluationProcess.Outcome outcome =
        !result.quorumMet()
            ? EvaluationProcess.Outcome.NO_QUORUM
            : result.weak().isEmpty()
                ? EvaluationProcess.Outcome.PUBLISHED
                : EvaluationProcess.Outcome.RECTIFY;
    EvaluationState state =
        switch (outcome) {
          case NO_QUORUM -> EvaluationState.NO_QUORUM;
          case PUBLISHED -> EvaluationState.PUBLISHED;
          case RECTIFY -> EvaluationState.ANSWERING;
        };
    Instant now = Times.now();
    evaluations.recordTally(id, result, state, now);
    if (outcome == EvaluationProcess.Outcome.RECTIFY) {
      files.setStatus(EvaluationFlow.KEY, id, state.name());
    } else {
      files.close(EvaluationFlow.KEY, id, state.name(), now);
    }
    for (EvaluationTally.AspectScore a : result.aspects()) {
      execution.setVariable(EvaluationVariables.weak(a.aspect()), a.weak());
    }
    execution.setVariable(EvaluationVariables.OUTCOME, outcome.name());
    execution.setVariable(EvaluationVariables.RESULT_LABEL, result.label());
    caseLog.record(
        EvaluationFlow.KEY,
        v.caseNo(),
        result.quorumMet() ? EvaluationEvent.TALLIED : EvaluationEvent.NO_QUORUM,
        Role.BUILDING_REP.label(),
        result.label());
  }
}
