package io.linli.identity;

import io.linli.community.Community;
import io.linli.community.CommunityDirectory;
import io.linli.community.CommunityGroups;
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
import org.springframework.stereotype.Component;

/**
 * The embedded default's demo identity (Camunda's built-in identity): a group per role, a group per
 * role of every community (the candidate groups of the models) and one demo user per role. Only
 * what is missing is created, so restarts and several nodes leave it as it is. Demo only: the
 * passwords are printed in the README.
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
          new DemoUser("party1", "张支书", Role.PARTY_GROUP, "tfsq"),
          new DemoUser("committee1", "刘书记", Role.COMMUNITY_COMMITTEE, "tfsq"),
          new DemoUser("street1", "陈书记", Role.STREET_COMMITTEE, "tfsq"),
          new DemoUser("supervisor1", "赵督查", Role.SUPERVISOR, "tfsq"),
          new DemoUser("resident2", "孙大爷", Role.RESIDENT, "jdsq"),
          new DemoUser("grid2", "吴晓芳", Role.GRID_WORKER, "jdsq"),
          new DemoUser("property2", "郑经理", Role.PROPERTY_STAFF, "jdsq"),
          new DemoUser("committee2", "钱书记", Role.COMMUNITY_COMMITTEE, "jdsq"));

  private final IdentityService identity;
  private final CommunityDirectory directory;
  private final CommunityGroups groups;
  private final String password;

  DemoIdentity(
      IdentityService identity,
      CommunityDirectory directory,
      CommunityGroups groups,
      @Value("${linli.demo.password}") String password) {
    this.identity = identity;
    this.directory = directory;
    this.groups = groups;
    this.password = password;
  }

  @EventListener(ApplicationReadyEvent.class)
  void seed() {
    for (Role role : Role.values()) {
      group(role.id(), role.label());
    }
    List<Community> communities = directory.communities();
    for (Community c : communities) {
      for (Role role : Role.values()) {
        if (role == Role.STREET_COMMITTEE || role == Role.SUPERVISOR || role == Role.RESIDENT) continue;
        group(groups.of(c.code(), role.id()), c.name() + " " + role.label());
      }
      group(groups.streetGroup(c.streetCode()), c.streetName() + " " + Role.STREET_COMMITTEE.label());
    }
    for (DemoUser u : USERS) {
      Community demo = directory.community(u.community()).orElse(null);
      if (identity.createUserQuery().userId(u.id()).count() > 0) continue;
      User user = identity.newUser(u.id());
      user.setFirstName(u.name());
      user.setLastName(u.role().label());
      user.setEmail(u.id() + "@demo.linli.invalid");
      user.setPassword(password);
      identity.saveUser(user);
      identity.createMembership(u.id(), u.role().id());
      if (demo == null) continue;
      switch (u.role()) {
        case STREET_COMMITTEE -> identity.createMembership(u.id(), groups.streetGroup(demo.streetCode()));
        case SUPERVISOR, RESIDENT -> {}
        default -> identity.createMembership(u.id(), groups.of(demo.code(), u.role().id()));
      }
      log.info("demo user {} ({}) created", u.id(), u.role().label());
    }
  }

  private void group(String id, String name) {
    if (identity.createGroupQuery().groupId(id).count() > 0) return;
    Group g = identity.newGroup(id);
    g.setName(name);
    g.setType("WORKFLOW");
    identity.saveGroup(g);
  }
}
