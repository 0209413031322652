package io.linli.org;

import io.linli.community.CommunityGroups;
import io.linli.identity.ContractorTeam;
import io.linli.identity.Role;
import io.linli.system.StartupLock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Camunda groups the tree implies and who is in them. With the built-in identity (every profile
 * but {@code keycloak}) the tree is the source: at start and after every edit, missing groups,
 * users and memberships are created, and a member the tree drops leaves the unit's group. With
 * Keycloak the engine's identity is read-only: every edit publishes {@link TreeEdited}, and {@link
 * KeycloakOrgSync} writes {@link #expected} and the memberships into the realm after the commit
 * (docs/org-tree.md).
 */
@Component
class OrgGroups {

  private static final Logger log = LoggerFactory.getLogger(OrgGroups.class);

  private final OrgTree tree;
  private final CommunityGroups groups;
  private final IdentityService identity;
  private final StartupLock startupLock;
  private final boolean writable;
  private final ApplicationEventPublisher events;

  /** The community's tree changed (published in the editing transaction). */
  record TreeEdited(String community) {}

  OrgGroups(
      OrgTree tree,
      CommunityGroups groups,
      IdentityService identity,
      StartupLock startupLock,
      Environment environment,
      ApplicationEventPublisher events) {
    this.tree = tree;
    this.groups = groups;
    this.identity = identity;
    this.startupLock = startupLock;
    this.writable = !environment.acceptsProfiles(Profiles.of("keycloak"));
    this.events = events;
  }

  boolean writable() {
    return writable;
  }

  /** Group id → name, for every unit of the community's tree. */
  Map<String, String> expected(String community) {
    Map<String, String> out = new LinkedHashMap<>();
    String name = tree.community(community).map(OrgTree.CommunityRow::name).orElse(community);
    for (OrgTree.Grid g : tree.grids(community)) {
      out.put(
          groups.unit(community, "grid", g.code(), Role.GRID_WORKER.id()),
          name + " " + g.name() + " " + Role.GRID_WORKER.label());
    }
    for (OrgTree.EstateRow e : tree.estates(community)) {
      out.put(
          groups.unit(community, "estate", e.code(), Role.PROPERTY_STAFF.id()),
          name + " " + e.name() + " " + Role.PROPERTY_STAFF.label());
      if (e.companyCode() != null) {
        out.put(
            groups.unit(community, "company", e.companyCode(), Role.PROPERTY_STAFF.id()),
            name + " " + e.companyName());
      }
    }
    return out;
  }

  /**
   * The groups a member of the tree belongs to: the role, the community's role group, the unit's.
   */
  List<String> groupsOf(String community, OrgTree.Member m) {
    List<String> out = new ArrayList<>(List.of(m.role(), groups.of(community, m.role())));
    String unit = unitGroup(community, m);
    if (unit != null) out.add(unit);
    return out;
  }

  /** The unit's own group, or null for a member of the community's role group only. */
  String unitGroup(String community, OrgTree.Member m) {
    return switch (m.unitKind()) {
      case "GRID" -> groups.unit(community, "grid", m.unitCode(), m.role());
      case "ESTATE" -> groups.unit(community, "estate", m.unitCode(), m.role());
      case "COMPANY" -> groups.unit(community, "company", m.unitCode(), m.role());
      case "TEAM" -> groups.of(community, ContractorTeam.ofId(m.unitCode()).groupRole());
      default -> null;
    };
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(10) // after the demo identity, whose users the tree may name
  @Transactional
  public void syncAll() {
    if (!writable) return;
    startupLock.acquire("linli-org-groups");
    for (OrgTree.CommunityRow c : tree.communities()) sync(c.code());
  }

  /** Creates what is missing for the community; idempotent. */
  void sync(String community) {
    if (!writable) {
      events.publishEvent(new TreeEdited(community));
      return;
    }
    expected(community).forEach(this::group);
    for (OrgTree.Member m : tree.members(community)) {
      user(m.userId(), m.displayName());
      for (String g : groupsOf(community, m)) {
        group(g, g);
        membership(m.userId(), g);
      }
    }
  }

  /**
   * A member the tree dropped leaves the unit's group (or the community's, when no row needs it).
   */
  void left(String community, OrgTree.Member m) {
    if (!writable) {
      events.publishEvent(new TreeEdited(community));
      return;
    }
    String g = unitGroup(community, m);
    if (g == null) {
      boolean stillNeeded =
          tree.members(community).stream()
              .anyMatch(o -> o.userId().equals(m.userId()) && o.role().equals(m.role()));
      if (stillNeeded) return;
      g = groups.of(community, m.role());
    }
    identity.deleteMembership(m.userId(), g);
  }

  private void group(String id, String name) {
    if (identity.createGroupQuery().groupId(id).count() > 0) return;
    Group g = identity.newGroup(id);
    g.setName(name);
    g.setType("WORKFLOW");
    identity.saveGroup(g);
    log.info("group {} created from the organisation tree", id);
  }

  /** A user the tree names but the identity lacks: created without a password (set it in Admin). */
  private void user(String id, String name) {
    if (identity.createUserQuery().userId(id).count() > 0) return;
    User u = identity.newUser(id);
    u.setFirstName(name);
    u.setLastName("");
    identity.saveUser(u);
    log.info("user {} created from the organisation tree (no password yet)", id);
  }

  private void membership(String userId, String groupId) {
    if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0) return;
    identity.createMembership(userId, groupId);
  }
}
