package io.linli.grievance;

import static io.linli.grievance.GrievanceProcess.*;

import io.linli.caselog.CaseLog;
import io.linli.caselog.CommonEvent;
import io.linli.identity.Role;
import io.linli.system.Times;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * When staff complete a grievance task: check what the form sent, bring the case table up to date
 * and log the step for the resident. A refused value throws {@link BadUserRequestException}, which
 * Tasklist shows; the task stays open.
 */
@Component("grievanceTaskListener")
class GrievanceTaskListener implements TaskListener {

  /** The response-stage forms' 办理方式 (CONTINUE, RETURN), its reason (runtime-only) and outcome. */
  static final String MOVE = "handlerMove";

  static final String MOVE_REASON = "moveReason";
  static final String RETURNED_IN_FORM = "returnedInForm";

  private final GrievanceCases cases;
  private final CaseLog caseLog;
  private final GrievanceSla policy;

  GrievanceTaskListener(GrievanceCases cases, CaseLog caseLog, GrievanceSla policy) {
    this.cases = cases;
    this.caseLog = caseLog;
    this.policy = policy;
  }

  @Override
  public void notify(DelegateTask task) {
    GrievanceVariables v = new GrievanceVariables(task);
    if (GrievanceMoves.RESPONSE_TASKS.contains(task.getTaskDefinitionKey())) {
      boolean returned = "RETURN".equals(v.text(MOVE));
      task.setVariable(RETURNED_IN_FORM, returned);
      if (returned) {
        returned(task, v);
        return;
      }
    }
    switch (task.getTaskDefinitionKey()) {
      case TASK_TRIAGE -> triaged(task, v);
      case TASK_HANDLE_GENERAL -> {
        log(v, GrievanceEvent.RESPONDED, Role.PROPERTY_STAFF, null);
        log(v, CommonEvent.RESOLVED, Role.PROPERTY_STAFF, v.text("handlingResult"));
      }
      case TASK_RESPOND ->
          log(v, GrievanceEvent.RESPONDED, Role.PROPERTY_STAFF, v.text("responseNote"));
      case TASK_CONTACT_RESIDENT -> committed(task, v);
      case TASK_RESOLVE, TASK_RECTIFY ->
          log(v, CommonEvent.RESOLVED, Role.PROPERTY_STAFF, v.text("handlingResult"));
      case TASK_REWORK -> {
        task.setVariable(GrievanceVariables.REWORK_COUNT, v.reworkCount() + 1);
        log(v, CommonEvent.RESOLVED, Role.PROPERTY_STAFF, v.text("reworkResult"));
      }
      case TASK_FOLLOW_UP_VISIT -> {
        cases.setFollowUp(v.caseId(), v.followUpSatisfaction());
        log(v, CommonEvent.FOLLOWED_UP, Role.PARTY_GROUP, null);
      }
      default ->
          throw new IllegalStateException("no completion rule for " + task.getTaskDefinitionKey());
    }
  }

  /** 退单 chosen in a response-stage form: the API's reason rule and case-log entry. */
  private void returned(DelegateTask task, GrievanceVariables v) {
    String reason;
    try {
      reason = io.linli.system.TextInput.clean(MOVE_REASON, v.text(MOVE_REASON));
    } catch (io.linli.system.ApiError e) {
      throw new BadUserRequestException(
          e.fields().isEmpty() ? e.getMessage() : e.fields().get(0).message());
    }
    if (reason == null || reason.isBlank()) throw new BadUserRequestException("请填写退单原因");
    reason = reason.strip();
    if (reason.length() > 500) throw new BadUserRequestException("原因不能超过500字");
    GrievanceMoves.recordReturn(caseLog, v.caseNo(), task.getName(), reason);
    task.removeVariable(MOVE_REASON);
  }

  private void triaged(DelegateTask task, GrievanceVariables v) {
    Category category = parse(Category.class, v.category(), "类别");
    Tier tier = parse(Tier.class, v.tier(), "分级");
    cases.setTriage(v.caseId(), category, tier);
    task.setVariable(GrievanceVariables.CATEGORY_LABEL, category.label());
    task.setVariable(GrievanceVariables.TIER_LABEL, tier.label());
    log(v, GrievanceEvent.TIER_SET, Role.GRID_WORKER, tier.label());
  }

  private void committed(DelegateTask task, GrievanceVariables v) {
    String measures = v.rectificationMeasures();
    if (measures == null || measures.isBlank()) {
      throw new BadUserRequestException("请填写整改措施");
    }
    Instant deadline = CommittedDeadline.parse(v.committedDeadline());
    if (!deadline.isAfter(policy.now())) {
      throw new BadUserRequestException("承诺整改时限须晚于当前时间");
    }
    if (deadline.isAfter(policy.latestCommitment())) {
      throw new BadUserRequestException("承诺整改时限不得晚于" + Times.label(policy.latestCommitment()));
    }
    cases.setCommitment(v.caseId(), measures, deadline);
    task.setVariable(GrievanceVariables.COMMITTED_DUE, Date.from(deadline));
    task.setVariable(GrievanceVariables.COMMITTED_DEADLINE_LABEL, Times.label(deadline));
    log(v, GrievanceEvent.RESPONDED, Role.PROPERTY_STAFF, null);
    log(
        v,
        GrievanceEvent.PLAN_COMMITTED,
        Role.PROPERTY_STAFF,
        measures + "（整改时限：" + Times.label(deadline) + "）");
  }

  private void log(
      GrievanceVariables v, io.linli.caselog.CaseEventKind type, Role role, String note) {
    caseLog.record(FLOW, v.caseNo(), type, role.label(), note);
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
    try {
      return Enum.valueOf(type, value);
    } catch (RuntimeException e) {
      throw new BadUserRequestException(field + "无效：" + value);
    }
  }
}
