package io.linli.consultation;

import static io.linli.consultation.ConsultationVariables.*;

import io.linli.caselog.CaseLog;
import io.linli.identity.Role;
import io.linli.system.Times;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * 列入协商事项清单: the party branch names the responsible body (办理主体) and the deadline (办理时限; the policy's
 * default when left empty, never later than the policy allows). The deadline is the execution
 * clock: {@code executionDue} is the due date and the escalation timer of 组织办理.
 */
@Component("planExecutionListener")
class PlanExecutionListener implements TaskListener {

  private final ExecutionItems items;
  private final ConsultationSla policy;
  private final CaseLog caseLog;

  PlanExecutionListener(ExecutionItems items, ConsultationSla policy, CaseLog caseLog) {
    this.items = items;
    this.policy = policy;
    this.caseLog = caseLog;
  }

  @Override
  public void notify(DelegateTask task) {
    ConsultationVariables v = new ConsultationVariables(task);
    ResponsibleBody body = body(v.text(RESPONSIBLE_BODY));
    Instant deadline = FormDateTime.parse(v.raw(EXECUTION_DEADLINE), "办理时限");
    if (deadline == null) deadline = policy.executionDefault();
    if (!deadline.isAfter(policy.now())) throw new BadUserRequestException("办理时限须晚于当前时间");
    if (deadline.isAfter(policy.latestExecutionDeadline())) {
      throw new BadUserRequestException("办理时限不得晚于" + Times.label(policy.latestExecutionDeadline()));
    }
    String name = v.text(RESPONSIBLE_NAME);
    items.list(v.caseId(), body, name, v.text(EXECUTION_PLAN), deadline, policy.now());

    String label = body.label() + (name == null ? "" : "（" + name + "）");
    task.setVariable(EXECUTION_DUE, Date.from(deadline));
    task.setVariable(EXECUTION_DUE_LABEL, Times.label(deadline));
    task.setVariable(EXECUTOR_ROLE, body.role().id());
    task.setVariable(RESPONSIBLE_LABEL, label);
    caseLog.record(
        ConsultationProcess.FLOW,
        v.caseNo(),
        ConsultationEvent.LISTED,
        Role.PARTY_GROUP.label(),
        "办理主体：" + label + "；办理时限：" + Times.label(deadline));
  }

  private static ResponsibleBody body(String value) {
    if (value == null) throw new BadUserRequestException("请选择办理主体");
    try {
      return ResponsibleBody.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw new BadUserRequestException("办理主体无效：" + value);
    }
  }
}
