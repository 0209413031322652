package io.linli.grievance;

import io.linli.community.CommunityGroups;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Who handles a grievance after 分流定级 ({@code ${grievanceHandlers.group(execution)}} on every
 * property-staff task): the community's property staff, or the team or company a 转单 handed the
 * case to ({@value #HANDLER_GROUP}), for the rest of the case.
 */
@Component("grievanceHandlers")
public class GrievanceHandlers {

  static final String HANDLER_GROUP = "handlerGroup";

  private final CommunityGroups groups;

  GrievanceHandlers(CommunityGroups groups) {
    this.groups = groups;
  }

  public String group(VariableScope execution) {
    Object transferred = execution.getVariable(HANDLER_GROUP);
    if (transferred instanceof String g && !g.isBlank()) return g;
    return groups.of((String) execution.getVariable("communityCode"), "property-staff");
  }
}
