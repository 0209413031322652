package io.linli.serviceorder;

import io.linli.community.CommunityGroups;
import io.linli.identity.ContractorTeam;
import io.linli.identity.Role;
import io.linli.identity.UserNames;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/** The contractors and individuals (能工巧匠) who take a community's service orders. */
@Component
class Workers {

  private final IdentityService identity;
  private final CommunityGroups groups;
  private final UserNames userNames;

  Workers(IdentityService identity, CommunityGroups groups, UserNames userNames) {
    this.identity = identity;
    this.groups = groups;
    this.userNames = userNames;
  }

  /** Every contractor and individual of the community, teams or not. */
  String contractorGroup(String communityCode) {
    return groups.of(communityCode, Role.CONTRACTOR.id());
  }

  String teamGroup(String communityCode, ContractorTeam team) {
    return groups.of(communityCode, team.groupRole());
  }

  /**
   * Whether the user takes this community's orders (in its contractor group or one of its teams).
   */
  boolean takesOrders(String communityCode, String userId) {
    if (memberOf(userId, contractorGroup(communityCode))) return true;
    for (ContractorTeam team : ContractorTeam.values()) {
      if (memberOf(userId, teamGroup(communityCode, team))) return true;
    }
    return false;
  }

  /** For statements: "王师傅" style display name, else the user id. */
  String name(String userId) {
    return userNames.name(userId);
  }

  private boolean memberOf(String userId, String groupId) {
    return identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0;
  }
}
