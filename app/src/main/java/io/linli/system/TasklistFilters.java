package io.linli.system;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The saved Tasklist filters staff start from: 我的待办, 本社区待认领, 即将超时 and 已超时. Created when missing
 * (looked up by name in the database, under a database lock), so every node agrees. 即将超时 lists the
 * tasks whose clock passed its own warning time (临期预警, sla.SlaWarnings): the warning instant is the
 * task's follow-up date, so the filter is "follow-up date passed, due date not yet"; a filter saved
 * by an older release (due within the hour) is brought to this query.
 */
@Component
class TasklistFilters {

  static final String MINE = "我的待办";
  static final String COMMUNITY_UNCLAIMED = "本社区待认领";
  static final String DUE_SOON = "即将超时";
  static final String OVERDUE = "已超时";
  static final String DUE_SOON_DESCRIPTION = "已到临期预警时间、尚未到期的我的任务和本组待认领任务";

  private static final List<Map<String, String>> COLUMNS =
      List.of(
          Map.of("name", "caseNo", "label", "案件编号"),
          Map.of("name", "locationLabel", "label", "位置"),
          Map.of("name", "categoryLabel", "label", "类别"),
          Map.of("name", "tierLabel", "label", "分级"));

  private final FilterService filters;
  private final TaskService tasks;
  private final StartupLock startupLock;

  TasklistFilters(FilterService filters, TaskService tasks, StartupLock startupLock) {
    this.filters = filters;
    this.tasks = tasks;
    this.startupLock = startupLock;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Transactional
  public void ensure() {
    startupLock.acquire("linli-tasklist-filters");
    ensure(
        MINE,
        1,
        "分配给我的任务，按到期时间排序",
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
    ensure(
        COMMUNITY_UNCLAIMED,
        2,
        "我所在社区各组的待认领任务",
        tasks
            .createTaskQuery()
            .taskCandidateGroupInExpression("${currentUserGroups()}")
            .taskUnassigned()
            .orderByDueDate()
            .asc());
    ensure(
        DUE_SOON,
        3,
        DUE_SOON_DESCRIPTION,
        mineOrMyGroups()
            .followUpBeforeExpression("${now()}")
            .dueAfterExpression("${now()}")
            .orderByDueDate()
            .asc());
    ensure(
        OVERDUE,
        4,
        "已过到期时间仍未完成的我的任务和本组待认领任务",
        mineOrMyGroups().dueBeforeExpression("${now()}").orderByDueDate().asc());
  }

  private TaskQuery mineOrMyGroups() {
    return tasks
        .createTaskQuery()
        .or()
        .taskAssigneeExpression("${currentUser()}")
        .taskCandidateGroupInExpression("${currentUserGroups()}")
        .endOr();
  }

  private void ensure(String name, int priority, String description, TaskQuery query) {
    Filter existing =
        filters.createFilterQuery().filterName(name).list().stream().findFirst().orElse(null);
    if (existing != null && description.equals(existing.getProperties().get("description"))) return;
    Filter filter =
        (existing != null ? existing : filters.newTaskFilter(name))
            .setQuery(query)
            .setProperties(
                Map.of(
                    "priority", priority,
                    "description", description,
                    "refresh", true,
                    "variables", COLUMNS));
    filters.saveFilter(filter);
  }
}
