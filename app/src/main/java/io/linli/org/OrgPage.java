package io.linli.org;

import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The organisation page (static/org: plain HTML, CSS and JavaScript, nothing from a CDN) at {@code
 * /org/}: a community's tree and its groups, with forms for the edits; it reads and writes {@code
 * /org/api/**} in the signed-in session.
 */
@Configuration(proxyBeanMethods = false)
class OrgPage implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/org", "/org/");
    registry.addViewController("/org/").setViewName("forward:/org/index.html");
  }

  /**
   * The session's CSRF token for the page's writes (the {@code keycloak} profile's session chain
   * checks it; the default profile has none and answers an empty object).
   */
  @RestController
  static class CsrfEndpoint {
    @GetMapping("/org/api/csrf")
    Map<String, String> csrf(CsrfToken token) {
      return token == null
          ? Map.of()
          : Map.of("header", token.getHeaderName(), "token", token.getToken());
    }
  }
}
