package io.linli.points;

import static org.springframework.security.web.util.matcher.AntPathRequestMatcher.antMatcher;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The {@code keycloak} profile's door for what residents reach without a realm account: 我的积分 with a
 * wallet token (which the endpoints check themselves, {@link Callers}), opening the wallet with a
 * case, the community's activities and shops, and signing up. A bearer token, when sent, is still
 * validated (same decoder as the rest of {@code /api}), so a signed-in resident is their own
 * account. Everything else under {@code /api/points} stays behind the API's own chain (a valid
 * token), and each endpoint checks the caller's groups. Integration tier: AuthorizationIT.
 */
@Configuration
@Profile("keycloak")
public class PointsSecurity {

  /**
   * What residents reach without a realm account (the endpoints check the wallet token themselves).
   */
  public static final List<String[]> RESIDENT_ENDPOINTS =
      List.of(
          new String[] {"POST", "/api/points/wallet"},
          new String[] {"GET", "/api/points/me"},
          new String[] {"POST", "/api/points/me/codes"},
          new String[] {"GET", "/api/points/activities"},
          new String[] {"POST", "/api/points/activities/*/signups"},
          new String[] {"GET", "/api/points/shops"});

  @Bean
  @Order(0)
  SecurityFilterChain pointsResidentChain(HttpSecurity http) throws Exception {
    RequestMatcher[] matchers =
        RESIDENT_ENDPOINTS.stream()
            .map(e -> antMatcher(HttpMethod.valueOf(e[0]), e[1]))
            .toArray(RequestMatcher[]::new);
    JwtAuthenticationConverter users = new JwtAuthenticationConverter();
    users.setPrincipalClaimName("preferred_username");
    return http.securityMatcher(new OrRequestMatcher(matchers))
        .authorizeHttpRequests(a -> a.anyRequest().permitAll())
        .oauth2ResourceServer(o -> o.jwt(j -> j.jwtAuthenticationConverter(users)))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(c -> c.disable()) // no cookies: a wallet token or a bearer token in a header
        .headers(io.linli.system.SecurityHeaders::configure)
        .build();
  }
}
