package io.linli.grievance;

import io.linli.caselog.CaseVariables;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Typed access to the grievance process variables. The process carries ids, codes, labels for
 * Tasklist and small decisions; the description, contact and photos stay in the app's tables. Form
 * field keys equal these names.
 */
record GrievanceVariables(VariableScope scope) implements CaseVariables {

  static final String LOCATION_LABEL = "locationLabel";
  static final String SUMMARY = "summary";
  static final String REPORTED_AT = "reportedAt";
  static final String CHANNEL = "channel";

  /**
   * The resident's phone as staff see it, {@code 138****1234}; the number itself stays encrypted.
   */
  static final String CONTACT_PHONE_MASKED = "contactPhoneMasked";

  static final String CATEGORY = "category";
  static final String CATEGORY_LABEL = "categoryLabel";
  static final String TIER = "tier";
  static final String TIER_LABEL = "tierLabel";
  static final String RECTIFICATION_MEASURES = "rectificationMeasures";
  static final String COMMITTED_DEADLINE = "committedDeadline";
  static final String COMMITTED_DUE = "committedDue";
  static final String COMMITTED_DEADLINE_LABEL = "committedDeadlineLabel";
  static final String RATING = "rating";
  static final String RATING_LABEL = "ratingLabel";
  static final String RATING_COMMENT = "ratingComment";
  static final String REWORK_REQUIRED = "reworkRequired";
  static final String REWORK_COUNT = "reworkCount";
  static final String FOLLOW_UP_SATISFACTION = "followUpSatisfaction";
  static final String FOLLOW_UP_METHOD = "followUpMethod";

  String category() {
    return (String) scope.getVariable(CATEGORY);
  }

  String tier() {
    return (String) scope.getVariable(TIER);
  }

  Date reportedAt() {
    return (Date) scope.getVariable(REPORTED_AT);
  }

  String rectificationMeasures() {
    return (String) scope.getVariable(RECTIFICATION_MEASURES);
  }

  /** As the form sent it: an ISO date-time, with or without offset. */
  Object committedDeadline() {
    return scope.getVariable(COMMITTED_DEADLINE);
  }

  int reworkCount() {
    Object v = scope.getVariable(REWORK_COUNT);
    return v == null ? 0 : ((Number) v).intValue();
  }

  String followUpSatisfaction() {
    return (String) scope.getVariable(FOLLOW_UP_SATISFACTION);
  }

  String text(String name) {
    Object v = scope.getVariable(name);
    return v == null ? null : v.toString();
  }
}
