package io.linli.escalation;

import io.linli.caselog.CaseVariables;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Typed access to what a calling flow hands the escalation (its {@code camunda:in} mappings) and
 * what the escalation keeps.
 */
record EscalationVariables(VariableScope scope) implements CaseVariables {

  // handed in by the calling flow
  static final String FLOW = "flow";
  static final String CLOCK = "clock";
  static final String HELD_ACTIVITY_ID = "heldActivityId";
  static final String PARENT_PROCESS_INSTANCE_ID = "parentProcessInstanceId";
  // written here
  static final String FIRST_BREACH = "firstBreach";
  static final String CLOCK_LABEL = "clockLabel";
  static final String DUE_AT_LABEL = "dueAtLabel";
  static final String HOLDER_LABEL = "holderLabel";
  static final String SUPERVISION_NOTE = "supervisionNote";
  static final String REASSIGN_TO = "reassignTo";
  static final String SUPERVISED_BY = "supervisedBy";

  String flow() {
    return (String) scope.getVariable(FLOW);
  }

  String clock() {
    return (String) scope.getVariable(CLOCK);
  }

  String heldActivityId() {
    return (String) scope.getVariable(HELD_ACTIVITY_ID);
  }

  String parentProcessInstanceId() {
    return (String) scope.getVariable(PARENT_PROCESS_INSTANCE_ID);
  }

  String supervisionNote() {
    return (String) scope.getVariable(SUPERVISION_NOTE);
  }

  String reassignTo() {
    Object v = scope.getVariable(REASSIGN_TO);
    return v == null || v.toString().isBlank() ? null : v.toString().trim();
  }

  String supervisedBy() {
    return (String) scope.getVariable(SUPERVISED_BY);
  }
}
