package io.linli.grievance;

import io.linli.caselog.CaseLog;
import io.linli.caselog.CommonEvent;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** On entering a stage of the grievance flow, the case takes that stage's status. */
@Component("grievanceStage")
class GrievanceStage implements ExecutionListener {

  private final GrievanceCases cases;
  private final CaseLog caseLog;

  GrievanceStage(GrievanceCases cases, CaseLog caseLog) {
    this.cases = cases;
    this.caseLog = caseLog;
  }

  @Override
  public void notify(DelegateExecution execution) {
    GrievanceStatus status = GrievanceProcess.STATUS_AT.get(execution.getCurrentActivityId());
    if (status == null) {
      throw new IllegalStateException("no status for " + execution.getCurrentActivityId());
    }
    GrievanceVariables v = new GrievanceVariables(execution);
    cases.setStatus(v.caseId(), status);
    if (status == GrievanceStatus.AWAITING_RATING) {
      caseLog.record(GrievanceProcess.FLOW, v.caseNo(), CommonEvent.ASKED_TO_RATE, null, null);
    }
  }
}
