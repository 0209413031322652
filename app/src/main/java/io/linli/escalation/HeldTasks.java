package io.linli.escalation;

import io.linli.identity.UserNames;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who holds a task of a case when its clock breaches: the assignee, else its candidate groups.
 *
 * <p>Read with one statement on the engine's runtime tables rather than a {@code TaskQuery} and
 * {@code getIdentityLinksForTask}: every escalation asks, and building the task query's dynamic SQL
 * (MyBatis evaluating its hundreds of OGNL conditions) was the largest single cost of an escalation
 * in the job thread's profile (docs/scaling.md, "What one escalation costs"). Same answer: the task
 * query's default order (by id) picks the first of several, and it runs in the job's transaction,
 * so it sees what the engine has written. Group names change rarely and are kept {@link
 * #GROUP_NAME_TTL}; with Keycloak each look-up would be a request to it.
 */
@Component
class HeldTasks {

  static final Duration GROUP_NAME_TTL = Duration.ofMinutes(5);

  private final JdbcClient jdbc;
  private final IdentityService identity;
  private final UserNames userNames;
  private final Map<String, GroupName> groupNames = new ConcurrentHashMap<>();

  private record GroupName(String label, long expiresAtNanos) {}

  HeldTasks(JdbcClient jdbc, IdentityService identity, UserNames userNames) {
    this.jdbc = jdbc;
    this.identity = identity;
    this.userNames = userNames;
  }

  /**
   * @param holder ids (user or groups) for the ledger; label in Chinese for the 督办 form
   */
  record Held(String taskId, Instant dueAt, String holder, String label) {}

  private record Row(String taskId, Instant dueAt, String assignee, List<String> groups) {}

  Held find(String processInstanceId, String activityId) {
    List<Row> found =
        jdbc.sql(
                """
                select t.id_, t.due_date_, t.assignee_,
                  array(select l.group_id_ from act_ru_identitylink l
                        where l.task_id_ = t.id_ and l.type_ = 'candidate'
                          and l.group_id_ is not null) as groups
                from act_ru_task t
                where t.proc_inst_id_ = ? and t.task_def_key_ = ?
                order by t.id_ limit 1""")
            .params(processInstanceId, activityId)
            .query(
                (rs, n) -> {
                  Timestamp due = rs.getTimestamp(2);
                  Array groups = rs.getArray(4);
                  return new Row(
                      rs.getString(1),
                      due == null ? null : due.toInstant(),
                      rs.getString(3),
                      groups == null ? List.of() : Arrays.asList((String[]) groups.getArray()));
                })
            .list();
    if (found.isEmpty()) {
      return new Held(null, null, null, "（任务已结束）");
    }
    Row task = found.get(0);
    if (task.assignee() != null) {
      return new Held(
          task.taskId(), task.dueAt(), "user:" + task.assignee(), userLabel(task.assignee()));
    }
    List<String> groups = task.groups();
    return new Held(
        task.taskId(),
        task.dueAt(),
        groups.stream().map(g -> "group:" + g).collect(Collectors.joining(",")),
        groups.stream().map(this::groupLabel).collect(Collectors.joining("、")) + "（未认领）");
  }

  String userLabel(String userId) {
    return userNames.name(userId) + "（" + userId + "）";
  }

  private String groupLabel(String groupId) {
    long now = System.nanoTime();
    GroupName cached = groupNames.get(groupId);
    if (cached != null && now - cached.expiresAtNanos() < 0) return cached.label();
    Group g = identity.createGroupQuery().groupId(groupId).singleResult();
    String label = g == null || g.getName() == null ? groupId : g.getName();
    groupNames.put(groupId, new GroupName(label, now + GROUP_NAME_TTL.toNanos()));
    return label;
  }
}
