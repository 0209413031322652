package io.linli.dailycheck;

import io.linli.caselog.CaseLog;
import io.linli.cases.CaseFile;
import io.linli.cases.CaseFiles;
import io.linli.cases.Flow;
import io.linli.cases.Flows;
import io.linli.notification.StaffNotifications;
import io.linli.system.ApiError;
import io.linli.system.Times;
import java.sql.Timestamp;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 督促 from a daily check: the holder of each open task of a case of the check's community gets a
 * staff notification, and the case's log records it. Once per check and case: a repeated request
 * answers with the first one and sends nothing again.
 */
@Service
class DailyCheckUrges {

  private final DailyInspections checks;
  private final CaseFiles files;
  private final Flows flows;
  private final CaseLog caseLog;
  private final StaffNotifications staff;
  private final TaskService tasks;
  private final JdbcClient jdbc;

  DailyCheckUrges(
      DailyInspections checks,
      CaseFiles files,
      Flows flows,
      CaseLog caseLog,
      StaffNotifications staff,
      TaskService tasks,
      JdbcClient jdbc) {
    this.checks = checks;
    this.files = files;
    this.flows = flows;
    this.caseLog = caseLog;
    this.staff = staff;
    this.tasks = tasks;
    this.jdbc = jdbc;
  }

  record Urged(String checkNo, String caseNo, int reached, boolean repeated) {}

  @Transactional
  Urged urge(DailyInspections.Check check, String caseNo, String note, String actor) {
    CaseFile c =
        files
            .find(caseNo)
            .filter(
                f ->
                    f.communityCode().equals(check.communityCode())
                        && !f.flow().equals(DailyInspectionFlow.KEY))
            .orElseThrow(() -> ApiError.invalid("caseNo", "本社区没有这个案件"));
    if (c.closed()) throw ApiError.invalid("caseNo", "案件已办结，无需督促");
    List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(caseNo).active().list();
    if (open.isEmpty()) throw ApiError.invalid("caseNo", "案件当前没有待办任务，无人可督促");
    // the row first: a concurrent repeat waits on it and then finds it there
    int claimed =
        jdbc.sql(
                """
            insert into daily_check_urge (check_id, case_no, urged_at, urged_by, reached)
            values (?, ?, ?, ?, 0) on conflict (check_id, case_no) do nothing""")
            .params(check.id(), caseNo, Timestamp.from(Times.now()), actor)
            .update();
    if (claimed == 0) {
      int before =
          jdbc.sql("select reached from daily_check_urge where check_id = ? and case_no = ?")
              .params(check.id(), caseNo)
              .query(Integer.class)
              .single();
      return new Urged(check.caseNo(), caseNo, before, true);
    }

    Flow flow = flows.get(c.flow());
    String subject = "【邻里】社区督促：" + flow.noun() + " " + caseNo;
    Set<String> reached = new LinkedHashSet<>();
    for (Task t : open) {
      String body =
          "【邻里】您好！社区每日巡查督促您尽快办理"
              + flow.noun()
              + " "
              + caseNo
              + "「"
              + t.getName()
              + "」"
              + (t.getDueDate() == null ? "" : "（到期时间 " + Times.label(t.getDueDate()) + "）")
              + "。";
      List<String> groups =
          t.getAssignee() != null
              ? List.of()
              : tasks.getIdentityLinksForTask(t.getId()).stream()
                  .filter(
                      l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                  .map(IdentityLink::getGroupId)
                  .toList();
      reached.addAll(
          staff.notifyHolder(
              t.getAssignee(),
              groups,
              "urge:" + check.caseNo() + ":" + caseNo + ":" + t.getId(),
              new StaffNotifications.Message("URGE", c.flow(), caseNo, subject, body)));
    }
    jdbc.sql("update daily_check_urge set reached = ? where check_id = ? and case_no = ?")
        .params(reached.size(), check.id(), caseNo)
        .update();
    caseLog.record(
        c.flow(),
        caseNo,
        DailyInspectionEvent.URGED,
        "社区党委",
        note == null || note.isBlank() ? "每日巡查 " + check.caseNo() : note.strip());
    return new Urged(check.caseNo(), caseNo, reached.size(), false);
  }
}
