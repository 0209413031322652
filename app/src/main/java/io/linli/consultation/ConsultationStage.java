package io.linli.consultation;

import io.linli.caselog.CaseLog;
import io.linli.caselog.CommonEvent;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * On entering a stage of the consultation flow, the topic takes that stage's state. Entering review
 * also shows the reviewer how many residents support the topic; entering evaluation asks the
 * estate's residents to rate.
 */
@Component("consultationStage")
class ConsultationStage implements ExecutionListener {

  private final Topics topics;
  private final CaseLog caseLog;

  ConsultationStage(Topics topics, CaseLog caseLog) {
    this.topics = topics;
    this.caseLog = caseLog;
  }

  @Override
  public void notify(DelegateExecution execution) {
    TopicState state = ConsultationProcess.STATE_AT.get(execution.getCurrentActivityId());
    if (state == null) {
      throw new IllegalStateException("no state for " + execution.getCurrentActivityId());
    }
    ConsultationVariables v = new ConsultationVariables(execution);
    topics.setState(v.caseId(), state);
    switch (state) {
      case REVIEWING ->
          execution.setVariable(
              ConsultationVariables.SUPPORTER_COUNT, topics.supporterCount(v.caseId()));
      case EVALUATING ->
          caseLog.record(
              ConsultationProcess.FLOW,
              v.caseNo(),
              CommonEvent.ASKED_TO_RATE,
              null,
              "请本小区居民对办理结果进行评价");
      default -> {}
    }
  }
}
