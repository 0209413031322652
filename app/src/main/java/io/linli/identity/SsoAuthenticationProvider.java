package io.linli.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Hands the Spring Security OAuth2 login to the Camunda webapps (Tasklist, Cockpit, Admin): the
 * user is the ID token's {@code preferred_username}, the groups its group paths — the same ids the
 * identity plugin and the candidate groups use. Instantiated by Camunda's {@code
 * ContainerBasedAuthenticationFilter} by class name, hence public with no arguments. Integration
 * tier with a real Keycloak: KeycloakSsoIT.
 */
public class SsoAuthenticationProvider extends ContainerBasedAuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(
      HttpServletRequest request, ProcessEngine engine) {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !(auth.getPrincipal() instanceof OidcUser user)) {
      return AuthenticationResult.unsuccessful();
    }
    String userId = user.getPreferredUsername();
    if (userId == null || userId.isBlank()) return AuthenticationResult.unsuccessful();
    AuthenticationResult result = new AuthenticationResult(userId, true);
    result.setGroups(TokenGroups.of(user.getClaims()));
    return result;
  }
}
