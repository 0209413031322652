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
 * The worker's steps: 接单 (the arrival clock starts), 到场签到 (it stops; the 20-minute clock starts),
 * and the job done. The worker is whoever holds the task when it is completed, so a 督办 that
 * reassigned it moves the order (and its settlement) to the new worker.
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
        boolean declined = "DECLINE".equals(v.text(ServiceOrderVariables.ACCEPT_DECISION));
        task.setVariable(ServiceOrderVariables.ACCEPT_DECLINED, declined);
        if (declined) {
          declined(task, v, worker);
          return;
        }
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
      case TASK_REWORK -> {
        keepWorker(task, v, worker);
        String result = v.text(ServiceOrderVariables.REWORK_RESULT);
        if (result == null) throw new BadUserRequestException("请填写返工处置结果");
        if (result.length() > 1000) throw new BadUserRequestException("返工处置结果不能超过1000字");
        orders.reworked(v.caseId());
        log(v, ServiceOrderEvent.REWORK_DONE, result);
      }
      default ->
          throw new IllegalStateException("no completion rule for " + task.getTaskDefinitionKey());
    }
  }

  /** 拒单 chosen in the 接单 form: the API's rule and case-log entry; the model goes back to 物业派单. */
  private void declined(DelegateTask task, ServiceOrderVariables v, String worker) {
    String reason;
    try {
      reason =
          OrderDeclines.reason(
              ServiceOrderVariables.REFUSAL_REASON, v.text(ServiceOrderVariables.REFUSAL_REASON));
    } catch (io.linli.system.ApiError e) {
      throw new BadUserRequestException(
          e.fields().isEmpty() ? e.getMessage() : e.fields().get(0).message());
    }
    OrderDeclines.record(caseLog, v.caseNo(), worker, reason);
    task.removeVariable(ServiceOrderVariables.REFUSAL_REASON);
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
