package io.linli.intake;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The rule for {@link AnonymousLimit}: every request to a controller under {@value #API} or {@value
 * #OPEN311} with a method that may write (anything but GET, HEAD, OPTIONS, TRACE), made without an
 * authenticated user, counts against its client address ({@code getRemoteAddr()}, which follows
 * {@code server.forward-headers-strategy} behind a proxy). Staff in the {@code keycloak} profile
 * carry a JWT and are not counted; residents never are authenticated, and in the default profile
 * nobody is. A controller method marked {@link ProofAttempt} counts as a proof attempt; one marked
 * {@link PublicRead} counts as a public read, whatever its method. The count comes first, so
 * refused and invalid requests count too; past the limit the controller is not called. A replayed
 * {@code Idempotency-Key} gives its count back ({@link IdempotentIntake}).
 */
@Component
class AnonymousWrites implements HandlerInterceptor, WebMvcConfigurer {

  static final String API = "/api/**";
  static final String OPEN311 = "/open311/**";
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

  private final AnonymousLimit limit;

  AnonymousWrites(AnonymousLimit limit) {
    this.limit = limit;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    // First, so a write is counted before anything else looks at it.
    registry.addInterceptor(this).addPathPatterns(API, OPEN311).order(Ordered.HIGHEST_PRECEDENCE);
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod method)) return true;
    boolean publicRead = method.hasMethodAnnotation(PublicRead.class);
    if ((!publicRead && SAFE.contains(request.getMethod())) || authenticated()) return true;
    AnonymousLimit.Kind kind =
        publicRead
            ? AnonymousLimit.Kind.READ
            : method.hasMethodAnnotation(ProofAttempt.class)
                ? AnonymousLimit.Kind.PROOF
                : AnonymousLimit.Kind.WRITE;
    request.setAttribute(AnonymousLimit.COUNTED, limit.count(kind, request.getRemoteAddr()));
    return true;
  }

  private static boolean authenticated() {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.isAuthenticated() && !TRUST.isAnonymous(auth);
  }
}
