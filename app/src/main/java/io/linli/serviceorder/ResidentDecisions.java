package io.linli.serviceorder;

import io.linli.caselog.CaseLog;
import io.linli.identity.Role;
import io.linli.system.ApiError;
import io.linli.system.Times;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the resident decides (over the API, or their community's staff on their behalf, recorded
 * from the staff login — {@link OrderRecorder}): accept or decline the quote, and confirm the job
 * done with what was paid. Paying more than the quote is refused (seed 000: 压低有偿服务价格), and nothing
 * is paid for a volunteer item.
 */
@Service
class ResidentDecisions {

  private final ServiceOrders orders;
  private final CaseLog caseLog;
  private final RuntimeService runtime;

  ResidentDecisions(ServiceOrders orders, CaseLog caseLog, RuntimeService runtime) {
    this.orders = orders;
    this.caseLog = caseLog;
    this.runtime = runtime;
  }

  @Transactional
  void decideQuote(
      String orderNo, boolean accept, String reason, OrderRecorder.Recorder recordedBy) {
    ServiceOrders.Row row =
        waitingAt(orderNo, ServiceOrderProcess.TASK_AWAIT_QUOTE_DECISION, "该服务单当前不在待确认报价阶段");
    String why = reason == null || reason.isBlank() ? null : reason.strip();
    if (!accept && why == null) {
      throw ApiError.invalid("reason", "请说明不接受报价的原因");
    }
    orders.decided(row.id(), accept, why, Times.now());
    caseLog.record(
        ServiceOrderProcess.FLOW,
        orderNo,
        accept ? ServiceOrderEvent.QUOTE_ACCEPTED : ServiceOrderEvent.QUOTE_DECLINED,
        actor(recordedBy),
        accept ? Money.label(row.quoteFen()) : why);
    runtime
        .createMessageCorrelation(ServiceOrderProcess.MESSAGE_QUOTE_DECIDED)
        .processInstanceId(row.processInstanceId())
        .setVariable(ServiceOrderVariables.QUOTE_ACCEPTED, accept)
        .setVariable(ServiceOrderVariables.DECLINE_REASON, why)
        .correlate();
  }

  @Transactional
  void confirmCompletion(String orderNo, long paidFen, OrderRecorder.Recorder recordedBy) {
    ServiceOrders.Row row =
        waitingAt(orderNo, ServiceOrderProcess.TASK_AWAIT_COMPLETION, "该服务单当前不在待确认完工阶段");
    if (row.pricing() == Pricing.FREE && paidFen != 0) {
      throw ApiError.invalid("paidFen", "志愿服务项目免费，实付金额应为0");
    }
    if (paidFen > row.quoteFen()) {
      throw ApiError.invalid("paidFen", "实付金额不能高于报价" + Money.label(row.quoteFen()));
    }
    Instant now = Times.now();
    orders.completed(row.id(), paidFen, recordedBy == null ? null : recordedBy.userId(), now);
    caseLog.record(
        ServiceOrderProcess.FLOW, orderNo, ServiceOrderEvent.COMPLETED, actor(recordedBy), null);
    caseLog.record(
        ServiceOrderProcess.FLOW,
        orderNo,
        ServiceOrderEvent.PAID,
        actor(recordedBy),
        "实付" + Money.label(paidFen));
    runtime
        .createMessageCorrelation(ServiceOrderProcess.MESSAGE_COMPLETED)
        .processInstanceId(row.processInstanceId())
        .setVariable(ServiceOrderVariables.PAID_FEN, paidFen)
        .setVariable(ServiceOrderVariables.COMPLETED_AT, Date.from(now))
        .correlate();
  }

  private ServiceOrders.Row waitingAt(String orderNo, String activityId, String otherwise) {
    ServiceOrders.Row row =
        orders.find(orderNo).orElseThrow(() -> ApiError.notFound("没有这个服务单：" + orderNo));
    Execution waiting =
        row.processInstanceId() == null
            ? null
            : runtime
                .createExecutionQuery()
                .processInstanceId(row.processInstanceId())
                .activityId(activityId)
                .singleResult();
    if (waiting == null) throw ApiError.conflict(otherwise);
    return row;
  }

  private static String actor(OrderRecorder.Recorder recordedBy) {
    return recordedBy == null ? Role.RESIDENT.label() : recordedBy.role().label();
  }
}
