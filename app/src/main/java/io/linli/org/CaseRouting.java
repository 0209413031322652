package io.linli.org;

import io.linli.caselog.CaseVariables;
import io.linli.cases.CaseFile;
import io.linli.cases.CaseFiles;
import io.linli.community.CommunityGroups;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Who holds a case's task, by the organisation tree: the office's decision table ({@value
 * #DECISION}, processes/route-case.dmn) names a scope (the case's grid, estate, property company,
 * or the whole community) and a role for each step; this bean turns it into a group with the naming
 * of {@link CommunityGroups#unit}. A unit group nobody is in would strand the case, so the most
 * specific group with a member wins — a grid, the grids above it, then the community's own role
 * group, which every community has. A community without a tree therefore keeps its groups. Used in
 * the models' candidate groups: {@code ${caseRouting.group(execution, 'TRIAGE', 'grid-worker')}}.
 */
@Component("caseRouting")
public class CaseRouting {

  public static final String DECISION = "Decision_RouteCase";

  private final DecisionService decisions;
  private final IdentityService identity;
  private final CaseFiles caseFiles;
  private final OrgTree tree;
  private final CommunityGroups groups;

  CaseRouting(
      DecisionService decisions,
      IdentityService identity,
      CaseFiles caseFiles,
      OrgTree tree,
      CommunityGroups groups) {
    this.decisions = decisions;
    this.identity = identity;
    this.caseFiles = caseFiles;
    this.tree = tree;
    this.groups = groups;
  }

  /** The candidate group of the step; {@code defaultRole} when the table has no rule for it. */
  public String group(VariableScope execution, String step, String defaultRole) {
    String caseNo = (String) execution.getVariable(CaseVariables.CASE_NO);
    String community = (String) execution.getVariable(CaseVariables.COMMUNITY_CODE);
    CaseFile file = caseNo == null ? null : caseFiles.find(caseNo).orElse(null);
    if (file == null) return groups.of(community, defaultRole);
    return route(file, step, defaultRole).group();
  }

  /** The decision's answer and the group it gave, for the page's preview and the tests. */
  public record Route(String scope, String role, List<String> candidates, String group) {}

  Route route(CaseFile file, String step, String defaultRole) {
    String community = file.communityCode();
    List<String> grids = tree.gridChain(file.estateId(), file.buildingCode());
    String company =
        file.companyId() == null ? null : tree.companyCode(file.companyId()).orElse(null);
    Map<String, Object> in = new HashMap<>();
    in.put("task", step);
    in.put("flow", file.flow());
    in.put("category", file.category());
    in.put("communityCode", community);
    in.put("gridCode", grids.isEmpty() ? null : grids.get(0));
    in.put("estateCode", file.estateCode());
    in.put("companyCode", company);
    DmnDecisionResultEntries hit =
        withoutAuthorization(
            () ->
                decisions
                    .evaluateDecisionByKey(DECISION)
                    .variables(in)
                    .evaluate()
                    .getFirstResult());
    Object scopeEntry = hit == null ? null : hit.getEntry("scope");
    Object roleEntry = hit == null ? null : hit.getEntry("role");
    String scope = scopeEntry == null ? "COMMUNITY" : scopeEntry.toString();
    String role = roleEntry == null ? defaultRole : roleEntry.toString();
    List<String> candidates = new ArrayList<>();
    switch (scope) {
      case "GRID" -> grids.forEach(g -> candidates.add(groups.unit(community, "grid", g, role)));
      case "ESTATE" -> {
        if (file.estateCode() != null)
          candidates.add(groups.unit(community, "estate", file.estateCode(), role));
      }
      case "COMPANY" -> {
        if (company != null) candidates.add(groups.unit(community, "company", company, role));
      }
      default -> {}
    }
    String fallback = groups.of(community, role);
    String chosen = candidates.stream().filter(this::hasMember).findFirst().orElse(fallback);
    candidates.add(fallback);
    return new Route(scope, role, candidates, chosen);
  }

  private boolean hasMember(String groupId) {
    return withoutAuthorization(
        () -> identity.createUserQuery().memberOfGroup(groupId).count() > 0);
  }

  /**
   * Routing runs inside whatever command creates the task, as whichever user completed the step
   * before: the table and the identity are read as the system, not as that user.
   */
  private static <T> T withoutAuthorization(Callable<T> call) {
    CommandContext ctx = Context.getCommandContext();
    try {
      return ctx == null ? call.call() : ctx.runWithoutAuthorization(call);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
