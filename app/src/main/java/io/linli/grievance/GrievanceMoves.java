package io.linli.grievance;

import static io.linli.grievance.GrievanceProcess.*;

import io.linli.caselog.CaseLog;
import io.linli.cases.CaseFile;
import io.linli.cases.CaseFiles;
import io.linli.community.CommunityGroups;
import io.linli.identity.Role;
import io.linli.identity.StaffIdentity;
import io.linli.identity.StaffIdentity.Staff;
import io.linli.staffdesk.CaseTaskHolders;
import io.linli.system.ApiError;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The handler's moves on a grievance, each with a reason, in the case log and in one transaction
 * with the engine's step:
 *
 * <ul>
 *   <li><b>退单</b>: from a response-stage task (处置并反馈, 响应, 联系居民) back to 分流定级, through the model's
 *       message boundary events. The response clock <em>continues</em>: 分流定级's deadline is counted
 *       from the report, so the resident waits no longer because the case was misrouted.
 *   <li><b>转单</b>: from any handler task to another team or company group of the case's community.
 *       The open task stays (its clock <em>continues</em> unchanged); it loses its assignee and
 *       changes candidate group, and the later handler tasks go to the new group.
 * </ul>
 *
 * Only staff holding the task may move it (its assignee, or a candidate while unassigned); anyone
 * else gets 404, as for an unknown case.
 */
@Service
class GrievanceMoves {

  static final Set<String> RESPONSE_TASKS =
      Set.of(TASK_HANDLE_GENERAL, TASK_RESPOND, TASK_CONTACT_RESIDENT);
  static final Set<String> HANDLER_TASKS =
      Set.of(
          TASK_HANDLE_GENERAL,
          TASK_RESPOND,
          TASK_CONTACT_RESIDENT,
          TASK_RESOLVE,
          TASK_RECTIFY,
          TASK_REWORK);

  record Moved(String caseNo, String move, String taskKey) {}

  private final CaseFiles files;
  private final CaseTaskHolders holders;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final IdentityService identity;
  private final CommunityGroups groups;
  private final CaseLog caseLog;
  private final StaffIdentity staffIdentity;

  GrievanceMoves(
      CaseFiles files,
      CaseTaskHolders holders,
      RuntimeService runtime,
      TaskService tasks,
      IdentityService identity,
      CommunityGroups groups,
      CaseLog caseLog,
      StaffIdentity staffIdentity) {
    this.staffIdentity = staffIdentity;
    this.files = files;
    this.holders = holders;
    this.runtime = runtime;
    this.tasks = tasks;
    this.identity = identity;
    this.groups = groups;
    this.caseLog = caseLog;
  }

  @Transactional
  Moved returnToTriage(String caseNo, Staff staff, String reason) {
    CaseFile c = caseOf(caseNo);
    Task task = holders.of(c, staff, HANDLER_TASKS).orElseThrow(() -> notYours(caseNo));
    if (!RESPONSE_TASKS.contains(task.getTaskDefinitionKey())) {
      throw ApiError.conflict("「" + task.getName() + "」环节不能退单：响应前才能退回分流");
    }
    recordReturn(caseLog, caseNo, task.getName(), reason);
    staffIdentity.asApp(
        () ->
            runtime
                .createMessageCorrelation(MESSAGE_RETURNED)
                .processInstanceId(c.processInstanceId())
                .correlateWithResult());
    return new Moved(caseNo, GrievanceEvent.RETURNED.name(), task.getTaskDefinitionKey());
  }

  @Transactional
  Moved transfer(String caseNo, Staff staff, String toGroup, String reason) {
    CaseFile c = caseOf(caseNo);
    Task task = holders.of(c, staff, HANDLER_TASKS).orElseThrow(() -> notYours(caseNo));
    boolean known = identity.createGroupQuery().groupId(toGroup).count() == 1;
    if (!known || !workGroupOf(c.communityCode(), toGroup)) {
      throw ApiError.invalid("toGroup", "没有这个处置单位（须为本社区的工作组）：" + toGroup);
    }
    List<String> candidates = candidateGroups(task);
    if (candidates.equals(java.util.List.of(toGroup))) {
      throw ApiError.invalid("toGroup", "案件已由该单位处置");
    }
    caseLog.record(
        FLOW,
        caseNo,
        GrievanceEvent.TRANSFERRED,
        Role.PROPERTY_STAFF.label(),
        "转单至 " + toGroup + "（" + task.getName() + "）：" + reason);
    staffIdentity.asApp(
        () -> {
          runtime.setVariable(c.processInstanceId(), GrievanceHandlers.HANDLER_GROUP, toGroup);
          candidates.forEach(g -> tasks.deleteCandidateGroup(task.getId(), g));
          tasks.addCandidateGroup(task.getId(), toGroup);
          tasks.setAssignee(task.getId(), null);
          return null;
        });
    return new Moved(caseNo, GrievanceEvent.TRANSFERRED.name(), task.getTaskDefinitionKey());
  }

  /**
   * 退单 in the case log, the same for the API and the Tasklist form (处置方式 退单 in a response-stage
   * form, {@link GrievanceTaskListener}); the move is the model's: the message boundary for the
   * API, the form's outcome {@code returnedInForm} for Tasklist — both lead to Gateway_ToTriage,
   * and the response clock continues either way.
   */
  static void recordReturn(CaseLog caseLog, String caseNo, String taskName, String reason) {
    caseLog.record(
        FLOW,
        caseNo,
        GrievanceEvent.RETURNED,
        Role.PROPERTY_STAFF.label(),
        "退单（" + taskName + "）：" + reason);
  }

  /** A group a handler task may be transferred to: its id and the name staff read. */
  record Target(String groupId, String name) {}

  /** The handler task the staff member holds on the case, and where 转单 can send it. */
  record TransferChoice(String caseNo, String taskName, List<Target> targets) {}

  /**
   * The community's work groups other than the residents' and the task's own candidates: the same
   * rule {@link #transfer} checks. 404 as there for a case the staff member holds no task of.
   */
  TransferChoice transferChoice(String caseNo, Staff staff) {
    CaseFile c = caseOf(caseNo);
    Task task = holders.of(c, staff, HANDLER_TASKS).orElseThrow(() -> notYours(caseNo));
    List<String> current = candidateGroups(task);
    List<Target> targets =
        staffIdentity.asApp(
            () ->
                identity.createGroupQuery().orderByGroupId().asc().list().stream()
                    .filter(g -> workGroupOf(c.communityCode(), g.getId()))
                    .filter(g -> !current.contains(g.getId()))
                    .map(g -> new Target(g.getId(), g.getName() == null ? g.getId() : g.getName()))
                    .toList());
    return new TransferChoice(caseNo, task.getName(), targets);
  }

  /** A group of the community's own (its prefix) other than the residents': where 转单 may go. */
  private boolean workGroupOf(String community, String groupId) {
    return groupId.startsWith(groups.of(community, ""))
        && !groupId.equals(groups.of(community, "resident"));
  }

  private List<String> candidateGroups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .toList();
  }

  private CaseFile caseOf(String caseNo) {
    return files.find(FLOW, caseNo).filter(c -> !c.closed()).orElseThrow(() -> notYours(caseNo));
  }

  private static ApiError notYours(String caseNo) {
    return ApiError.notFound("没有您可办理的诉求：" + caseNo);
  }
}
