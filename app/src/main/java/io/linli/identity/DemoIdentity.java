package io.linli.identity;

import io.linli.community.Community;
import io.linli.community.CommunityDirectory;
import io.linli.community.CommunityGroups;
import io.linli.system.StartupLock;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The embedded default's demo identity (Camunda's built-in identity): a group per role, a group per
 * role of every community (the candidate groups of the models) and one demo user per role. Only
 * what is missing is created, under a database lock, so restarts and several nodes starting
 * together leave it as it is. The building representatives (楼栋代表, rep01..rep33 of the demo data)
 * get a user each, in their community's {@code building-rep} group. Demo only: the passwords are
 * printed in the README.
 */
@Component
@ConditionalOnProperty(prefix = "linli.demo", name = "identity", havingValue = "true")
class DemoIdentity {

  private static final Logger log = LoggerFactory.getLogger(DemoIdentity.class);

  /**
   * A demo user: id, display name, role, community code (the street above it for the street
   * committee; ignored for residents and supervisors). Mirrors keycloak-realm/linli-realm.json.
   */
  record DemoUser(String id, String name, Role role, String community) {}

  static final List<DemoUser> USERS =
      List.of(
          new DemoUser("resident1", "周阿姨", Role.RESIDENT, "tfsq"),
          new DemoUser("grid1", "李晓梅", Role.GRID_WORKER, "tfsq"),
          new DemoUser("property1", "何经理", Role.PROPERTY_STAFF, "tfsq"),
          new DemoUser("contractor1", "王师傅", Role.CONTRACTOR, "tfsq"),
          // an individual 能工巧匠 (seed 000), in no team: service orders reach them by name
          new DemoUser("worker1", "赵师傅", Role.CONTRACTOR, "tfsq"),
          new DemoUser("party1", "张支书", Role.PARTY_GROUP, "tfsq"),
          new DemoUser("committee1", "刘书记", Role.COMMUNITY_COMMITTEE, "tfsq"),
          new DemoUser("street1", "陈书记", Role.STREET_COMMITTEE, "tfsq"),
          new DemoUser("supervisor1", "赵督查", Role.SUPERVISOR, "tfsq"),
          new DemoUser("resident2", "孙大爷", Role.RESIDENT, "jdsq"),
          new DemoUser("grid2", "吴晓芳", Role.GRID_WORKER, "jdsq"),
          new DemoUser("property2", "郑经理", Role.PROPERTY_STAFF, "jdsq"),
          new DemoUser("committee2", "钱书记", Role.COMMUNITY_COMMITTEE, "jdsq"),
          // a 爱心商铺 of the demo community; io.linli.points registers it as the shop 王记粮油店
          new DemoUser("shop1", "王记粮油店", Role.SHOP, "tfsq"));

  /** The demo user who is in every contractor team of the demo community. */
  static final String TEAM_CONTRACTOR = "contractor1";

  private final IdentityService identity;
  private final CommunityDirectory directory;
  private final CommunityGroups groups;
  private final JdbcClient jdbc;
  private final String password;
  private final StartupLock startupLock;

  DemoIdentity(
      IdentityService identity,
      CommunityDirectory directory,
      CommunityGroups groups,
      JdbcClient jdbc,
      @Value("${linli.demo.password}") String password,
      StartupLock startupLock) {
    this.startupLock = startupLock;
    this.identity = identity;
    this.directory = directory;
    this.groups = groups;
    this.jdbc = jdbc;
    this.password = password;
  }

  @EventListener(ApplicationReadyEvent.class)
  @org.springframework.core.annotation.Order(
      0) // before the organisation tree's groups (io.linli.org)
  @Transactional
  public void seed() {
    startupLock.acquire("linli-demo-identity");
    for (Role role : Role.values()) {
      group(role.id(), role.label());
    }
    List<Community> communities = directory.communities();
    for (Community c : communities) {
      for (Role role : Role.values()) {
        if (role == Role.STREET_COMMITTEE || role == Role.SUPERVISOR || role == Role.RESIDENT)
          continue;
        group(groups.of(c.code(), role.id()), c.name() + " " + role.label());
      }
      group(
          groups.streetGroup(c.streetCode()), c.streetName() + " " + Role.STREET_COMMITTEE.label());
      for (ContractorTeam team : ContractorTeam.values()) {
        group(groups.of(c.code(), team.groupRole()), c.name() + " " + team.label());
      }
    }
    for (DemoUser u : USERS) {
      Community demo = directory.community(u.community()).orElse(null);
      if (!user(u)) continue;
      if (demo == null) continue;
      switch (u.role()) {
        case STREET_COMMITTEE ->
            identity.createMembership(u.id(), groups.streetGroup(demo.streetCode()));
        case SUPERVISOR, RESIDENT -> {}
        default -> identity.createMembership(u.id(), groups.of(demo.code(), u.role().id()));
      }
    }
    // the demo contractor (王师傅's service centre) takes orders for every team of the demo community
    directory
        .community("tfsq")
        .ifPresent(
            demo -> {
              for (ContractorTeam team : ContractorTeam.values()) {
                membership(TEAM_CONTRACTOR, groups.of(demo.code(), team.groupRole()));
              }
            });
    for (Representative r : representatives()) {
      if (user(new DemoUser(r.userId(), r.name(), Role.BUILDING_REP, r.communityCode()))) {
        identity.createMembership(r.userId(), groups.of(r.communityCode(), Role.BUILDING_REP.id()));
      }
    }
  }

  private void membership(String userId, String groupId) {
    if (identity.createUserQuery().userId(userId).count() == 0
        || identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0) return;
    identity.createMembership(userId, groupId);
  }

  /** A building representative of the demo data (table building_representative). */
  private record Representative(String userId, String name, String communityCode) {}

  private List<Representative> representatives() {
    return jdbc.sql(
            """
            select r.user_id, r.display_name, e.community_code
            from building_representative r join estate e on e.id = r.estate_id
            order by r.user_id""")
        .query((rs, n) -> new Representative(rs.getString(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  /** Creates the user with its role group; false when it already exists. */
  private boolean user(DemoUser u) {
    if (identity.createUserQuery().userId(u.id()).count() > 0) return false;
    User user = identity.newUser(u.id());
    user.setFirstName(u.name());
    user.setLastName(u.role().label());
    user.setEmail(u.id() + "@demo.linli.invalid");
    user.setPassword(password);
    identity.saveUser(user);
    identity.createMembership(u.id(), u.role().id());
    log.info("demo user {} ({}) created", u.id(), u.role().label());
    return true;
  }

  private void group(String id, String name) {
    if (identity.createGroupQuery().groupId(id).count() > 0) return;
    Group g = identity.newGroup(id);
    g.setName(name);
    g.setType("WORKFLOW");
    identity.saveGroup(g);
  }
}
