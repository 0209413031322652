package io.linli.grievance;

import io.linli.caselog.CaseLog;
import io.linli.caselog.CommonEvent;
import io.linli.system.Times;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 记录未评价: the rating window passed; the case counts as not rated and goes on to 回访. */
@Component("recordNoRating")
class RecordNoRating implements JavaDelegate {

  private final GrievanceCases cases;
  private final CaseLog caseLog;

  RecordNoRating(GrievanceCases cases, CaseLog caseLog) {
    this.cases = cases;
    this.caseLog = caseLog;
  }

  @Override
  public void execute(DelegateExecution execution) {
    GrievanceVariables v = new GrievanceVariables(execution);
    cases.setRating(v.caseId(), Rating.NONE, null, Times.now());
    execution.setVariable(GrievanceVariables.RATING, Rating.NONE.name());
    execution.setVariable(GrievanceVariables.RATING_LABEL, Rating.NONE.label());
    caseLog.record(GrievanceProcess.FLOW, v.caseNo(), CommonEvent.NOT_RATED, null, null);
  }
}
