package io.linli.identity;

import java.util.Set;

/**
 * Which communities the caller may audit. The {@code keycloak} profile reads the caller's groups
 * (supervisors: all; a 社区党委: its community; a 街道党工委: its street's communities); profiles without
 * sign-in leave everything open, as they do for the rest of the API.
 */
public interface SupervisionAccess {

  /**
   * @param communities the communities in reach when not {@code all}; empty: none
   */
  record Scope(boolean all, Set<String> communities) {

    public static final Scope ALL = new Scope(true, Set.of());

    public boolean reaches(String community) {
      return all || communities.contains(community);
    }

    public boolean none() {
      return !all && communities.isEmpty();
    }
  }

  Scope current();
}
