package io.linli.identity;

import static org.springframework.security.web.util.matcher.AntPathRequestMatcher.antMatcher;

import io.linli.cases.Flow;
import io.linli.cases.Flows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * The {@code keycloak} profile's two doors.
 *
 * <ul>
 *   <li>{@code /api/**} and {@code /engine-rest/**}: stateless JWT resource server (signature from
 *       the realm's keys, issuer and the {@code linli-api} audience checked by the properties under
 *       {@code spring.security.oauth2.resourceserver.jwt}). Open without a token: what each flow
 *       declares for residents (intake, tracking by phone, the resident's own decisions with the
 *       case's watch token) and the resident page's own calls. {@code /engine-rest} is for staff
 *       only: a token whose only group is {@code resident} gets 403. Each request runs as the
 *       token's user and groups in the engine ({@link EngineAuthenticationFilter}).
 *   <li>everything else — Tasklist, Cockpit, Admin under {@code /camunda} — needs an OAuth2 login
 *       (authorization code + PKCE with the confidential {@code linli-webapp} client); the Camunda
 *       webapps learn the user from {@link SsoAuthenticationProvider}; {@code /logout} ends the
 *       Keycloak session too ({@link KeycloakLogout}). Health stays open.
 * </ul>
 *
 * Integration tier with a real Keycloak: KeycloakSecurityIT.
 */
@Configuration
@Profile("keycloak")
class KeycloakSecurity {

  static final String STAFF = "ROLE_STAFF";

  /** The client a token was issued to. */
  static final String AUTHORIZED_PARTY = "azp";

  /**
   * What a resident reaches without an account (method, Ant pattern): what each flow declares
   * ({@link Flow#anonymousEndpoints()}) and the resident page's own calls — its options, the QR
   * codes, the live updates and photos that carry a case's watch token, and the 公示 (published,
   * non-personal figures only; read-only).
   */
  static java.util.List<String[]> residentAnonymous(Flows flows) {
    java.util.List<String[]> all =
        new java.util.ArrayList<>(
            java.util.List.of(
                new String[] {"GET", "/api/resident/options"},
                new String[] {"GET", "/api/qr/**"},
                new String[] {"GET", "/api/public-notice/**"},
                new String[] {"GET", "/api/cases/*/*/events"},
                new String[] {"GET", "/api/cases/*/*/photos"},
                new String[] {"GET", "/api/cases/*/*/photos/*"},
                new String[] {"POST", "/api/cases/*/*/photos"}));
    flows.all().forEach(f -> f.anonymousEndpoints().forEach(e -> all.add(e.split(" ", 2))));
    return all;
  }

  static final String GROUP_PREFIX = "GROUP_";

  /**
   * The metrics port ({@code linli.metrics.port}, io.linli.metrics.MetricsPort), for the internal
   * network only: {@code /actuator/prometheus} without a token, nothing else. On the public port
   * the scrape endpoint is refused, logged in or not.
   */
  @Bean
  @Order(0)
  SecurityFilterChain metricsChain(HttpSecurity http, @Value("${linli.metrics.port:}") String port)
      throws Exception {
    int metricsPort = port.isBlank() ? -1 : Integer.parseInt(port.trim());
    return http.securityMatcher(r -> r.getLocalPort() == metricsPort)
        .authorizeHttpRequests(
            a ->
                a.requestMatchers(antMatcher(HttpMethod.GET, "/actuator/prometheus"))
                    .permitAll()
                    .anyRequest()
                    .denyAll())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(c -> c.disable())
        .headers(io.linli.system.SecurityHeaders::configure)
        .build();
  }

  @Bean
  @Order(1)
  SecurityFilterChain apiChain(HttpSecurity http, IdentityService identity, Flows flows)
      throws Exception {
    // Ant matchers: /engine-rest is Jersey's servlet, which MVC matchers do not see.
    return http.securityMatcher(
            new OrRequestMatcher(antMatcher("/api/**"), antMatcher("/engine-rest/**")))
        .authorizeHttpRequests(
            a ->
                a.requestMatchers(
                        residentAnonymous(flows).stream()
                            .map(e -> antMatcher(HttpMethod.valueOf(e[0]), e[1]))
                            .toArray(
                                org.springframework.security.web.util.matcher.RequestMatcher[]
                                    ::new))
                    .permitAll()
                    .requestMatchers(antMatcher("/engine-rest/**"))
                    .hasAuthority(STAFF)
                    // Residents reach their own cases with the case's watch token (CaseAccess);
                    // everything else needs a valid token.
                    .anyRequest()
                    .authenticated())
        .oauth2ResourceServer(o -> o.jwt(j -> j.jwtAuthenticationConverter(jwtConverter())))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(c -> c.disable()) // bearer tokens, no cookies
        .headers(io.linli.system.SecurityHeaders::configure)
        .addFilterAfter(
            new EngineAuthenticationFilter(identity), BearerTokenAuthenticationFilter.class)
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain webappChain(
      HttpSecurity http, ClientRegistrationRepository registrations, KeycloakLogout logout)
      throws Exception {
    DefaultOAuth2AuthorizationRequestResolver pkce =
        new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
    pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
    return http.authorizeHttpRequests(
            a ->
                a.requestMatchers(
                        antMatcher("/actuator/health"),
                        antMatcher("/actuator/health/**"),
                        antMatcher("/error"),
                        antMatcher("/resident/**"),
                        antMatcher("/open311/**"))
                    .permitAll()
                    .requestMatchers(antMatcher("/actuator/prometheus"))
                    .denyAll()
                    .anyRequest()
                    .authenticated())
        .oauth2Login(o -> o.authorizationEndpoint(e -> e.authorizationRequestResolver(pkce)))
        .headers(io.linli.system.SecurityHeaders::configure)
        // The webapps send Camunda's own XSRF token; Camunda's CSRF filter checks it there.
        // Open311 clients post form data without a session, as the GeoReport spec has it.
        .csrf(
            c ->
                c.ignoringRequestMatchers(antMatcher("/camunda/api/**"), antMatcher("/open311/**")))
        .logout(
            l ->
                l.logoutRequestMatcher(
                        new OrRequestMatcher(
                            new AntPathRequestMatcher("/logout"),
                            new AntPathRequestMatcher("/camunda/api/*/auth/user/*/logout", "POST")))
                    .logoutSuccessHandler(logout))
        .build();
  }

  /**
   * Signature from the realm's keys (RS256 only, so {@code alg: none} and HMAC tricks fail),
   * issuer, the API audience and the token's lifetime with a small clock skew; tokens of the
   * developer client ({@code linli.security.dev-client}) only with {@code
   * linli.security.local-demo}.
   */
  @Bean
  JwtDecoder jwtDecoder(
      @Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri}") String jwkSetUri,
      @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer,
      @Value("${spring.security.oauth2.resourceserver.jwt.audiences}") String audience,
      @Value("${linli.security.jwt-clock-skew:PT30S}") Duration skew,
      @Value("${linli.security.dev-client:linli-dev}") String devClient,
      @Value("${linli.security.local-demo:false}") boolean localDemo) {
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build();
    decoder.setJwtValidator(
        new DelegatingOAuth2TokenValidator<>(
            new JwtTimestampValidator(skew),
            // the developer client's password-grant tokens only in a local demo
            // (InsecureSettingsGuard)
            new JwtClaimValidator<Object>(
                AUTHORIZED_PARTY, azp -> localDemo || !devClient.equals(azp)),
            new JwtIssuerValidator(issuer),
            new JwtClaimValidator<List<String>>(
                JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience))));
    return decoder;
  }

  static JwtAuthenticationConverter jwtConverter() {
    JwtAuthenticationConverter c = new JwtAuthenticationConverter();
    c.setPrincipalClaimName("preferred_username");
    c.setJwtGrantedAuthoritiesConverter(KeycloakSecurity::authorities);
    return c;
  }

  static Collection<GrantedAuthority> authorities(Jwt jwt) {
    List<String> groups = TokenGroups.of(jwt.getClaims());
    List<GrantedAuthority> out = new ArrayList<>();
    groups.forEach(g -> out.add(new SimpleGrantedAuthority(GROUP_PREFIX + g)));
    if (TokenGroups.staff(groups)) out.add(new SimpleGrantedAuthority(STAFF));
    return out;
  }
}
