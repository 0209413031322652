package io.linli.serviceorder;

import io.linli.community.CommunityGroups;
import io.linli.identity.ContractorTeam;
import io.linli.identity.Role;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** The contractors and individuals (能工巧匠) who take a community's service orders. */
@Component
class Workers {

  private final IdentityService identity;
  private final CommunityGroups groups;

  Workers(IdentityService identity, CommunityGroups groups) {
    this.identity = identity;
    this.groups = groups;
  }

  /** Every contractor and individual of the community, teams or not. */
  String contractorGroup(String communityCode) {
    return groups.of(communityCode, Role.CONTRACTOR.id());
  }

  String teamGroup(String communityCode, ContractorTeam team) {
    return groups.of(communityCode, team.groupRole());
  }

  /** Whether the user takes this community's orders (in its contractor group or one of its teams). */
  boolean takesOrders(String communityCode, String userId) {
    if (memberOf(userId, contractorGroup(communityCode))) return true;
    for (ContractorTeam team : ContractorTeam.values()) {
      if (memberOf(userId, teamGroup(communityCode, team))) return true;
    }
    return false;
  }

  /** For statements: "王师傅" style display name, else the user id. */
  String name(String userId) {
    User u = identity.createUserQuery().userId(userId).singleResult();
    if (u == null) return userId;
    String name = ((u.getLastName() == null ? "" : u.getLastName())
        + (u.getFirstName() == null ? "" : u.getFirstName())).trim();
    return name.isEmpty() ? userId : name;
  }

  private boolean memberOf(String userId, String groupId) {
    return identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0;
  }
}
