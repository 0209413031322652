package io.linli.evaluation;

import io.linli.caselog.CaseLog;
import io.linli.identity.Role;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 列出未评分代表: the scoring clock ran out. The 督办 that 社区党委 receives (the shared escalation)
 * names the representatives who have not answered, by user id (never by name), in its summary;
 * the escalation's own ledger row records the breach.
 */
@Component("listNonResponders")
class ListNonResponders implements JavaDelegate {

  static final String ESCALATION_SUMMARY = "escalationSummary";

  private final Evaluations evaluations;
  private final CaseLog caseLog;

  ListNonResponders(Evaluations evaluations, CaseLog caseLog) {
    this.evaluations = evaluations;
    this.caseLog = caseLog;
  }

  @Override
  public void execute(DelegateExecution execution) {
    EvaluationVariables v = new EvaluationVariables(execution);
    List<String> open = evaluations.nonResponders(v.caseId());
    int eligible = evaluations.roll(v.caseId()).size();
    String note = open.size() + "/" + eligible + "名楼栋代表未评分：" + String.join("、", open);
    execution.setVariableLocal(ESCALATION_SUMMARY, v.text(EvaluationVariables.SUMMARY) + "；" + note);
    caseLog.record(EvaluationFlow.KEY, v.caseNo(), EvaluationEvent.NON_RESPONDERS,
        Role.COMMUNITY_COMMITTEE.label(), note);
  }
}
