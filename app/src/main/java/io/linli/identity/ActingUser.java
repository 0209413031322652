package io.linli.identity;

import java.util.Optional;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Who is acting on an app API call. In the {@code keycloak} profile it is the validated token's
 * user ({@code preferred_username}) and nothing else: a user-naming request header is ignored, so
 * nobody votes or rates in another's name. In the default profile (one machine, no identity
 * provider) the caller names itself in a header.
 */
@Component
public class ActingUser {

  private final boolean headerTrusted;

  ActingUser(Environment environment) {
    this.headerTrusted = !environment.acceptsProfiles(Profiles.of("keycloak"));
  }

  /** Whether a request may name its user itself (the default profile, which has no sign-in). */
  public boolean requestNamesUser() {
    return headerTrusted;
  }

  /** The token's user, or in the default profile the header's value; empty when neither. */
  public Optional<String> of(String header) {
    if (SecurityContextHolder.getContext().getAuthentication()
        instanceof JwtAuthenticationToken jwt) {
      return Optional.of(jwt.getName());
    }
    if (headerTrusted && header != null && !header.isBlank()) return Optional.of(header.strip());
    return Optional.empty();
  }
}
