package io.linli.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import io.linli.community.Community;
import io.linli.community.CommunityDirectory;
import io.linli.community.CommunityGroups;
import io.linli.system.StartupLock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The standing authorizations of an engine with {@code camunda.bpm.authorization.enabled}
 * (DB-backed, created at startup when missing, under a database lock so that nodes starting
 * together do not both insert one and trip Camunda's unique key; restarts and several nodes agree):
 *
 * <ul>
 *   <li>every staff group may open Tasklist; committees, street committees and supervisors Cockpit;
 *   <li>everybody may read the shared Tasklist filters (their queries are expressions over the
 *       user's own groups); nobody but the administrator group creates filters or deployments;
 *   <li>committees and street committees read the process definitions (not community data);
 *   <li>supervisors read every instance, task and their history across communities;
 *   <li>the processes staff start from Tasklist ({@link TasklistStart}, declared by their
 *       features): the declared roles' groups of every community read the definition and create
 *       instances of it (the start dialog lists a process only with both, and process instance
 *       CREATE).
 * </ul>
 *
 * A community's own instances are granted per instance by {@link CommunityInstanceGrants}, and
 * tasks by the engine itself to their candidate groups. Integration tier: KeycloakSecurityIT.
 */
@Component
@ConditionalOnProperty(prefix = "camunda.bpm.authorization", name = "enabled", havingValue = "true")
class CommunityAuthorizations {

  private final AuthorizationService authorizations;
  private final CommunityDirectory directory;
  private final CommunityGroups groups;
  private final StartupLock startupLock;
  private final List<TasklistStart> starts;

  CommunityAuthorizations(
      AuthorizationService authorizations,
      CommunityDirectory directory,
      CommunityGroups groups,
      StartupLock startupLock,
      List<TasklistStart> starts) {
    this.authorizations = authorizations;
    this.directory = directory;
    this.groups = groups;
    this.startupLock = startupLock;
    this.starts = starts;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(100) // after TasklistFilters
  @Transactional
  public void ensure() {
    startupLock.acquire("linli-community-authorizations");
    List<Community> communities = directory.communities();
    Set<String> staff = new LinkedHashSet<>();
    Set<String> overseers = new LinkedHashSet<>();
    for (Community c : communities) {
      for (Role r : CommunityInstanceGrants.COMMUNITY_ROLES) staff.add(groups.of(c.code(), r.id()));
      overseers.add(groups.of(c.code(), Role.COMMUNITY_COMMITTEE.id()));
      overseers.add(groups.streetGroup(c.streetCode()));
    }
    staff.addAll(overseers);
    String supervisor = Role.SUPERVISOR.id();
    staff.add(supervisor);
    overseers.add(supervisor);

    for (String g : staff) grant(g, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    for (String g : overseers) {
      grant(g, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      grant(g, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
      grant(g, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
    }
    global(Resources.FILTER, Permissions.READ);
    grant(
        supervisor,
        Resources.PROCESS_DEFINITION,
        ANY,
        Permissions.READ,
        Permissions.READ_INSTANCE,
        Permissions.READ_HISTORY,
        Permissions.READ_TASK);
    grant(supervisor, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    grant(supervisor, Resources.TASK, ANY, Permissions.READ);
    grant(
        supervisor,
        Resources.HISTORIC_PROCESS_INSTANCE,
        ANY,
        HistoricProcessInstancePermissions.READ);
    grant(supervisor, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);

    for (TasklistStart start : starts) {
      for (Community c : communities) {
        for (Role r : start.roles()) {
          String g = groups.of(c.code(), r.id());
          ensure(
              g,
              Resources.PROCESS_DEFINITION,
              start.processKey(),
              Permissions.READ,
              Permissions.CREATE_INSTANCE);
          ensure(g, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
        }
      }
    }
  }

  /**
   * A grant with at least these permissions: created when missing, widened when a row for the group
   * and resource exists without them (a database that an earlier release set up).
   */
  private void ensure(String group, Resource resource, String id, Permission... permissions) {
    Authorization a =
        authorizations
            .createAuthorizationQuery()
            .authorizationType(AUTH_TYPE_GRANT)
            .groupIdIn(group)
            .resourceType(resource)
            .resourceId(id)
            .singleResult();
    if (a == null) {
      grant(group, resource, id, permissions);
      return;
    }
    boolean changed = false;
    for (Permission p : permissions) {
      if (!a.isPermissionGranted(p)) {
        a.addPermission(p);
        changed = true;
      }
    }
    if (changed) authorizations.saveAuthorization(a);
  }

  private void grant(String group, Resource resource, String id, Permission... permissions) {
    boolean exists =
        authorizations
                .createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(group)
                .resourceType(resource)
                .resourceId(id)
                .count()
            > 0;
    if (exists) return;
    Authorization a = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    a.setGroupId(group);
    a.setResource(resource);
    a.setResourceId(id);
    for (Permission p : permissions) a.addPermission(p);
    authorizations.saveAuthorization(a);
  }

  private void global(Resource resource, Permission... permissions) {
    boolean exists =
        authorizations
                .createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GLOBAL)
                .resourceType(resource)
                .resourceId(ANY)
                .count()
            > 0;
    if (exists) return;
    Authorization a = authorizations.createNewAuthorization(AUTH_TYPE_GLOBAL);
    a.setUserId(ANY);
    a.setResource(resource);
    a.setResourceId(ANY);
    List<Permission> list = new ArrayList<>(List.of(permissions));
    list.forEach(a::addPermission);
    authorizations.saveAuthorization(a);
  }
}
