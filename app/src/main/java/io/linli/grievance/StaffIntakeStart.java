package io.linli.grievance;

import io.linli.identity.Role;
import io.linli.identity.TasklistStart;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * 热线/窗口登记诉求 is started from Tasklist by the staff who may register (see {@link
 * RegisterStaffIntake}).
 */
@Component
class StaffIntakeStart implements TasklistStart {

  @Override
  public String processKey() {
    return StaffIntakeProcess.KEY;
  }

  @Override
  public Set<Role> roles() {
    return RegisterStaffIntake.STAFF;
  }
}
