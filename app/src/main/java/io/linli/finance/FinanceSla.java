package io.linli.finance;

import io.linli.sla.SlaDeclarations;
import io.linli.sla.SlaPolicy;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The 收支 approval's one duration, {@code linli.sla.finance.approval}: 社区党委 decides on an entry
 * within it ({@code ${financeSla.approvalDue()}}, the task's due date in Tasklist).
 */
@Component("financeSla")
public class FinanceSla implements SlaDeclarations {

  static final String APPROVAL = "finance.approval";

  private final ObjectProvider<SlaPolicy> policy;

  FinanceSla(ObjectProvider<SlaPolicy> policy) {
    this.policy = policy;
  }

  @Override
  public Map<String, Duration> settings() {
    return Map.of(APPROVAL, Duration.ofDays(7));
  }

  public Date approvalDue() {
    return policy.getObject().dueFromNow(APPROVAL);
  }
}
