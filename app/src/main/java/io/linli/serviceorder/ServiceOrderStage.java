package io.linli.serviceorder;

import io.linli.caselog.CaseLog;
import io.linli.caselog.CommonEvent;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** On entering a stage of the service order flow, the order takes that stage's status. */
@Component("serviceOrderStage")
class ServiceOrderStage implements ExecutionListener {

  private final ServiceOrders orders;
  private final CaseLog caseLog;

  ServiceOrderStage(ServiceOrders orders, CaseLog caseLog) {
    this.orders = orders;
    this.caseLog = caseLog;
  }

  @Override
  public void notify(DelegateExecution execution) {
    ServiceOrderStatus status = ServiceOrderProcess.STATUS_AT.get(execution.getCurrentActivityId());
    if (status == null) {
      throw new IllegalStateException("no status for " + execution.getCurrentActivityId());
    }
    ServiceOrderVariables v = new ServiceOrderVariables(execution);
    orders.setStatus(v.caseId(), status);
    if (status == ServiceOrderStatus.AWAITING_RATING) {
      caseLog.record(ServiceOrderProcess.FLOW, v.caseNo(), CommonEvent.ASKED_TO_RATE, null, null);
    }
  }
}
