package io.linli.grievance;

import io.linli.org.CaseRouting;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Who handles a grievance after 分流定级 ({@code ${grievanceHandlers.group(execution)}} on every
 * property-staff task): the group the organisation tree routes the case to (the property company of
 * its estate, io.linli.org.CaseRouting, falling back to the community's property staff), or the
 * team or company a 转单 handed the case to ({@value #HANDLER_GROUP}), for the rest of the case.
 */
@Component("grievanceHandlers")
public class GrievanceHandlers {

  static final String HANDLER_GROUP = "handlerGroup";

  private final CaseRouting routing;

  GrievanceHandlers(CaseRouting routing) {
    this.routing = routing;
  }

  public String group(VariableScope execution) {
    Object transferred = execution.getVariable(HANDLER_GROUP);
    if (transferred instanceof String g && !g.isBlank()) return g;
    return routing.group(execution, "HANDLE", "property-staff");
  }
}
