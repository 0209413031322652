package io.linli.identity;

import io.linli.community.CommunityDirectory;
import io.linli.community.CommunityGroups;
import java.util.List;
import java.util.Map;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * What the caller's groups reach, for the app's API rules that are not about one case ({@link
 * CaseAccess} is): in the {@code keycloak} profile the groups of the validated token (or of the
 * signed-in session); in the other profiles, which have no sign-in, everything — like the rest of
 * their API (SECURITY.md, "Default profile"). Integration tier: AuthorizationIT.
 */
@Component
public class StaffReach {

  private final boolean open;
  private final CommunityGroups groups;
  private final CommunityDirectory directory;

  StaffReach(Environment environment, CommunityGroups groups, CommunityDirectory directory) {
    this.open = !environment.acceptsProfiles(Profiles.of("keycloak"));
    this.groups = groups;
    this.directory = directory;
  }

  /** A member of one of these roles' groups of the community. */
  public boolean inCommunity(String community, Role... roles) {
    if (open) return true;
    List<String> mine = callerGroups();
    for (Role r : roles) if (mine.contains(groups.of(community, r.id()))) return true;
    return false;
  }

  /** A member of the street committee (街道党工委) above the community; false for an unknown one. */
  public boolean streetAbove(String community) {
    if (open) return true;
    return directory
        .community(community)
        .map(c -> callerGroups().contains(groups.streetGroup(c.streetCode())))
        .orElse(false);
  }

  /** A member of this street's committee (街道党工委). */
  public boolean inStreet(String streetCode) {
    return open || callerGroups().contains(groups.streetGroup(streetCode));
  }

  public boolean supervisor() {
    return open || callerGroups().contains(Role.SUPERVISOR.id());
  }

  /** A member of this role's group in any community (for what all communities share). */
  public boolean inAnyCommunity(Role role) {
    if (open) return true;
    return directory.communities().stream()
        .anyMatch(c -> callerGroups().contains(groups.of(c.code(), role.id())));
  }

  static List<String> callerGroups() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    Map<String, Object> claims =
        auth instanceof JwtAuthenticationToken jwt
            ? jwt.getTokenAttributes()
            : auth != null && auth.getPrincipal() instanceof OidcUser user
                ? user.getClaims()
                : Map.of();
    return TokenGroups.of(claims);
  }
}
