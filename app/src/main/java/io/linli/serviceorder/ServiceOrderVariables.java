package io.linli.serviceorder;

import io.linli.caselog.CaseVariables;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Typed access to the service order process variables. The process carries ids, codes, times,
 * labels for Tasklist and small decisions; the description and the resident's contact stay in
 * service_order. Form field keys equal these names.
 */
record ServiceOrderVariables(VariableScope scope) implements CaseVariables {

  // set at the order (the first five are what the escalation call activity is handed)
  static final String LOCATION_LABEL = "locationLabel";
  static final String SUMMARY = "summary";
  static final String ORDERED_AT = "orderedAt";
  static final String CHANNEL = "channel";
  static final String ITEM_CODE = "itemCode";
  static final String ITEM_NAME = "itemName";
  static final String CATEGORY_LABEL = "categoryLabel";
  static final String PRICING = "pricing";
  static final String PRICE_LABEL = "priceLabel";
  // 物业派单 (form) and what it decides
  static final String DISPATCH_MODE = "dispatchMode";
  static final String DISPATCH_TEAM = "dispatchTeam";
  static final String DISPATCH_TO = "dispatchTo";
  static final String DISPATCHED_AT = "dispatchedAt";
  static final String ACCEPT_GROUP = "acceptGroup";
  static final String ACCEPT_ASSIGNEE = "acceptAssignee";
  // 接单 and on site; 拒单 in the 接单 form (the reason is runtime-only and removed once logged)
  static final String ACCEPT_DECISION = "acceptDecision";
  static final String ACCEPT_DECLINED = "acceptDeclined";
  static final String REFUSAL_REASON = "refusalReason";
  static final String ACCEPTED_BY = "acceptedBy";
  static final String ACCEPTED_AT = "acceptedAt";
  static final String ARRIVED_AT = "arrivedAt";
  static final String JOB_SIZE = "jobSize";
  static final String JOB_SIZE_LABEL = "jobSizeLabel";
  static final String QUOTE_YUAN = "quoteYuan";
  static final String QUOTE_FEN = "quoteFen";
  static final String QUOTE_LABEL = "quoteLabel";
  static final String ASSESSED_AT = "assessedAt";
  static final String SOLUTION_PLAN = "solutionPlan";
  static final String PLANNED_FINISH = "plannedFinish";
  static final String COMMITTED_DUE = "committedDue";
  static final String COMMITTED_FINISH_LABEL = "committedFinishLabel";
  static final String WORK_RESULT = "workResult";
  // the resident
  static final String QUOTE_ACCEPTED = "quoteAccepted";
  static final String DECLINE_REASON = "declineReason";
  static final String PAID_FEN = "paidFen";
  static final String COMPLETED_AT = "completedAt";
  // 评价 and 返工 (the resident's comment stays in service_order)
  static final String RATING = "rating";
  static final String RATING_LABEL = "ratingLabel";
  static final String REWORK_REQUIRED = "reworkRequired";

  /** The rating's one rework round was used. */
  static final String RATING_REWORK_DONE = "ratingReworkDone";

  /** Why the job is back at 返工处置, for the form: the rating or the follow-up visit. */
  static final String REWORK_CAUSE_LABEL = "reworkCauseLabel";

  static final String REWORK_RESULT = "reworkResult";
  // 党小组回访
  static final String FOLLOW_UP_SATISFACTION = "followUpSatisfaction";
  static final String REOPEN_REQUIRED = "reopenRequired";

  /** The follow-up's one reopening was used. */
  static final String REOPENED = "reopened";

  Pricing pricing() {
    return Pricing.valueOf((String) scope.getVariable(PRICING));
  }

  String acceptedBy() {
    return (String) scope.getVariable(ACCEPTED_BY);
  }

  Date arrivedAt() {
    return (Date) scope.getVariable(ARRIVED_AT);
  }

  /** A form value as text, trimmed; null when absent or blank. */
  String text(String name) {
    Object v = scope.getVariable(name);
    return v == null || v.toString().isBlank() ? null : v.toString().trim();
  }

  Object raw(String name) {
    return scope.getVariable(name);
  }
}
