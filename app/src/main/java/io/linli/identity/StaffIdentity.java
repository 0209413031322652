package io.linli.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * The staff member behind a request and their groups, for rules that depend on the tasks a person
 * holds (a task's assignee or candidate groups). Two doors:
 *
 * <ul>
 *   <li>{@link #ofWebapp}: the Camunda webapp login of the browser's session (Tasklist), in every
 *       profile — with Keycloak the webapps' login is the SSO login;
 *   <li>{@link #ofApi}: the app API's caller ({@link ActingUser}: the token's user in the {@code
 *       keycloak} profile, the named user elsewhere), with the token's groups or, without a token,
 *       the engine's identity service's.
 * </ul>
 *
 * Neither trusts a user named in a request body.
 */
@Component
public class StaffIdentity {

  /** A signed-in staff member. */
  public record Staff(String userId, List<String> groups) {
    public boolean inAny(java.util.Collection<String> candidateGroups) {
      return candidateGroups.stream().anyMatch(groups::contains);
    }
  }

  private static final String ENGINE = "default";

  private final ActingUser acting;
  private final IdentityService identity;

  StaffIdentity(ActingUser acting, IdentityService identity) {
    this.acting = acting;
    this.identity = identity;
  }

  /** The user signed into the Camunda webapps in this browser session; empty when none is. */
  public Optional<Staff> ofWebapp(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) return Optional.empty();
    Authentications auths = AuthenticationUtil.getAuthsFromSession(session);
    if (auths == null) return Optional.empty();
    if (auths.getAuthenticationForProcessEngine(ENGINE) instanceof UserAuthentication u
        && u.getIdentityId() != null) {
      List<String> groups =
          u.getGroupIds() != null ? List.copyOf(u.getGroupIds()) : groupsOf(u.getIdentityId());
      return Optional.of(new Staff(u.getIdentityId(), groups));
    }
    return Optional.empty();
  }

  /** The app API's caller ({@link ActingUser}); empty when the request names nobody valid. */
  public Optional<Staff> ofApi(String userHeader) {
    Optional<String> user = acting.of(userHeader);
    if (user.isEmpty()) return Optional.empty();
    if (SecurityContextHolder.getContext().getAuthentication()
        instanceof JwtAuthenticationToken jwt) {
      return Optional.of(new Staff(user.get(), TokenGroups.of(jwt.getTokenAttributes())));
    }
    return Optional.of(new Staff(user.get(), groupsOf(user.get())));
  }

  /**
   * Runs engine work as the application, after the app's own rule has checked the staff member
   * (e.g. a 转单 to a company group of the community, which the engine's hand-over rule for signed-in
   * users does not know): the request's engine authentication is lifted for the work and restored
   * afterwards.
   */
  public <T> T asApp(java.util.function.Supplier<T> work) {
    org.camunda.bpm.engine.impl.identity.Authentication current =
        identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (current != null) identity.setAuthentication(current);
    }
  }

  private List<String> groupsOf(String userId) {
    return identity.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId)
        .toList();
  }
}
