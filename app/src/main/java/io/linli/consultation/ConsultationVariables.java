package io.linli.consultation;

import io.linli.caselog.CaseVariables;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Typed access to the consultation process variables. The process carries the topic's id and number
 * (as {@code caseId}/{@code caseNo}, the names the escalation call activity reads), codes, labels
 * for Tasklist and small decisions; texts, votes, the roll and ratings stay in the app's tables.
 * Form field keys equal these names.
 */
record ConsultationVariables(VariableScope scope) implements CaseVariables {

  static final String LOCATION_LABEL = "locationLabel";
  static final String SUMMARY = "summary";
  static final String CATEGORY_LABEL = "categoryLabel";
  static final String PROPOSED_AT = "proposedAt";
  static final String SUPPORTER_COUNT = "supporterCount";
  // 审
  static final String REVIEW_DECISION = "reviewDecision";
  static final String MERGE_INTO = "mergeInto";
  static final String REVIEW_REASON = "reviewReason";
  // 议
  static final String ROUND = "round";
  static final String MEETING_AT = "meetingAt";
  static final String MEETING_PLACE = "meetingPlace";
  static final String PROPERTY_ATTENDS = "propertyAttends";
  static final String OWNERS_COMMITTEE_ATTENDS = "ownersCommitteeAttends";
  static final String MEETING_LABEL = "meetingLabel";
  static final String REPRESENTATIVE = "representative";
  static final String VOTE = "vote";
  static final String VOTE_COMMENT = "voteComment";
  static final String VOTE_DECISION = "voteDecision";
  static final String VOTE_TALLY_LABEL = "voteTallyLabel";
  // 办
  static final String RESPONSIBLE_BODY = "responsibleBody";
  static final String RESPONSIBLE_NAME = "responsibleName";
  static final String EXECUTION_DEADLINE = "executionDeadline";
  static final String EXECUTION_PLAN = "executionPlan";
  static final String EXECUTION_DUE = "executionDue";
  static final String EXECUTION_DUE_LABEL = "executionDueLabel";
  static final String EXECUTOR_ROLE = "executorRole";
  static final String RESPONSIBLE_LABEL = "responsibleLabel";
  static final String EXECUTION_RESULT = "executionResult";
  // 评
  static final String RATING_LABEL = "ratingLabel";
  static final String REWORK_REQUIRED = "reworkRequired";
  static final String REWORK_DUE = "reworkDue";
  static final String REWORK_DUE_LABEL = "reworkDueLabel";
  static final String REWORK_RESULT = "reworkResult";

  int round() {
    Object v = scope.getVariable(ROUND);
    return v == null ? 1 : ((Number) v).intValue();
  }

  Date meetingAt() {
    return (Date) scope.getVariable(MEETING_AT);
  }

  String representative() {
    return (String) scope.getVariable(REPRESENTATIVE);
  }

  boolean flag(String name) {
    Object v = scope.getVariable(name);
    return v instanceof Boolean b ? b : v != null && Boolean.parseBoolean(v.toString());
  }

  /** A form value as text, trimmed; null when empty. */
  String text(String name) {
    Object v = scope.getVariable(name);
    return v == null || v.toString().isBlank() ? null : v.toString().trim();
  }

  /** A form value as sent (a date-time field may arrive as text or as a Date). */
  Object raw(String name) {
    return scope.getVariable(name);
  }
}
