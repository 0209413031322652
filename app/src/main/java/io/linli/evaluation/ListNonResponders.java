package io.linli.evaluation;

import io.linli.caselog.CaseLog;
import io.linli.identity.Role;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The scoring clock ran out (start of 督办：代表评分超时): the 督办 that 社区党委 receives (the shared escalation)
 * names the representatives who have not answered, by user id (never by name), in its summary
 * ({@code escalationSummary}, local to the call, handed over as {@code summary}); the escalation's
 * own ledger row records the breach. An execution listener, so the boundary timer leads straight to
 * the escalation call, where the SLA plugin reads the clock from the model.
 */
@Component("listNonResponders")
class ListNonResponders implements ExecutionListener {

  static final String ESCALATION_SUMMARY = "escalationSummary";

  private final Evaluations evaluations;
  private final CaseLog caseLog;

  ListNonResponders(Evaluations evaluations, CaseLog caseLog) {
    this.evaluations = evaluations;
    this.caseLog = caseLog;
  }

  @Override
  public void notify(DelegateExecution execution) {
    EvaluationVariables v = new EvaluationVariables(execution);
    List<String> open = evaluations.nonResponders(v.caseId());
    int eligible = evaluations.roll(v.caseId()).size();
    String note = open.size() + "/" + eligible + "名楼栋代表未评分：" + String.join("、", open);
    execution.setVariableLocal(
        ESCALATION_SUMMARY, v.text(EvaluationVariables.SUMMARY) + "；" + note);
    caseLog.record(
        EvaluationFlow.KEY,
        v.caseNo(),
        EvaluationEvent.NON_RESPONDERS,
        Role.COMMUNITY_COMMITTEE.label(),
        note);
  }
}
