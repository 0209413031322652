package io.linli.escalation;

import io.linli.caselog.CaseLog;
import io.linli.caselog.CommonEvent;
import io.linli.identity.Role;
import io.linli.sla.SlaLedger;
import io.linli.sla.SlaPolicy;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 落实督办意见: records the 督办 as done and, when the committee named a new handler, reassigns the task
 * that breached (if it is still open). Otherwise the original handler keeps the case.
 */
@Component("applySupervision")
class ApplySupervision implements JavaDelegate {

  private final HeldTasks heldTasks;
  private final TaskService tasks;
  private final SlaLedger ledger;
  private final SlaPolicy policy;
  private final CaseLog caseLog;

  ApplySupervision(
      HeldTasks heldTasks, TaskService tasks, SlaLedger ledger, SlaPolicy policy, CaseLog caseLog) {
    this.heldTasks = heldTasks;
    this.tasks = tasks;
    this.ledger = ledger;
    this.policy = policy;
    this.caseLog = caseLog;
  }

  @Override
  public void execute(DelegateExecution execution) {
    EscalationVariables v = new EscalationVariables(execution);
    boolean street =
        EscalationProcess.TASK_APPLY_STREET_SUPERVISION.equals(execution.getCurrentActivityId());
    Role role = street ? Role.STREET_COMMITTEE : Role.COMMUNITY_COMMITTEE;
    ledger.recordSupervised(
        v.flow(),
        v.caseId(),
        v.caseNo(),
        v.communityCode(),
        v.clock(),
        street ? 2 : 1,
        policy.now(),
        v.supervisedBy(),
        v.supervisionNote(),
        v.parentProcessInstanceId());
    caseLog.record(v.flow(), v.caseNo(), CommonEvent.SUPERVISED, role.label(), null);

    String to = v.reassignTo();
    if (to != null) {
      HeldTasks.Held held = heldTasks.find(v.parentProcessInstanceId(), v.heldActivityId());
      if (held.taskId() != null) {
        tasks.setAssignee(held.taskId(), to);
        caseLog.record(v.flow(), v.caseNo(), CommonEvent.REASSIGNED, role.label(), null);
      }
    }
    // One 督办's decision must not carry over into the next level's form.
    execution.removeVariable(EscalationVariables.REASSIGN_TO);
    execution.removeVariable(EscalationVariables.SUPERVISION_NOTE);
  }
}
