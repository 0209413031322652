package io.linli.dailycheck;

import io.linli.cases.Flow;
import io.linli.cases.Flows;
import io.linli.sla.ClockStates;
import io.linli.system.Times;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The open cases of a community as the daily check lists them: number, kind, category, each running
 * clock with its due time, and who holds the case's open tasks (user or group ids). No personal
 * data: this list goes into the check's process variable and form.
 */
@Component
class OpenCases {

  /** How many cases the task form lists; the check's API lists them all. */
  static final int FORM_LIMIT = 60;

  /** The engine keeps a string variable in at most 4,000 characters. */
  static final int TEXT_LIMIT = 3_800;

  private final JdbcClient jdbc;
  private final Flows flows;
  private final ClockStates clocks;
  private final TaskService tasks;

  OpenCases(JdbcClient jdbc, Flows flows, ClockStates clocks, TaskService tasks) {
    this.jdbc = jdbc;
    this.flows = flows;
    this.clocks = clocks;
    this.tasks = tasks;
  }

  /** A running clock of a case. */
  record Clock(String clock, String label, Instant dueAt, boolean overdue) {}

  /** One open case. */
  record Line(
      String caseNo,
      String flow,
      String flowLabel,
      String category,
      List<Clock> clocks,
      List<String> holders,
      Task firstTask) {}

  private record Row(String caseNo, String flow, String category) {}

  long count(String community) {
    return jdbc.sql(
            """
            select count(*) from case_file
            where community_code = ? and closed_at is null and flow <> ?""")
        .params(community, DailyInspectionFlow.KEY)
        .query(Long.class)
        .single();
  }

  List<Line> of(String community, int limit) {
    Instant now = Times.now();
    return jdbc
        .sql(
            """
            select case_no, flow, category from case_file
            where community_code = ? and closed_at is null and flow <> ?
            order by reported_at, id limit ?""")
        .params(community, DailyInspectionFlow.KEY, limit)
        .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3)))
        .list()
        .stream()
        .map(r -> line(r, now))
        .toList();
  }

  private Line line(Row r, Instant now) {
    Flow flow = flows.find(r.flow()).orElse(null);
    List<Clock> running =
        clocks.of(r.caseNo(), false).stream()
            .filter(
                c -> c.state() == ClockStates.State.OPEN || c.state() == ClockStates.State.BREACHED)
            .filter(c -> c.stoppedAt() == null)
            .map(
                c ->
                    new Clock(
                        c.clock(),
                        flows.clockLabel(c.clock()),
                        c.dueAt(),
                        c.dueAt() != null && c.dueAt().isBefore(now)))
            .toList();
    List<Task> open =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(r.caseNo())
            .active()
            .orderByTaskCreateTime()
            .asc()
            .list();
    List<String> holders = open.stream().map(this::holder).distinct().toList();
    return new Line(
        r.caseNo(),
        r.flow(),
        flow == null ? r.flow() : flow.label(),
        flow == null ? r.category() : flow.categoryLabel(r.category()),
        running,
        holders,
        open.isEmpty() ? null : open.get(0));
  }

  /** {@code user:id}, else {@code group:a,group:b}, as the ledger names holders. */
  String holder(Task t) {
    if (t.getAssignee() != null) return "user:" + t.getAssignee();
    return tasks.getIdentityLinksForTask(t.getId()).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .map(g -> "group:" + g)
        .collect(Collectors.joining(","));
  }

  /** The task form's text: one line per case. */
  static String text(List<Line> lines, long total) {
    if (lines.isEmpty()) return "本社区目前没有在办案件。";
    StringBuilder b = new StringBuilder();
    int shown = 0;
    for (Line l : lines) {
      if (b.length() > TEXT_LIMIT - 300) break;
      shown++;
      b.append(l.caseNo()).append("｜").append(l.flowLabel());
      if (l.category() != null) b.append("｜").append(l.category());
      for (Clock c : l.clocks()) {
        b.append("｜")
            .append(c.label())
            .append(c.overdue() ? " 已超时 " : " 至 ")
            .append(Times.label(c.dueAt()));
      }
      b.append("｜承办：").append(l.holders().isEmpty() ? "无待办任务" : String.join("；", l.holders()));
      b.append('\n');
    }
    if (shown < total)
      b.append("……共 ").append(total).append(" 件在办案件，此处列出 ").append(shown).append(" 件，完整清单见巡查清单。");
    return b.toString();
  }
}
