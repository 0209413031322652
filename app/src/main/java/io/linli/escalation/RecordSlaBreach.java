package io.linli.escalation;

import io.linli.caselog.CaseEventType;
import io.linli.caselog.CaseLog;
import io.linli.identity.Role;
import io.linli.sla.Clock;
import io.linli.sla.SlaLedger;
import io.linli.sla.SlaPolicy;
import io.linli.system.Times;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 记录超时: writes the level-1 breach to the ledger and prepares the 社区党委 督办. A clock that was
 * already escalated for this case (a retried job, or a second task under the same clock) is not
 * escalated twice: {@code firstBreach} is false and the model ends there.
 */
@Component("recordSlaBreach")
class RecordSlaBreach implements JavaDelegate {

  private final HeldTasks heldTasks;
  private final SlaLedger ledger;
  private final SlaPolicy policy;
  private final CaseLog caseLog;

  RecordSlaBreach(HeldTasks heldTasks, SlaLedger ledger, SlaPolicy policy, CaseLog caseLog) {
    this.heldTasks = heldTasks;
    this.ledger = ledger;
    this.policy = policy;
    this.caseLog = caseLog;
  }

  @Override
  public void execute(DelegateExecution execution) {
    EscalationVariables v = new EscalationVariables(execution);
    HeldTasks.Held held = heldTasks.find(v.parentProcessInstanceId(), v.heldActivityId());
    boolean first =
        ledger.recordBreach(
            new SlaLedger.Breach(
                v.flow(), v.caseId(), v.caseNo(), v.communityCode(), v.clock(), 1, held.dueAt(),
                policy.now(), held.holder(), v.parentProcessInstanceId()));
    execution.setVariable(EscalationVariables.FIRST_BREACH, first);
    execution.setVariable(EscalationVariables.CLOCK_LABEL, Clock.valueOf(v.clock()).label());
    execution.setVariable(EscalationVariables.DUE_AT_LABEL, Times.label(held.dueAt()));
    execution.setVariable(EscalationVariables.HOLDER_LABEL, held.label());
    if (first) {
      caseLog.record(v.flow(), v.caseNo(), CaseEventType.ESCALATED, Role.COMMUNITY_COMMITTEE.label(),
          Clock.valueOf(v.clock()).label() + "已超时，提请社区党委督办");
    }
  }
}
