package io.linli.dailycheck;

import io.linli.calendar.WorkingCalendar;
import io.linli.caselog.CaseLog;
import io.linli.cases.CaseFiles;
import io.linli.community.Community;
import io.linli.community.CommunityDirectory;
import io.linli.system.Times;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens each working day's check per community (the daily round's service task calls {@link
 * #openToday()}; several nodes or rounds open it once: unique per community and day) and records a
 * completed check ({@code daily_check}). A holiday, a weekend that is no 调休 working day and the
 * hours before the community's first working period open nothing.
 */
@Service("dailyInspections")
public class DailyInspections implements TaskListener {

  private final CommunityDirectory directory;
  private final WorkingCalendar calendar;
  private final CaseFiles files;
  private final CaseLog caseLog;
  private final OpenCases openCases;
  private final RuntimeService runtime;
  private final JdbcClient jdbc;

  DailyInspections(
      CommunityDirectory directory,
      WorkingCalendar calendar,
      CaseFiles files,
      CaseLog caseLog,
      OpenCases openCases,
      RuntimeService runtime,
      JdbcClient jdbc) {
    this.directory = directory;
    this.calendar = calendar;
    this.files = files;
    this.caseLog = caseLog;
    this.openCases = openCases;
    this.runtime = runtime;
    this.jdbc = jdbc;
  }

  /** The daily round: today's checks of every community whose working day has begun. */
  public void openToday() {
    Instant now = Times.now();
    LocalDate today = now.atZone(Times.BEIJING).toLocalDate();
    for (Community c : directory.communities()) {
      LocalTime opens = calendar.hours(c.code()).periods().get(0).start();
      if (!now.isBefore(ZonedDateTime.of(today, opens, Times.BEIJING).toInstant())) open(c, today);
    }
  }

  /**
   * Opens {@code day}'s check of every community for which it is a working day; returns the new
   * case numbers.
   */
  @Transactional
  public List<String> openFor(LocalDate day) {
    List<String> opened = new ArrayList<>();
    for (Community c : directory.communities()) open(c, day).ifPresent(opened::add);
    return opened;
  }

  @Transactional
  Optional<String> open(Community c, LocalDate day) {
    if (!calendar.workingDay(day, c.code())) return Optional.empty();
    Instant now = Times.now();
    Long id = jdbc.sql("select nextval('daily_check_id_seq')").query(Long.class).single();
    String caseNo = String.format("XJ-%d-%06d", day.getYear(), id);
    List<OpenCases.Line> lines = openCases.of(c.code(), OpenCases.FORM_LIMIT);
    long total = openCases.count(c.code());
    int inserted =
        jdbc.sql(
                """
            insert into daily_check (id, community_code, check_date, case_no, opened_at, open_cases)
            values (?, ?, ?, ?, ?, ?) on conflict (community_code, check_date) do nothing""")
            .params(id, c.code(), day, caseNo, Timestamp.from(now), total)
            .update();
    if (inserted == 0) return Optional.empty();
    files.open(
        new CaseFiles.NewCase(
            DailyInspectionFlow.KEY,
            id,
            caseNo,
            c.code(),
            null,
            null,
            "DAILY",
            null,
            c.name() + " " + day + " 每日巡查",
            "OPEN",
            now,
            null,
            null,
            null));
    Map<String, Object> vars = new HashMap<>();
    vars.put("caseId", id);
    vars.put("caseNo", caseNo);
    vars.put("communityCode", c.code());
    vars.put("checkDate", day.toString());
    vars.put("openedAt", Date.from(now));
    vars.put("summary", c.name() + " " + day + " 每日巡查");
    vars.put("locationLabel", c.name());
    vars.put("openCasesList", OpenCases.text(lines, total));
    var pi = runtime.startProcessInstanceByKey(DailyInspectionProcess.KEY, caseNo, vars);
    files.setProcessInstance(DailyInspectionFlow.KEY, id, pi.getId());
    caseLog.record(
        DailyInspectionFlow.KEY, caseNo, DailyInspectionEvent.INSPECTION_OPENED, "系统", null);
    return Optional.of(caseNo);
  }

  /** Task_DailyCheck completed: the check is recorded and its case closed. */
  @Override
  public void notify(DelegateTask task) {
    long id = ((Number) task.getVariable("caseId")).longValue();
    String caseNo = (String) task.getVariable("caseNo");
    Instant now = Times.now();
    Object note = task.getVariable("checkNote");
    jdbc.sql("update daily_check set completed_at = ?, completed_by = ?, note = ? where id = ?")
        .params(
            Timestamp.from(now),
            task.getAssignee(),
            note instanceof String s && !s.isBlank() ? s.strip() : null,
            id)
        .update();
    files.close(DailyInspectionFlow.KEY, id, "DONE", now);
    caseLog.record(
        DailyInspectionFlow.KEY, caseNo, DailyInspectionEvent.INSPECTION_DONE, "社区党委", null);
  }

  /** A check as stored. */
  record Check(
      long id,
      String caseNo,
      String communityCode,
      LocalDate checkDate,
      Instant openedAt,
      int openCases,
      Instant completedAt,
      String completedBy) {}

  Optional<Check> find(String caseNo) {
    return jdbc.sql(
            """
            select id, case_no, community_code, check_date, opened_at, open_cases, completed_at, completed_by
            from daily_check where case_no = ?""")
        .param(caseNo)
        .query(
            (rs, n) ->
                new Check(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getDate(4).toLocalDate(),
                    rs.getTimestamp(5).toInstant(),
                    rs.getInt(6),
                    rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(),
                    rs.getString(8)))
        .optional();
  }
}
