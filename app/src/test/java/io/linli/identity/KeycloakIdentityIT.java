package io.linli.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.linli.community.CommunityGroups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Integration tier with a real Keycloak: the identity plugin reads the realm's users and groups,
 * and its group ids are the candidate groups {@link CommunityGroups} writes into the models.
 */
class KeycloakIdentityIT extends KeycloakIT {

  @Autowired IdentityService identity;
  @Autowired CommunityGroups groups;

  @Test
  @DisplayName("Keycloak group paths are the models' candidate groups")
  void groupPathsAreCandidateGroups() {
    assertThat(identity.createGroupQuery().groupMember("grid1").list())
        .extracting(Group::getId)
        .containsExactly(groups.of("tfsq", "grid-worker"))
        .containsExactly("communities/tfsq/grid-worker");
    assertThat(identity.createGroupQuery().groupMember("street1").list())
        .extracting(Group::getId)
        .containsExactly(groups.streetCommittee("tfsq"));
    assertThat(identity.createUserQuery().memberOfGroup("communities/jdsq/grid-worker").list())
        .extracting(u -> u.getId())
        .containsExactly("grid2");
  }

  @Test
  @DisplayName(
      "no password ever reaches the engine: the identity client may not use the password grant")
  void noPasswordLogin() {
    boolean accepted;
    try {
      accepted = identity.checkPassword("grid1", "demo");
    } catch (RuntimeException refused) {
      accepted = false;
    }
    assertThat(accepted).isFalse();
    assertThat(identity.createUserQuery().userId("admin").singleResult().getEmail())
        .isEqualTo("admin@demo.linli.invalid"); // the realm's admin, no built-in one
  }
}
