package io.linli.finance;

import io.linli.system.ApiError;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** 社区党委 completes 审核收支 (Camunda Form or the API): {@code approved}, {@code decisionReason}. */
@Component("decideFinanceEntry")
class DecideFinanceEntry implements TaskListener {

  private final FinanceEntries entries;

  DecideFinanceEntry(FinanceEntries entries) {
    this.entries = entries;
  }

  @Override
  public void notify(DelegateTask task) {
    Object approved = task.getVariable("approved");
    if (approved == null) throw new BadUserRequestException("请选择通过或退回");
    boolean ok = approved instanceof Boolean b ? b : Boolean.parseBoolean(approved.toString());
    Object reason = task.getVariable("decisionReason");
    String user = task.getAssignee() == null ? "community-committee" : task.getAssignee();
    try {
      entries.decide(
          ((Number) task.getVariable("entryId")).longValue(),
          ok,
          reason == null || reason.toString().isBlank() ? null : reason.toString().trim(),
          user);
    } catch (ApiError e) {
      throw new BadUserRequestException(
          e.fields().isEmpty() ? e.getMessage() : e.fields().get(0).message());
    }
  }
}
