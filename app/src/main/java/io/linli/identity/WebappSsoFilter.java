package io.linli.identity;

import java.util.Map;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Registers Camunda's container-based authentication for the webapps behind the Spring Security
 * filter chain (order 101 &gt; Spring Security's -100), so the webapps take the user from {@link
 * SsoAuthenticationProvider} instead of their own login form. Integration tier: KeycloakSsoIT.
 */
@Configuration
@Profile("keycloak")
class WebappSsoFilter {

  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> containerBasedAuthenticationFilter() {
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> r =
        new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    r.setInitParameters(
        Map.of("authentication-provider", SsoAuthenticationProvider.class.getName()));
    r.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
    r.setOrder(101);
    return r;
  }
}
