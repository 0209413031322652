package io.linli.escalation;

import io.linli.caselog.CaseEventType;
import io.linli.caselog.CaseLog;
import io.linli.identity.Role;
import io.linli.sla.SlaLedger;
import io.linli.sla.SlaPolicy;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 记录督办超时: the 社区党委 督办 is itself overdue; the same clock is escalated to level 2. */
@Component("recordSupervisionBreach")
class RecordSupervisionBreach implements JavaDelegate {

  private final HeldTasks heldTasks;
  private final SlaLedger ledger;
  private final SlaPolicy policy;
  private final CaseLog caseLog;

  RecordSupervisionBreach(HeldTasks heldTasks, SlaLedger ledger, SlaPolicy policy, CaseLog caseLog) {
    this.heldTasks = heldTasks;
    this.ledger = ledger;
    this.policy = policy;
    this.caseLog = caseLog;
  }

  @Override
  public void execute(DelegateExecution execution) {
    EscalationVariables v = new EscalationVariables(execution);
    HeldTasks.Held held =
        heldTasks.find(execution.getProcessInstanceId(), EscalationProcess.TASK_SUPERVISE_COMMUNITY);
    boolean first =
        ledger.recordBreach(
            new SlaLedger.Breach(
                v.flow(), v.caseId(), v.caseNo(), v.communityCode(), v.clock(), 2, held.dueAt(),
                policy.now(), held.holder(), v.parentProcessInstanceId()));
    if (first) {
      caseLog.record(v.flow(), v.caseNo(), CaseEventType.ESCALATED, Role.STREET_COMMITTEE.label(),
          "社区督办超时，提请街道党工委督办");
    }
  }
}
