package io.linli.serviceorder;

import static io.linli.serviceorder.ServiceOrderProcess.*;


import io.linli.caselog.CaseLog;
import io.linli.identity.Role;
import io.linli.system.Times;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The worker's steps: 接单 (the arrival clock starts), 到场签到 (it stops; the 20-minute clock
 * starts), and the job done. The worker is whoever holds the task when it is completed, so a
 * 督办 that reassigned it moves the order (and its settlement) to the new worker.
 */
@Component("workerTaskListener")
class WorkerTaskListener implements TaskListener {

  private final ServiceOrders orders;
  private final CaseLog caseLog;
  private final IdentityService identity;

  WorkerTaskListener(ServiceOrders orders, CaseLog caseLog, IdentityService identity) {
    this.orders = orders;
    this.caseLog = caseLog;
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    ServiceOrderVariables v = new ServiceOrderVariables(task);
    String worker = worker(task);
    Instant now = Times.now();
    switch (task.getTaskDefinitionKey()) {
      case TASK_ACCEPT -> {
        task.setVariable(ServiceOrderVariables.ACCEPTED_BY, worker);
        task.setVariable(ServiceOrderVariables.ACCEPTED_AT, Date.from(now));
        orders.accepted(v.caseId(), worker, now);
        log(v, ServiceOrderEvent.ACCEPTED, null);
      }
      case TASK_ARRIVE -> {
        keepWorker(task, v, worker);
        task.setVariable(ServiceOrderVariables.ARRIVED_AT, Date.from(now));
        orders.arrived(v.caseId(), now);
        log(v, ServiceOrderEvent.ARRIVED, null);
      }
      case TASK_FIX_SMALL, TASK_DO_COMPLEX -> {
        keepWorker(task, v, worker);
        String result = v.text(ServiceOrderVariables.WORK_RESULT);
        if (result == null) throw new BadUserRequestException("请填写处置结果");
        orders.workDone(v.caseId(), result, now);
        log(v, ServiceOrderEvent.WORK_DONE, result);
      }
      default -> throw new IllegalStateException("no completion rule for " + task.getTaskDefinitionKey());
    }
  }

  private String worker(DelegateTask task) {
    String worker = task.getAssignee();
    if (worker == null && identity.getCurrentAuthentication() != null) {
      worker = identity.getCurrentAuthentication().getUserId();
    }
    if (worker == null) throw new BadUserRequestException("请先认领该任务");
    return worker;
  }

  private void keepWorker(DelegateTask task, ServiceOrderVariables v, String worker) {
    if (!worker.equals(v.acceptedBy())) {
      task.setVariable(ServiceOrderVariables.ACCEPTED_BY, worker);
      orders.setWorker(v.caseId(), worker);
    }
  }

  private void log(ServiceOrderVariables v, io.linli.caselog.CaseEventKind type, String note) {
    caseLog.record(FLOW, v.caseNo(), type, Role.CONTRACTOR.label(), note);
  }
}
