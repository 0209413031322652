package io.linli.escalation;

import io.linli.identity.UserNames;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Who holds a task of a case when its clock breaches: the assignee, else its candidate groups. */
@Component
class HeldTasks {

  private final TaskService tasks;
  private final IdentityService identity;
  private final UserNames userNames;

  HeldTasks(TaskService tasks, IdentityService identity, UserNames userNames) {
    this.tasks = tasks;
    this.identity = identity;
    this.userNames = userNames;
  }

  /**
   * @param holder ids (user or groups) for the ledger; label in Chinese for the 督办 form
   */
  record Held(String taskId, Instant dueAt, String holder, String label) {}

  Held find(String processInstanceId, String activityId) {
    List<Task> found =
        tasks
            .createTaskQuery()
            .processInstanceId(processInstanceId)
            .taskDefinitionKey(activityId)
            .list();
    if (found.isEmpty()) {
      return new Held(null, null, null, "（任务已结束）");
    }
    Task task = found.get(0);
    Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
    if (task.getAssignee() != null) {
      return new Held(
          task.getId(), due, "user:" + task.getAssignee(), userLabel(task.getAssignee()));
    }
    List<String> groups =
        tasks.getIdentityLinksForTask(task.getId()).stream()
            .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
            .map(IdentityLink::getGroupId)
            .toList();
    return new Held(
        task.getId(),
        due,
        groups.stream().map(g -> "group:" + g).collect(Collectors.joining(",")),
        groups.stream().map(this::groupLabel).collect(Collectors.joining("、")) + "（未认领）");
  }

  String userLabel(String userId) {
    return userNames.name(userId) + "（" + userId + "）";
  }

  private String groupLabel(String groupId) {
    Group g = identity.createGroupQuery().groupId(groupId).singleResult();
    return g == null || g.getName() == null ? groupId : g.getName();
  }
}
