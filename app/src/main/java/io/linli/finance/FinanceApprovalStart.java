package io.linli.finance;

import io.linli.identity.Role;
import io.linli.identity.TasklistStart;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * 收支审核 is started from Tasklist (物业填报收支) by property staff, as {@link EnterFinanceEntry} requires.
 */
@Component
class FinanceApprovalStart implements TasklistStart {

  @Override
  public String processKey() {
    return FinanceEntries.PROCESS;
  }

  @Override
  public Set<Role> roles() {
    return Set.of(Role.PROPERTY_STAFF);
  }
}
