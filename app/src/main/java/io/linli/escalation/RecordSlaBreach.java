package io.linli.escalation;

import io.linli.caselog.CaseLog;
import io.linli.caselog.CommonEvent;
import io.linli.cases.Flows;
import io.linli.identity.Role;
import io.linli.sla.SlaLedger;
import io.linli.sla.SlaPolicy;
import io.linli.system.Times;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 记录超时 and 记录督办超时: writes a breach to the ledger. At level 1 the held task is the calling flow's
 * task whose clock ran out, and the 社区党委 督办 is prepared; at level 2 it is that 督办 itself, now going
 * to 街道党工委. A clock already escalated at the level for this case (a retried job, or a second task
 * under the same clock) is not escalated twice: {@code firstBreach} is false and the model ends
 * there.
 */
@Component("recordSlaBreach")
class RecordSlaBreach implements JavaDelegate {

  private final HeldTasks heldTasks;
  private final SlaLedger ledger;
  private final SlaPolicy policy;
  private final CaseLog caseLog;
  private final Flows flows;

  RecordSlaBreach(
      HeldTasks heldTasks, SlaLedger ledger, SlaPolicy policy, CaseLog caseLog, Flows flows) {
    this.flows = flows;
    this.heldTasks = heldTasks;
    this.ledger = ledger;
    this.policy = policy;
    this.caseLog = caseLog;
  }

  @Override
  public void execute(DelegateExecution execution) {
    EscalationVariables v = new EscalationVariables(execution);
    boolean street =
        EscalationProcess.TASK_RECORD_SUPERVISION_BREACH.equals(execution.getCurrentActivityId());
    HeldTasks.Held held =
        street
            ? heldTasks.find(
                execution.getProcessInstanceId(), EscalationProcess.TASK_SUPERVISE_COMMUNITY)
            : heldTasks.find(v.parentProcessInstanceId(), v.heldActivityId());
    boolean first =
        ledger.recordBreach(
            new SlaLedger.Breach(
                v.flow(),
                v.caseId(),
                v.caseNo(),
                v.communityCode(),
                v.clock(),
                street ? 2 : 1,
                held.dueAt(),
                policy.now(),
                held.holder(),
                v.parentProcessInstanceId()));
    if (!street) {
      execution.setVariable(EscalationVariables.FIRST_BREACH, first);
      execution.setVariable(EscalationVariables.CLOCK_LABEL, flows.clockLabel(v.clock()));
      execution.setVariable(EscalationVariables.DUE_AT_LABEL, Times.label(held.dueAt()));
      execution.setVariable(EscalationVariables.HOLDER_LABEL, held.label());
    }
    if (first) {
      caseLog.record(
          v.flow(),
          v.caseNo(),
          CommonEvent.ESCALATED,
          (street ? Role.STREET_COMMITTEE : Role.COMMUNITY_COMMITTEE).label(),
          street ? "社区督办超时，提请街道党工委督办" : flows.clockLabel(v.clock()) + "已超时，提请社区党委督办");
    }
  }
}
