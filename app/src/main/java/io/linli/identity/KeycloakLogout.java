package io.linli.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Single logout from the webapps: after Spring Security has dropped the local session, the browser
 * goes to the realm's end-session endpoint with the ID token as hint and comes back to Tasklist
 * (which asks for a fresh login). An XHR logout from the Camunda webapps gets 204 instead of a
 * cross-origin redirect. Not covered by a test yet (the SSO login is: KeycloakSsoIT).
 */
@Component
@Profile("keycloak")
class KeycloakLogout implements LogoutSuccessHandler {

  private final String endSession;

  KeycloakLogout(
      @Value("${linli.keycloak.url}") String url, @Value("${linli.keycloak.realm}") String realm) {
    this.endSession = url + "/realms/" + realm + "/protocol/openid-connect/logout";
  }

  @Override
  public void onLogoutSuccess(HttpServletRequest req, HttpServletResponse res, Authentication auth)
      throws IOException {
    String base =
        UriComponentsBuilder.fromUriString(req.getRequestURL().toString())
            .replacePath(req.getContextPath())
            .replaceQuery(null)
            .build()
            .toUriString();
    UriComponentsBuilder target =
        UriComponentsBuilder.fromUriString(endSession)
            .queryParam("post_logout_redirect_uri", base + "/camunda/app/");
    if (auth != null && auth.getPrincipal() instanceof OidcUser user) {
      target.queryParam("id_token_hint", user.getIdToken().getTokenValue());
    }
    if ("XMLHttpRequest".equals(req.getHeader("X-Requested-With"))
        || req.getRequestURI().contains("/api/")) {
      res.setStatus(HttpServletResponse.SC_NO_CONTENT);
      res.setHeader("X-Linli-Logout", target.build().encode().toUriString());
      return;
    }
    res.sendRedirect(target.build().encode().toUriString());
  }
}
