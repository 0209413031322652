package io.linli.evaluation;

import io.linli.caselog.CaseVariables;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Typed access to the evaluation process variables. The process carries the evaluation's id and
 * number, codes, labels for Tasklist and the tally's small decisions; the roll, the scores and the
 * plans stay in the app's tables. Form field keys equal these names; aspect {@code n} (1–12) has
 * {@code aspect01}…, {@code score01}…, {@code comment01}…, {@code weak01}…, {@code plan01}…, {@code
 * days01}….
 */
record EvaluationVariables(VariableScope scope) implements CaseVariables {

  static final String SUMMARY = "summary";
  static final String LOCATION_LABEL = "locationLabel";
  static final String OPENED_AT = "openedAt";
  static final String REPRESENTATIVE = "representative";
  static final String OUTCOME = "outcome";
  static final String RESULT_LABEL = "resultLabel";
  static final String DEADLINE = "deadline";
  static final String RECTIFICATION_RESULT = "rectificationResult";

  static String aspect(int n) {
    return String.format("aspect%02d", n);
  }

  static String score(int n) {
    return String.format("score%02d", n);
  }

  static String comment(int n) {
    return String.format("comment%02d", n);
  }

  static String weak(int n) {
    return String.format("weak%02d", n);
  }

  static String plan(int n) {
    return String.format("plan%02d", n);
  }

  static String days(int n) {
    return String.format("days%02d", n);
  }

  Date openedAt() {
    return (Date) scope.getVariable(OPENED_AT);
  }

  String representative() {
    return (String) scope.getVariable(REPRESENTATIVE);
  }

  /** A form value as text, trimmed; null when empty. */
  String text(String name) {
    Object v = scope.getVariable(name);
    return v == null || v.toString().isBlank() ? null : v.toString().trim();
  }

  Object raw(String name) {
    return scope.getVariable(name);
  }
}
