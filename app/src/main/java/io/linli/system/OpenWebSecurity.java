package io.linli.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The embedded default without Keycloak: Spring Security is on the classpath for the {@code
 * keycloak} profile, and would otherwise lock every URL (docs/stack-notes.md 6). This chain keeps
 * the foundation's behaviour — the Camunda webapps log in against the built-in identity with their
 * own session and CSRF protection, {@code /api/**} and {@code /engine-rest/**} are open — so run it
 * on your own machine only. The response headers are every profile's ({@link SecurityHeaders}).
 * Tested by every {@code @LinliSpringTest} (integration tier), headers by SecurityHeadersTest.
 */
@Configuration
@Profile("!keycloak")
class OpenWebSecurity {

  @Bean
  SecurityFilterChain openChain(HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(a -> a.anyRequest().permitAll())
        .csrf(c -> c.disable())
        .headers(SecurityHeaders::configure)
        .requestCache(r -> r.disable())
        .securityContext(s -> s.disable())
        .sessionManagement(s -> s.disable())
        .build();
  }
}
