package io.linli.serviceorder;

import io.linli.caselog.CaseLog;
import io.linli.caselog.CommonEvent;
import io.linli.system.Times;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 记录未评价: the rating window passed; the order counts as not rated and goes on to 回访. */
@Component("recordNoOrderRating")
class RecordNoOrderRating implements JavaDelegate {

  private final ServiceOrders orders;
  private final CaseLog caseLog;

  RecordNoOrderRating(ServiceOrders orders, CaseLog caseLog) {
    this.orders = orders;
    this.caseLog = caseLog;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ServiceOrderVariables v = new ServiceOrderVariables(execution);
    orders.rated(v.caseId(), OrderRating.NONE, null, Times.now());
    execution.setVariable(ServiceOrderVariables.RATING, OrderRating.NONE.name());
    execution.setVariable(ServiceOrderVariables.RATING_LABEL, OrderRating.NONE.label());
    caseLog.record(ServiceOrderProcess.FLOW, v.caseNo(), CommonEvent.NOT_RATED, null, null);
  }
}
