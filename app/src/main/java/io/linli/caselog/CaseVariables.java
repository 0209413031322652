package io.linli.caselog;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The process variables every Linli case flow carries — and hands the shared escalation — with
 * typed access. Each flow's own variables record implements it.
 */
public interface CaseVariables {

  String CASE_ID = "caseId";
  String CASE_NO = "caseNo";
  String COMMUNITY_CODE = "communityCode";

  VariableScope scope();

  default long caseId() {
    return ((Number) scope().getVariable(CASE_ID)).longValue();
  }

  default String caseNo() {
    return (String) scope().getVariable(CASE_NO);
  }

  default String communityCode() {
    return (String) scope().getVariable(COMMUNITY_CODE);
  }
}
