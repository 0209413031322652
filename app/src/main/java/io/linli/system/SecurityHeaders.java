package io.linli.system;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The response headers of every profile, one place for every security filter chain ({@code
 * OpenWebSecurity}, {@code KeycloakSecurity}): {@code .headers(SecurityHeaders::configure)}.
 *
 * <ul>
 *   <li>{@code Content-Security-Policy} {@link #POLICY}: scripts, styles, images, fonts and
 *       connections (fetch, server-sent events) from the app itself only, no inline script or
 *       style, no plugins, no framing. The resident page and the supervisor page are plain files
 *       with no inline code, so they run under it unchanged. The supervision API's HTML reports
 *       carry their CSS inline (the PDF renderer reads the same HTML): {@link #REPORT_POLICY}
 *       allows inline styles and no script at all. PDFs get none (browsers' PDF viewers). The
 *       Camunda webapps under {@code /camunda} send their own policy, which is left alone.
 *   <li>{@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY}, {@code
 *       Referrer-Policy: same-origin} (case numbers and watch tokens in URLs never leave the site;
 *       same-origin still sends {@code Origin}, which Camunda's CSRF filter checks), and Spring
 *       Security's other defaults (no-store on responses that set no cache header, HSTS over
 *       HTTPS).
 * </ul>
 */
public final class SecurityHeaders {

  public static final String POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; "
          + "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; "
          + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  public static final String REPORT_POLICY =
      "default-src 'self'; script-src 'none'; "
          + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
          + "form-action 'none'; frame-ancestors 'none'";

  private static final String CSP = "Content-Security-Policy";

  private static final RequestMatcher CAMUNDA =
      new OrRequestMatcher(
          new AntPathRequestMatcher("/camunda/**"), new AntPathRequestMatcher("/**/*.pdf"));
  private static final RequestMatcher REPORTS =
      new OrRequestMatcher(
          new AntPathRequestMatcher("/api/supervision/**"),
          new AntPathRequestMatcher("/supervision/api/**"));

  private SecurityHeaders() {}

  public static void configure(HeadersConfigurer<HttpSecurity> headers) {
    headers
        .contentTypeOptions(Customizer.withDefaults())
        .frameOptions(f -> f.deny())
        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
        .addHeaderWriter(
            new DelegatingRequestMatcherHeaderWriter(
                new NegatedRequestMatcher(new OrRequestMatcher(CAMUNDA, REPORTS)),
                new StaticHeadersWriter(CSP, POLICY)))
        .addHeaderWriter(
            new DelegatingRequestMatcherHeaderWriter(
                new org.springframework.security.web.util.matcher.AndRequestMatcher(
                    REPORTS, new NegatedRequestMatcher(CAMUNDA)),
                new StaticHeadersWriter(CSP, REPORT_POLICY)));
  }
}
