package io.linli.identity;

import io.linli.community.CommunityGroups;
import io.linli.intake.ContactCipher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who may read or act on one case through the app's API ({@code /api/grievances/{caseNo}/**},
 * {@code /api/service-orders/{orderNo}/**}) in the {@code keycloak} profile: staff of the case's
 * community, the street committee above it and supervisors; and the resident who reported it,
 * proving it with the case's watch token ({@value #WATCH_TOKEN} header), which intake and the
 * phone check of 查询进度 hand out. Anyone else gets 404, as if the case did not exist, so case
 * numbers cannot be probed. Integration tier: KeycloakSecurityIT.
 */
@Component
@Profile("keycloak")
class CaseAccess implements HandlerInterceptor, WebMvcConfigurer {

  static final String WATCH_TOKEN = "X-Watch-Token";

  /** A case-carrying API: its path variable, flow and table. */
  private record Flow(String variable, String flow, String sql) {}

  private static final List<Flow> FLOWS = List.of(
      new Flow("caseNo", "GRIEVANCE", "select community_code from grievance_case where case_no = ?"),
      new Flow("orderNo", "SERVICE_ORDER", "select community_code from service_order where order_no = ?"));

  private final JdbcClient jdbc;
  private final CommunityGroups groups;
  private final ContactCipher cipher;

  CaseAccess(JdbcClient jdbc, CommunityGroups groups, ContactCipher cipher) {
    this.jdbc = jdbc;
    this.groups = groups;
    this.cipher = cipher;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns(
        "/api/grievances/*", "/api/grievances/*/**", "/api/service-orders/*", "/api/service-orders/*/**");
  }

  @Override
  public boolean preHandle(HttpServletRequest req, HttpServletResponse res, Object handler) {
    @SuppressWarnings("unchecked")
    Map<String, String> vars =
        (Map<String, String>) req.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    if (vars == null) return true;
    Flow flow = FLOWS.stream().filter(f -> vars.containsKey(f.variable())).findFirst().orElse(null);
    if (flow == null) return true;
    String caseNo = vars.get(flow.variable());
    // The tracking endpoints check the phone themselves: that is how a resident gets the token.
    if (req.getRequestURI().endsWith("/" + caseNo + "/track")) return true;
    Optional<String> community = jdbc.sql(flow.sql()).param(caseNo).query(String.class).optional();
    if (community.isPresent()) {
      if (cipher.validWatchToken(flow.flow(), caseNo, req.getHeader(WATCH_TOKEN))) return true;
      List<String> mine = SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken jwt
          ? TokenGroups.of(jwt.getTokenAttributes()) : List.of();
      if (allowed(community.get()).stream().anyMatch(mine::contains)) return true;
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
