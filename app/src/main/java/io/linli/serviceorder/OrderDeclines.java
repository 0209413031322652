package io.linli.serviceorder;

import static io.linli.serviceorder.ServiceOrderProcess.*;

import io.linli.caselog.CaseLog;
import io.linli.cases.CaseFile;
import io.linli.cases.CaseFiles;
import io.linli.identity.Role;
import io.linli.identity.StaffIdentity;
import io.linli.identity.StaffIdentity.Staff;
import io.linli.staffdesk.CaseTaskHolders;
import io.linli.system.ApiError;
import io.linli.system.TextInput;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * 拒单: {@code POST /api/service-orders/{orderNo}/decline} — the contractor the order was dispatched
 * to (the 机构（个人）接单 task's assignee, or its team while unassigned) declines it with a reason, and
 * the order goes back to 物业派单 through the model's message boundary event. Clocks: 派单时限
 * <em>continues</em> from the order (the resident has waited since then); 接单时限 <em>restarts</em> at
 * the next dispatch, for the next contractor. In the case log as {@link
 * ServiceOrderEvent#DECLINED}. Anyone else: 404, as for an unknown order.
 */
@RestController
class OrderDeclines {

  static final String USER_HEADER = "X-Linli-User";

  record DeclineRequest(String reason) {}

  record Declined(String orderNo, String move) {}

  private final CaseFiles files;
  private final CaseTaskHolders holders;
  private final RuntimeService runtime;
  private final CaseLog caseLog;
  private final StaffIdentity identity;

  OrderDeclines(
      CaseFiles files,
      CaseTaskHolders holders,
      RuntimeService runtime,
      CaseLog caseLog,
      StaffIdentity identity) {
    this.files = files;
    this.holders = holders;
    this.runtime = runtime;
    this.caseLog = caseLog;
    this.identity = identity;
  }

  @PostMapping("/api/service-orders/{orderNo}/decline")
  @Transactional
  public Declined decline(
      @PathVariable String orderNo,
      @RequestHeader(name = USER_HEADER, required = false) String user,
      @RequestBody(required = false) DeclineRequest body) {
    String reason = reason("reason", body == null ? null : body.reason());
    Staff staff = identity.ofApi(user).orElseThrow(() -> notYours(orderNo));
    CaseFile c =
        files.find(FLOW, orderNo).filter(f -> !f.closed()).orElseThrow(() -> notYours(orderNo));
    Task task = holders.of(c, staff, Set.of(TASK_ACCEPT)).orElseThrow(() -> notYours(orderNo));
    record(caseLog, orderNo, staff.userId(), reason);
    identity.asApp(
        () ->
            runtime
                .createMessageCorrelation(MESSAGE_DECLINED)
                .processInstanceId(c.processInstanceId())
                .correlateWithResult());
    return new Declined(orderNo, ServiceOrderEvent.DECLINED.name());
  }

  /** The reason as the API and the Tasklist form both require it: given, at most 500 characters. */
  static String reason(String field, String raw) {
    String reason = TextInput.clean(field, raw);
    if (reason == null || reason.isBlank()) throw ApiError.invalid(field, "请填写拒单原因");
    if (reason.strip().length() > 500) throw ApiError.invalid(field, "原因不能超过500字");
    return reason.strip();
  }

  /**
   * The 拒单 in the case log, the same for the API and the Tasklist form (接单 with 拒单 chosen, {@link
   * WorkerTaskListener}); the move itself is the model's: the message boundary for the API, the
   * form's outcome {@code acceptDeclined} for Tasklist — both lead to Gateway_ToDispatch.
   */
  static void record(CaseLog caseLog, String orderNo, String userId, String reason) {
    caseLog.record(
        FLOW,
        orderNo,
        ServiceOrderEvent.DECLINED,
        Role.CONTRACTOR.label(),
        "拒单（" + userId + "）：" + reason);
  }

  private static ApiError notYours(String orderNo) {
    return ApiError.notFound("没有您可办理的服务单：" + orderNo);
  }
}
