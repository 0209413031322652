package io.linli.serviceorder;

import io.linli.caselog.CaseLog;
import io.linli.identity.ContractorTeam;
import io.linli.identity.Role;
import io.linli.system.Times;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * 物业派单 completed: the order goes to a contractor team (its group becomes the candidate group of 接单)
 * or to a named individual (the 接单 task is assigned to them). A refused value throws {@link
 * BadUserRequestException}, which Tasklist shows; the task stays open.
 */
@Component("dispatchTaskListener")
class DispatchTaskListener implements TaskListener {

  static final String MODE_TEAM = "TEAM";
  static final String MODE_INDIVIDUAL = "INDIVIDUAL";

  private final ServiceOrders orders;
  private final Workers workers;
  private final CaseLog caseLog;

  DispatchTaskListener(ServiceOrders orders, Workers workers, CaseLog caseLog) {
    this.orders = orders;
    this.workers = workers;
    this.caseLog = caseLog;
  }

  @Override
  public void notify(DelegateTask task) {
    ServiceOrderVariables v = new ServiceOrderVariables(task);
    String community = v.communityCode();
    String mode = v.text(ServiceOrderVariables.DISPATCH_MODE);
    Instant now = Times.now();
    String note;
    if (MODE_TEAM.equals(mode)) {
      ContractorTeam team = team(v.text(ServiceOrderVariables.DISPATCH_TEAM));
      task.setVariable(ServiceOrderVariables.ACCEPT_GROUP, workers.teamGroup(community, team));
      task.setVariable(ServiceOrderVariables.ACCEPT_ASSIGNEE, null);
      orders.dispatched(v.caseId(), team.id(), null, now);
      note = "派给" + team.label();
    } else if (MODE_INDIVIDUAL.equals(mode)) {
      String to = v.text(ServiceOrderVariables.DISPATCH_TO);
      if (to == null) throw new BadUserRequestException("请填写接单人（用户名）");
      if (!workers.takesOrders(community, to)) {
        throw new BadUserRequestException("接单人不是本社区的接单机构或能工巧匠：" + to);
      }
      task.setVariable(ServiceOrderVariables.ACCEPT_GROUP, workers.contractorGroup(community));
      task.setVariable(ServiceOrderVariables.ACCEPT_ASSIGNEE, to);
      orders.dispatched(v.caseId(), null, to, now);
      note = "派给能工巧匠（个人）";
    } else {
      throw new BadUserRequestException("请选择派单方式");
    }
    task.setVariable(ServiceOrderVariables.DISPATCHED_AT, Date.from(now));
    caseLog.record(
        ServiceOrderProcess.FLOW,
        v.caseNo(),
        ServiceOrderEvent.DISPATCHED,
        Role.PROPERTY_STAFF.label(),
        note);
  }

  private static ContractorTeam team(String id) {
    if (id == null) throw new BadUserRequestException("请选择服务队");
    try {
      return ContractorTeam.ofId(id);
    } catch (IllegalArgumentException e) {
      throw new BadUserRequestException("服务队无效：" + id);
    }
  }
}
