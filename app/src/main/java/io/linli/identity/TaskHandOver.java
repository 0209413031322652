package io.linli.identity;

import io.linli.community.CommunityGroups;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.cmd.AddGroupIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AddUserIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskOwnerCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Who a task may be handed to, checked where the engine grants a user or group access to a task
 * (its {@code ResourceAuthorizationProvider}), so every door — {@code /engine-rest}, Tasklist's
 * {@code /camunda/api/engine}, Java — obeys it. When a signed-in user claims, assigns, delegates,
 * saves a task, sets its owner or adds an identity link:
 *
 * <ul>
 *   <li>a claim is for oneself only;
 *   <li>another user must be a member of one of the task's candidate groups or of a group of the
 *       task's community (its process's {@code communityCode}: the community's roles, the street
 *       committee above); a group must be one of those;
 *   <li>{@code camunda-admin} is exempt.
 * </ul>
 *
 * The models' own assignments (a task created with an assignee while a user completes the previous
 * one) and the app's API, which acts as the app, are not hand-overs and pass. The engine consults
 * the provider only with authorizations on (the {@code keycloak} profile). Refusals are {@link
 * AuthorizationException}, 403 at the REST API. Integration tier: AuthorizationIT.
 */
@Component
class TaskHandOver extends AbstractProcessEnginePlugin {

  static final String COMMUNITY_VARIABLE = "communityCode";
  private static final List<Class<?>> HAND_OVERS =
      List.of(
          ClaimTaskCmd.class,
          AssignTaskCmd.class,
          SetTaskOwnerCmd.class,
          DelegateTaskCmd.class,
          SaveTaskCmd.class,
          AddUserIdentityLinkCmd.class,
          AddGroupIdentityLinkCmd.class);

  private final CommunityGroups groups;

  TaskHandOver(CommunityGroups groups) {
    this.groups = groups;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new Provider());
  }

  private class Provider extends DefaultAuthorizationProvider {

    @Override
    public AuthorizationEntity[] newTaskAssignee(
        Task task, String oldAssignee, String newAssignee) {
      if (newAssignee != null) checkUser(task, newAssignee);
      return super.newTaskAssignee(task, oldAssignee, newAssignee);
    }

    @Override
    public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
      if (newOwner != null) checkUser(task, newOwner);
      return super.newTaskOwner(task, oldOwner, newOwner);
    }

    @Override
    public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
      checkUser(task, userId);
      return super.newTaskUserIdentityLink(task, userId, type);
    }

    @Override
    public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
      Authentication acting = actingHandOver();
      if (acting != null && !reach(task, groupId).contains(groupId)) {
        throw new AuthorizationException(
            acting.getUserId()
                + " may not make group "
                + groupId
                + " a candidate of task "
                + task.getId()
                + ": it is not a group of the task's community");
      }
      return super.newTaskGroupIdentityLink(task, groupId, type);
    }
  }

  private void checkUser(Task task, String user) {
    Authentication acting = actingHandOver();
    if (acting == null || user.equals(acting.getUserId())) return;
    if (Context.getCommandInvocationContext().getCommand() instanceof ClaimTaskCmd) {
      throw new AuthorizationException(
          acting.getUserId()
              + " may claim task "
              + task.getId()
              + " only for themselves, not for "
              + user);
    }
    Set<String> reach = reach(task, null);
    List<Group> theirs = groupsOf(user);
    if (theirs.stream().noneMatch(g -> reach.contains(g.getId()))) {
      throw new AuthorizationException(
          acting.getUserId()
              + " may not hand task "
              + task.getId()
              + " to "
              + user
              + ": not a member of the task's candidate groups or of its community");
    }
  }

  /**
   * The user's groups, read as the engine itself: the identity plugin filters another user's groups
   * by the caller's READ on each group, ignoring a command run without authorization, so the
   * caller's authentication is set aside for the query.
   */
  private static List<Group> groupsOf(String user) {
    CommandContext context = Context.getCommandContext();
    IdentityService identity = context.getProcessEngineConfiguration().getIdentityService();
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return context.runWithoutAuthorization(
          () ->
              context
                  .getReadOnlyIdentityProvider()
                  .createGroupQuery(context)
                  .groupMember(user)
                  .list());
    } finally {
      identity.setAuthentication(caller);
    }
  }

  /** The signed-in, non-administrator user of a hand-over command; null when none applies. */
  private static Authentication actingHandOver() {
    CommandInvocationContext invocation = Context.getCommandInvocationContext();
    CommandContext context = Context.getCommandContext();
    if (invocation == null || context == null) return null;
    Object command = invocation.getCommand();
    if (HAND_OVERS.stream().noneMatch(c -> c.isInstance(command))) return null;
    Authentication acting = context.getAuthentication();
    if (acting == null || acting.getUserId() == null) return null;
    if (context.getAuthorizationManager().isCamundaAdmin(acting)) return null;
    return acting;
  }

  /**
   * The task's candidate groups (but {@code except}, the one being added) and its community's
   * groups.
   */
  private Set<String> reach(Task task, String except) {
    Set<String> reach = new HashSet<>();
    TaskEntity entity = (TaskEntity) task;
    CommandContext context = Context.getCommandContext();
    context.runWithoutAuthorization(
        () -> {
          for (IdentityLink link : entity.getCandidates()) {
            if (link.getGroupId() != null && !link.getGroupId().equals(except))
              reach.add(link.getGroupId());
          }
          ExecutionEntity execution = entity.getExecution();
          if (execution != null
              && execution.getVariable(COMMUNITY_VARIABLE) instanceof String community) {
            for (Role r : CommunityInstanceGrants.COMMUNITY_ROLES)
              reach.add(groups.of(community, r.id()));
            try {
              reach.add(groups.streetCommittee(community));
            } catch (IllegalArgumentException unknownCommunity) {
              // no street above
            }
          }
          return null;
        });
    return reach;
  }
}
