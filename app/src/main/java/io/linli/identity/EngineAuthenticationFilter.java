package io.linli.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the engine who is calling {@code /engine-rest}: for a request carrying a validated JWT,
 * sets Camunda's authentication (user = {@code preferred_username}, groups = the token's group
 * paths) for the request and clears it afterwards, so the engine's authorization checks apply
 * (without a user the engine checks nothing, docs/stack-notes.md 5). The app's own {@code /api/**}
 * acts as the app: its controllers decide who may do what (a resident rating a case must not need
 * UPDATE on the process instance). Integration tier: KeycloakSecurityIT.
 */
class EngineAuthenticationFilter extends OncePerRequestFilter {

  private final IdentityService identity;

  EngineAuthenticationFilter(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws ServletException, IOException {
    if (!req.getRequestURI().startsWith(req.getContextPath() + "/engine-rest/")
        || !(SecurityContextHolder.getContext().getAuthentication()
            instanceof JwtAuthenticationToken jwt)) {
      chain.doFilter(req, res);
      return;
    }
    identity.setAuthentication(jwt.getName(), TokenGroups.of(jwt.getTokenAttributes()));
    try {
      chain.doFilter(req, res);
    } finally {
      identity.clearAuthentication();
    }
  }
}
