package io.linli.consultation;

import static io.linli.consultation.ConsultationVariables.*;

import io.linli.caselog.CaseLog;
import io.linli.identity.Role;
import io.linli.system.Times;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** 办: the responsible body reports the result (组织办理, or 整改办理 after a majority 不满意). */
@Component("executionDoneListener")
class ExecutionDoneListener implements TaskListener {

  private final ExecutionItems items;
  private final CaseLog caseLog;

  ExecutionDoneListener(ExecutionItems items, CaseLog caseLog) {
    this.items = items;
    this.caseLog = caseLog;
  }

  @Override
  public void notify(DelegateTask task) {
    ConsultationVariables v = new ConsultationVariables(task);
    boolean rework = ConsultationProcess.TASK_REWORK.equals(task.getTaskDefinitionKey());
    String result = v.text(rework ? REWORK_RESULT : EXECUTION_RESULT);
    if (result == null) throw new BadUserRequestException(rework ? "请填写整改结果" : "请填写办理结果");
    if (rework) {
      items.reworkDone(v.caseId(), result, Times.now());
    } else {
      items.done(v.caseId(), result, Times.now());
    }
    String role = Role.ofGroup(v.text(EXECUTOR_ROLE)).map(Role::label).orElse(null);
    caseLog.record(
        ConsultationProcess.FLOW,
        v.caseNo(),
        ConsultationEvent.EXECUTED,
        role,
        (rework ? "整改：" : "") + result);
  }
}
