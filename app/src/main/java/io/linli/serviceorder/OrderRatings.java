package io.linli.serviceorder;

import io.linli.caselog.CaseLog;
import io.linli.caselog.CommonEvent;
import io.linli.identity.Role;
import io.linli.system.ApiError;
import io.linli.system.Times;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 评价: the resident rates a service order after confirming it done. The first 不满意 sends the job back
 * to its worker for one rework round (返工处置, its own clock); any later rating goes on to the party
 * group's follow-up visit. The rating is the order's in case_file, which the supervision read model
 * counts.
 */
@Service
class OrderRatings {

  private final ServiceOrders orders;
  private final CaseLog caseLog;
  private final RuntimeService runtime;

  OrderRatings(ServiceOrders orders, CaseLog caseLog, RuntimeService runtime) {
    this.orders = orders;
    this.caseLog = caseLog;
    this.runtime = runtime;
  }

  /**
   * @return whether the order goes back for rework
   */
  @Transactional
  boolean rate(String orderNo, OrderRating rating, String comment) {
    if (rating == null || rating == OrderRating.NONE) {
      throw ApiError.invalid("rating", "请选择满意、基本满意或不满意");
    }
    ServiceOrders.Row row =
        orders.find(orderNo).orElseThrow(() -> ApiError.notFound("没有这个服务单：" + orderNo));
    Execution waiting =
        row.processInstanceId() == null
            ? null
            : runtime
                .createExecutionQuery()
                .processInstanceId(row.processInstanceId())
                .activityId(ServiceOrderProcess.TASK_AWAIT_RATING)
                .singleResult();
    if (waiting == null) throw ApiError.conflict("该服务单当前不在待评价阶段");
    boolean reworkDone =
        Boolean.TRUE.equals(
            runtime.getVariable(row.processInstanceId(), ServiceOrderVariables.RATING_REWORK_DONE));
    boolean rework = rating == OrderRating.DISSATISFIED && !reworkDone;
    String why = comment == null || comment.isBlank() ? null : comment.strip();

    orders.rated(row.id(), rating, why, Times.now());
    caseLog.record(
        ServiceOrderProcess.FLOW,
        orderNo,
        CommonEvent.RATED,
        Role.RESIDENT.label(),
        rating.label());
    var correlation =
        runtime
            .createMessageCorrelation(ServiceOrderProcess.MESSAGE_RATED)
            .processInstanceId(row.processInstanceId())
            .setVariable(ServiceOrderVariables.RATING, rating.name())
            .setVariable(ServiceOrderVariables.RATING_LABEL, rating.label())
            .setVariable(ServiceOrderVariables.REWORK_REQUIRED, rework);
    if (rework) {
      caseLog.record(ServiceOrderProcess.FLOW, orderNo, CommonEvent.REWORK, null, null);
      correlation
          .setVariable(ServiceOrderVariables.RATING_REWORK_DONE, true)
          .setVariable(ServiceOrderVariables.REWORK_CAUSE_LABEL, "居民评价不满意");
    }
    correlation.correlate();
    return rework;
  }
}
