package io.linli.identity;

import io.linli.community.CommunityGroups;
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
 * Who may read or act on one case through the app's API ({@code /api/grievances/{caseNo}/**}) in
 * the {@code keycloak} profile: staff of the case's community, the street committee above it and
 * supervisors. Anyone else gets 404, as if the case did not exist, so case numbers cannot be
 * probed. Residents get 404 too until intake records who reported a case.
 * TODO(issue 6): let a resident reach the cases they reported (phone check / reporter id).
 * Integration tier: KeycloakSecurityIT.
 */
@Component
@Profile("keycloak")
class CaseAccess implements HandlerInterceptor, WebMvcConfigurer {

  private final JdbcClient jdbc;
  private final CommunityGroups groups;

  CaseAccess(JdbcClient jdbc, CommunityGroups groups) {
    this.jdbc = jdbc;
    this.groups = groups;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns("/api/grievances/*", "/api/grievances/*/**");
  }

  @Override
  public boolean preHandle(HttpServletRequest req, HttpServletResponse res, Object handler) {
    @SuppressWarnings("unchecked")
    Map<String, String> vars =
        (Map<String, String>) req.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    String caseNo = vars == null ? null : vars.get("caseNo");
    if (caseNo == null) return true;
    List<String> mine = SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken jwt
        ? TokenGroups.of(jwt.getTokenAttributes()) : List.of();
    Optional<String> community = jdbc.sql("select community_code from grievance_case where case_no = ?")
        .param(caseNo).query(String.class).optional();
    if (community.isPresent() && allowed(community.get()).stream().anyMatch(mine::contains)) return true;
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
