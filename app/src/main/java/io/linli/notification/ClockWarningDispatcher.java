package io.linli.notification;

import io.linli.cases.Flow;
import io.linli.cases.Flows;
import io.linli.sla.SlaWarnings;
import io.linli.system.Times;
import java.sql.Array;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the 临期预警 that fell due ({@link SlaWarnings}): each node polls, claims due warnings with
 * {@code FOR UPDATE SKIP LOCKED} and, in the same transaction, queues one staff notification per
 * holder of the tasks that run the clock ({@link StaffNotifications}: each task's assignee, else
 * its candidate groups' members; a multi-instance task's every holder) and marks the warning sent.
 * A warning whose tasks are gone — the clock stopped — is marked stopped and sends nothing.
 */
@Component
class ClockWarningDispatcher {

  private static final Logger log = LoggerFactory.getLogger(ClockWarningDispatcher.class);
  private static final int BATCH = 50;

  private final SlaWarnings warnings;
  private final StaffNotifications staff;
  private final JdbcClient jdbc;
  private final Flows flows;
  private final TransactionTemplate tx;

  ClockWarningDispatcher(
      SlaWarnings warnings,
      StaffNotifications staff,
      JdbcClient jdbc,
      Flows flows,
      TransactionTemplate tx) {
    this.warnings = warnings;
    this.staff = staff;
    this.jdbc = jdbc;
    this.flows = flows;
    this.tx = tx;
  }

  @Scheduled(
      fixedDelayString = "${linli.notification.poll-interval:PT2S}",
      initialDelayString = "${linli.notification.poll-interval:PT2S}")
  void poll() {
    try {
      while (warnDue() == BATCH) {
        // a full batch: there may be more due
      }
    } catch (RuntimeException e) {
      log.warn("clock warning pass failed; next pass retries", e);
    }
  }

  /** One pass: warns the holders of every clock whose warning time has come. */
  int warnDue() {
    Integer n =
        tx.execute(
            s -> {
              Instant now = Times.now();
              List<SlaWarnings.Due> due = warnings.claimDue(now, BATCH);
              for (SlaWarnings.Due w : due) {
                List<RunningTask> running = running(w.processInstanceId(), w.activityId());
                if (running.isEmpty()) {
                  warnings.markStopped(w.id());
                  continue;
                }
                Set<String> reached = new LinkedHashSet<>();
                String key = "warn:" + w.caseNo() + ":" + w.clock() + ":" + w.level();
                for (RunningTask task : running) {
                  List<String> groups = task.assignee() != null ? List.of() : task.groups();
                  reached.addAll(
                      staff.notifyHolder(task.assignee(), groups, key, message(w, task)));
                }
                warnings.markSent(w.id(), now, reached.size());
              }
              return due.size();
            });
    return n == null ? 0 : n;
  }

  /** An active task of the warned activity: the fields a warning needs. */
  private record RunningTask(String id, String name, String assignee, List<String> groups) {}

  /**
   * The active tasks of the activity, oldest id first as a task query orders them, with their
   * candidate groups: one statement instead of a {@code TaskQuery} and a look-up of each task's
   * identity links (building the task query's dynamic SQL costs more CPU than running it; a burst
   * of due clocks brings a burst of warnings, docs/scaling.md).
   */
  private List<RunningTask> running(String processInstanceId, String activityId) {
    return jdbc.sql(
            """
            select t.id_, t.name_, t.assignee_,
              array(select l.group_id_ from act_ru_identitylink l
                    where l.task_id_ = t.id_ and l.type_ = 'candidate'
                      and l.group_id_ is not null) as groups
            from act_ru_task t
            where t.proc_inst_id_ = ? and t.task_def_key_ = ? and t.suspension_state_ = 1
            order by t.id_""")
        .params(processInstanceId, activityId)
        .query(
            (rs, n) -> {
              Array groups = rs.getArray(4);
              return new RunningTask(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  groups == null ? List.of() : Arrays.asList((String[]) groups.getArray()));
            })
        .list();
  }

  private StaffNotifications.Message message(SlaWarnings.Due w, RunningTask task) {
    String noun = flows.find(w.flow()).map(Flow::noun).orElse("案件");
    String clock = flows.clockLabel(w.clock()) + (w.level() > 0 ? "（督办）" : "");
    String subject = "【邻里】临期预警：" + noun + " " + w.caseNo() + " " + clock;
    String body =
        "【邻里】您好！您办理的"
            + noun
            + " "
            + w.caseNo()
            + "「"
            + task.name()
            + "」的"
            + clock
            + "将于"
            + Times.label(w.dueAt())
            + "到期，请及时处理。";
    return new StaffNotifications.Message("SLA_WARNING", w.flow(), w.caseNo(), subject, body);
  }
}
