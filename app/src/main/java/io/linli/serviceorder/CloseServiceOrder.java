package io.linli.serviceorder;

import io.linli.caselog.CaseLog;
import io.linli.caselog.CommonEvent;
import io.linli.system.Times;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 办结: the order is closed after the party group's follow-up visit. */
@Component("closeServiceOrder")
class CloseServiceOrder implements JavaDelegate {

  private final ServiceOrders orders;
  private final CaseLog caseLog;

  CloseServiceOrder(ServiceOrders orders, CaseLog caseLog) {
    this.orders = orders;
    this.caseLog = caseLog;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ServiceOrderVariables v = new ServiceOrderVariables(execution);
    orders.close(v.caseId(), Times.now());
    caseLog.record(ServiceOrderProcess.FLOW, v.caseNo(), CommonEvent.CLOSED, null, null);
  }
}
