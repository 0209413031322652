package io.linli.serviceorder;

import static io.linli.serviceorder.ServiceOrderProcess.*;

import io.linli.caselog.CaseLog;
import io.linli.caselog.CommonEvent;
import io.linli.identity.Role;
import io.linli.system.Times;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * 答复居民 by the property service centre and 党小组回访 by the party group: check what the form sent, bring
 * the order up to date and log the step for the resident.
 */
@Component("staffTaskListener")
class StaffTaskListener implements TaskListener {

  static final Map<String, String> REPLY_METHODS =
      Map.of("PHONE", "电话答复", "VISIT", "上门答复", "ONLINE", "线上答复");
  static final Map<String, String> SATISFACTION =
      Map.of("SATISFIED", "满意", "BASICALLY_SATISFIED", "基本满意", "DISSATISFIED", "不满意");

  private final ServiceOrders orders;
  private final CaseLog caseLog;

  StaffTaskListener(ServiceOrders orders, CaseLog caseLog) {
    this.orders = orders;
    this.caseLog = caseLog;
  }

  @Override
  public void notify(DelegateTask task) {
    ServiceOrderVariables v = new ServiceOrderVariables(task);
    switch (task.getTaskDefinitionKey()) {
      case TASK_REPLY -> {
        String method = choice(REPLY_METHODS, v.text("replyMethod"), "答复方式");
        orders.replied(v.caseId(), Times.now());
        caseLog.record(
            FLOW,
            v.caseNo(),
            ServiceOrderEvent.REPLIED,
            Role.PROPERTY_STAFF.label(),
            method + "：请确认解决方案和报价");
      }
      case TASK_FOLLOW_UP_VISIT -> followedUp(task, v);
      default ->
          throw new IllegalStateException("no completion rule for " + task.getTaskDefinitionKey());
    }
  }

  /**
   * 回访: the satisfaction goes to the order and its case_file. The first 不满意 reopens the order for
   * one more round (返工处置 with a fresh rework clock, the resident's rating, and another visit with a
   * fresh follow-up clock); a later one is recorded and the order closes.
   */
  private void followedUp(DelegateTask task, ServiceOrderVariables v) {
    String satisfaction = v.text(ServiceOrderVariables.FOLLOW_UP_SATISFACTION);
    String label = choice(SATISFACTION, satisfaction, "回访满意度");
    Instant now = Times.now();
    orders.followedUp(v.caseId(), satisfaction, now);
    caseLog.record(FLOW, v.caseNo(), CommonEvent.FOLLOWED_UP, Role.PARTY_GROUP.label(), label);
    boolean reopen =
        "DISSATISFIED".equals(satisfaction)
            && !Boolean.TRUE.equals(v.raw(ServiceOrderVariables.REOPENED));
    task.setVariable(ServiceOrderVariables.REOPEN_REQUIRED, reopen);
    if (reopen) {
      task.setVariable(ServiceOrderVariables.REOPENED, true);
      task.setVariable(ServiceOrderVariables.REWORK_CAUSE_LABEL, "党小组回访居民不满意");
      orders.reopened(v.caseId(), task.getAssignee(), now);
      caseLog.record(
          FLOW,
          v.caseNo(),
          ServiceOrderEvent.REOPENED,
          Role.PARTY_GROUP.label(),
          v.text("followUpNote"));
    }
  }

  private static String choice(Map<String, String> labels, String value, String field) {
    if (value == null) throw new BadUserRequestException("请选择" + field);
    String label = labels.get(value);
    if (label == null) throw new BadUserRequestException(field + "无效：" + value);
    return label;
  }
}
