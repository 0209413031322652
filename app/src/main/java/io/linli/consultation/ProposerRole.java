package io.linli.consultation;

import io.linli.identity.Role;

/** Who may propose a topic (征): residents, grid workers and the estate's party branch. */
public enum ProposerRole {
  RESIDENT(Role.RESIDENT),
  GRID_WORKER(Role.GRID_WORKER),
  PARTY_BRANCH(Role.PARTY_GROUP);

  private final Role role;

  ProposerRole(Role role) {
    this.role = role;
  }

  Role role() {
    return role;
  }
}
