package io.linli.staffdesk;

import io.linli.cases.CaseFile;
import io.linli.identity.StaffIdentity.Staff;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The open task of a case that a staff member may act on now: assigned to them, or unassigned with
 * one of their groups among its candidates. That task is the reason staff may see the resident's
 * phone and photos; a colleague's assigned task or another community's is not.
 */
@Component
public class CaseTaskHolders {

  private final TaskService tasks;

  CaseTaskHolders(TaskService tasks) {
    this.tasks = tasks;
  }

  /** The staff member's task on the case (their own assignment first), if any. */
  public Optional<Task> of(CaseFile c, Staff staff) {
    return of(c, staff, java.util.Set.of());
  }

  /** As {@link #of(CaseFile, Staff)}, among the tasks of these definition keys (empty: any). */
  public Optional<Task> of(CaseFile c, Staff staff, java.util.Set<String> taskKeys) {
    if (c.processInstanceId() == null) return Optional.empty();
    List<Task> open =
        tasks.createTaskQuery().processInstanceId(c.processInstanceId()).active().list();
    return open.stream()
        .filter(t -> taskKeys.isEmpty() || taskKeys.contains(t.getTaskDefinitionKey()))
        .filter(t -> mayAct(t, staff))
        .min(
            Comparator.comparing((Task t) -> !staff.userId().equals(t.getAssignee()))
                .thenComparing(Task::getCreateTime));
  }

  private boolean mayAct(Task t, Staff staff) {
    if (t.getAssignee() != null) return t.getAssignee().equals(staff.userId());
    List<String> candidates =
        tasks.getIdentityLinksForTask(t.getId()).stream()
            .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
            .map(IdentityLink::getGroupId)
            .filter(java.util.Objects::nonNull)
            .toList();
    boolean candidateUser =
        tasks.getIdentityLinksForTask(t.getId()).stream()
            .anyMatch(
                l ->
                    IdentityLinkType.CANDIDATE.equals(l.getType())
                        && staff.userId().equals(l.getUserId()));
    return candidateUser || staff.inAny(candidates);
  }
}
