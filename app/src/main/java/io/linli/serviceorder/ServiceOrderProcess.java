package io.linli.serviceorder;

import java.util.Map;

/**
 * Ids of processes/service-order.bpmn (群众点单—物业派单—机构（个人）接单—居民评价—党小组回访, with the "52022" clocks); a
 * test checks each names a real element.
 */
final class ServiceOrderProcess {

  static final String KEY = "Process_ServiceOrder";
  static final String FLOW = "SERVICE_ORDER";

  static final String TASK_DISPATCH = "Task_Dispatch";
  static final String TASK_ACCEPT = "Task_Accept";
  static final String TASK_ARRIVE = "Task_Arrive";
  static final String TASK_ASSESS = "Task_Assess";
  static final String TASK_PLAN = "Task_Plan";
  static final String TASK_REPLY = "Task_Reply";
  static final String TASK_AWAIT_QUOTE_DECISION = "Task_AwaitQuoteDecision";
  static final String TASK_FIX_SMALL = "Task_FixSmall";
  static final String TASK_DO_COMPLEX = "Task_DoComplex";
  static final String TASK_AWAIT_COMPLETION = "Task_AwaitCompletion";
  static final String TASK_AWAIT_RATING = "Task_AwaitRating";
  static final String TASK_RECORD_NO_RATING = "Task_RecordNoRating";
  static final String TASK_REWORK = "Task_Rework";
  static final String TASK_FOLLOW_UP_VISIT = "Task_FollowUpVisit";
  static final String TASK_CLOSE_ORDER = "Task_CloseOrder";
  static final String END_QUOTE_DECLINED = "EndEvent_QuoteDeclined";
  static final String END_CLOSED = "EndEvent_OrderClosed";

  static final String TIMER_DISPATCH_SLA = "BoundaryEvent_DispatchSlaBreached";
  static final String TIMER_ACCEPT_SLA = "BoundaryEvent_AcceptSlaBreached";
  static final String TIMER_ARRIVE_SLA = "BoundaryEvent_ArriveSlaBreached";
  static final String TIMER_ASSESS_SLA = "BoundaryEvent_AssessSlaBreached";
  static final String TIMER_FIX_SMALL_SLA = "BoundaryEvent_FixSmallSlaBreached";
  static final String TIMER_PLAN_SLA = "BoundaryEvent_PlanSlaBreached";
  static final String TIMER_REPLY_SLA = "BoundaryEvent_ReplySlaBreached";
  static final String TIMER_COMMITTED_FINISH = "BoundaryEvent_CommittedFinishBreached";
  static final String TIMER_FOLLOW_UP_SLA = "BoundaryEvent_FollowUpSlaBreached";
  static final String TIMER_REWORK_SLA = "BoundaryEvent_ReworkSlaBreached";
  static final String TIMER_RATING_WINDOW = "BoundaryEvent_RatingWindowElapsed";

  /** 回访不满意 reopens the order once: Gateway_FollowUpResult → Gateway_ToRework → 返工处置. */
  static final String GATEWAY_FOLLOW_UP_RESULT = "Gateway_FollowUpResult";

  static final String GATEWAY_TO_REWORK = "Gateway_ToRework";

  static final String CALL_ESCALATE_ARRIVE = "CallActivity_EscalateArrive";
  static final String END_ARRIVE_ESCALATED = "EndEvent_ArriveEscalated";

  static final String MESSAGE_QUOTE_DECIDED = "ServiceOrderQuoteDecided";
  static final String MESSAGE_COMPLETED = "ServiceOrderCompleted";
  static final String MESSAGE_RATED = "ServiceOrderRated";

  /** 拒单: interrupts 机构（个人）接单 and goes back to 物业派单 (Gateway_ToDispatch). */
  static final String MESSAGE_DECLINED = "ServiceOrderDeclined";

  static final String GATEWAY_TO_DISPATCH = "Gateway_ToDispatch";
  static final String DECLINE_ACCEPT = "BoundaryEvent_AcceptDeclined";

  /** The status an order takes when the flow enters an activity. */
  static final Map<String, ServiceOrderStatus> STATUS_AT =
      Map.ofEntries(
          Map.entry(TASK_DISPATCH, ServiceOrderStatus.DISPATCHING),
          Map.entry(TASK_ACCEPT, ServiceOrderStatus.AWAITING_ACCEPTANCE),
          Map.entry(TASK_ARRIVE, ServiceOrderStatus.EN_ROUTE),
          Map.entry(TASK_ASSESS, ServiceOrderStatus.ASSESSING),
          Map.entry(TASK_PLAN, ServiceOrderStatus.PLANNING),
          Map.entry(TASK_REPLY, ServiceOrderStatus.REPLYING),
          Map.entry(TASK_AWAIT_QUOTE_DECISION, ServiceOrderStatus.AWAITING_QUOTE_DECISION),
          Map.entry(TASK_FIX_SMALL, ServiceOrderStatus.WORKING),
          Map.entry(TASK_DO_COMPLEX, ServiceOrderStatus.WORKING),
          Map.entry(TASK_AWAIT_COMPLETION, ServiceOrderStatus.AWAITING_CONFIRMATION),
          Map.entry(TASK_AWAIT_RATING, ServiceOrderStatus.AWAITING_RATING),
          Map.entry(TASK_REWORK, ServiceOrderStatus.REWORK),
          Map.entry(TASK_FOLLOW_UP_VISIT, ServiceOrderStatus.FOLLOW_UP),
          Map.entry(END_QUOTE_DECLINED, ServiceOrderStatus.DECLINED));

  private ServiceOrderProcess() {}
}
