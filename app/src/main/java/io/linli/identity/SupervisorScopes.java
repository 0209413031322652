package io.linli.identity;

import io.linli.community.Community;
import io.linli.community.CommunityDirectory;
import io.linli.community.CommunityGroups;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Profile;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * The {@code keycloak} profile's reach of the supervision audit, from the caller's groups — a
 * bearer token's ({@code /api/supervision}) or the signed-in session's ID token (the supervisor
 * page): {@code supervisor} sees every community, a community's {@code community-committee} its
 * own, a street committee the communities of its street; anyone else none (403). Integration tier:
 * SupervisionAccessTest (scopes) and KeycloakSecurityIT (tokens).
 */
@Component
@Profile("keycloak")
class SupervisorScopes implements SupervisionAccess {

  private final CommunityDirectory directory;
  private final CommunityGroups groups;

  SupervisorScopes(CommunityDirectory directory, CommunityGroups groups) {
    this.directory = directory;
    this.groups = groups;
  }

  @Override
  public Scope current() {
    return of(callerGroups());
  }

  Scope of(List<String> mine) {
    if (mine.contains(Role.SUPERVISOR.id())) return Scope.ALL;
    Set<String> reach = new HashSet<>();
    for (Community c : directory.communities()) {
      if (mine.contains(groups.of(c.code(), Role.COMMUNITY_COMMITTEE.id()))
          || mine.contains(groups.streetGroup(c.streetCode()))) {
        reach.add(c.code());
      }
    }
    return new Scope(false, Set.copyOf(reach));
  }

  private static List<String> callerGroups() {
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
