package io.linli.serviceorder;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** On entering a stage of the service order flow, the order takes that stage's status. */
@Component("serviceOrderStage")
class ServiceOrderStage implements ExecutionListener {

  private final ServiceOrders orders;

  ServiceOrderStage(ServiceOrders orders) {
    this.orders = orders;
  }

  @Override
  public void notify(DelegateExecution execution) {
    ServiceOrderStatus status = ServiceOrderProcess.STATUS_AT.get(execution.getCurrentActivityId());
    if (status == null) {
      throw new IllegalStateException("no status for " + execution.getCurrentActivityId());
    }
    orders.setStatus(new ServiceOrderVariables(execution).caseId(), status);
  }
}
