package io.linli.escalation;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completing a 督办 task: the user to reassign to must exist, and who supervised is kept. An
 * unknown user is refused with a message Tasklist shows; the task stays open.
 */
@Component("supervisionTaskListener")
class SupervisionTaskListener implements TaskListener {

  private final IdentityService identity;

  SupervisionTaskListener(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    EscalationVariables v = new EscalationVariables(task);
    String to = v.reassignTo();
    if (to != null && identity.createUserQuery().userId(to).count() == 0) {
      throw new BadUserRequestException("改派承办人不存在：" + to);
    }
    String by = task.getAssignee();
    if (by == null && identity.getCurrentAuthentication() != null) {
      by = identity.getCurrentAuthentication().getUserId();
    }
    task.setVariable(EscalationVariables.SUPERVISED_BY, by);
  }
}
