package io.linli.identity;

import io.linli.cases.CaseFile;
import io.linli.cases.CaseFiles;
import io.linli.cases.Flow;
import io.linli.cases.Flows;
import io.linli.community.CommunityGroups;
import io.linli.intake.WatchTokens;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.annotation.Profile;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who may read or act on one case through its flow's API ({@code <apiPath>/{number}/**} of every
 * registered flow that residents track) in the {@code keycloak} profile: staff of the case's
 * community, the street committee above it and supervisors; and the resident who reported it,
 * proving it with a watch token ({@value #WATCH_TOKEN} header), which intake and the phone check of
 * 查询进度 hand out. Anyone else gets 404, as if the case did not exist, so case numbers cannot be
 * probed. The case is found in case_file, whatever its flow. Integration tier: KeycloakSecurityIT.
 */
@Component
@Profile("keycloak")
class CaseAccess implements HandlerInterceptor, WebMvcConfigurer {

  static final String WATCH_TOKEN = "X-Watch-Token";

  private final CaseFiles files;
  private final Flows flows;
  private final CommunityGroups groups;
  private final WatchTokens tokens;

  CaseAccess(CaseFiles files, Flows flows, CommunityGroups groups, WatchTokens tokens) {
    this.files = files;
    this.flows = flows;
    this.groups = groups;
    this.tokens = tokens;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    List<String> patterns =
        flows.all().stream()
            .filter(Flow::residentTracked)
            .flatMap(f -> java.util.stream.Stream.of(f.apiPath() + "/*", f.apiPath() + "/*/**"))
            .toList();
    registry.addInterceptor(this).addPathPatterns(patterns);
  }

  @Override
  public boolean preHandle(HttpServletRequest req, HttpServletResponse res, Object handler) {
    @SuppressWarnings("unchecked")
    Map<String, String> vars =
        (Map<String, String>) req.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    if (vars == null || vars.isEmpty()) return true;
    Optional<Flow> flow =
        flows.all().stream()
            .filter(Flow::residentTracked)
            .filter(f -> req.getRequestURI().startsWith(req.getContextPath() + f.apiPath() + "/"))
            .findFirst();
    if (flow.isEmpty()) return true;
    String caseNo =
        req.getRequestURI()
            .substring(req.getContextPath().length() + flow.get().apiPath().length() + 1)
            .split("/", 2)[0];
    if (!vars.containsValue(caseNo)) return true; // a mapping under the path that names no case
    // The tracking endpoints check the phone themselves: that is how a resident gets the token.
    if (req.getRequestURI().endsWith("/" + caseNo + "/track")) return true;
    Optional<CaseFile> found = files.find(flow.get().key(), caseNo);
    if (found.isPresent()) {
      if (tokens.valid(caseNo, req.getHeader(WATCH_TOKEN))) return true;
      List<String> mine =
          SecurityContextHolder.getContext().getAuthentication()
                  instanceof JwtAuthenticationToken jwt
              ? TokenGroups.of(jwt.getTokenAttributes())
              : List.of();
      if (allowed(found.get().communityCode()).stream().anyMatch(mine::contains)) return true;
    }
    res.setStatus(HttpServletResponse.SC_NOT_FOUND);
    res.setContentType("application/problem+json");
    return false;
  }

  Set<String> allowed(String community) {
    Set<String> ids = new HashSet<>();
    for (Role r : CommunityInstanceGrants.COMMUNITY_ROLES) ids.add(groups.of(community, r.id()));
    ids.add(groups.streetCommittee(community));
    ids.add(Role.SUPERVISOR.id());
    return ids;
  }
}
