package io.linli.identity;

import java.util.List;
import java.util.Map;

/**
 * Camunda group ids from a Keycloak token's {@code groups} claim (full group paths, e.g. {@code
 * /communities/tfsq/grid-worker}): the path without its leading slash, the id the identity plugin
 * gives the same group with {@code useGroupPathAsCamundaGroupId}. Unit tier.
 */
final class TokenGroups {

  static final String CLAIM = "groups";

  private TokenGroups() {}

  static List<String> of(Map<String, Object> claims) {
    if (!(claims.get(CLAIM) instanceof List<?> paths)) return List.of();
    return paths.stream()
        .map(String::valueOf)
        .map(p -> p.startsWith("/") ? p.substring(1) : p)
        .filter(p -> !p.isBlank())
        .toList();
  }

  /** Staff are members of any group other than the residents'. */
  static boolean staff(List<String> groups) {
    return groups.stream().anyMatch(g -> !g.equals(Role.RESIDENT.id()));
  }
}
