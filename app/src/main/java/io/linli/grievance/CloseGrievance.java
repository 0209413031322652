package io.linli.grievance;

import io.linli.caselog.CaseLog;
import io.linli.caselog.CommonEvent;
import io.linli.system.Times;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 结案: the case is closed after the party group's follow-up visit. */
@Component("closeGrievance")
class CloseGrievance implements JavaDelegate {

  private final GrievanceCases cases;
  private final CaseLog caseLog;

  CloseGrievance(GrievanceCases cases, CaseLog caseLog) {
    this.cases = cases;
    this.caseLog = caseLog;
  }

  @Override
  public void execute(DelegateExecution execution) {
    GrievanceVariables v = new GrievanceVariables(execution);
    cases.close(v.caseId(), Times.now());
    caseLog.record(GrievanceProcess.FLOW, v.caseNo(), CommonEvent.CLOSED, null, null);
  }
}
