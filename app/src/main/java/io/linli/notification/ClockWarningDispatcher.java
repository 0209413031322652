package io.linli.notification;

import io.linli.cases.Flow;
import io.linli.cases.Flows;
import io.linli.sla.SlaWarnings;
import io.linli.system.Times;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
  private final TaskService tasks;
  private final Flows flows;
  private final TransactionTemplate tx;

  ClockWarningDispatcher(
      SlaWarnings warnings,
      StaffNotifications staff,
      TaskService tasks,
      Flows flows,
      TransactionTemplate tx) {
    this.warnings = warnings;
    this.staff = staff;
    this.tasks = tasks;
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
                List<Task> running =
                    tasks
                        .createTaskQuery()
                        .processInstanceId(w.processInstanceId())
                        .taskDefinitionKey(w.activityId())
                        .active()
                        .list();
                if (running.isEmpty()) {
                  warnings.markStopped(w.id());
                  continue;
                }
                Set<String> reached = new LinkedHashSet<>();
                String key = "warn:" + w.caseNo() + ":" + w.clock() + ":" + w.level();
                for (Task task : running) {
                  List<String> groups =
                      task.getAssignee() != null
                          ? List.of()
                          : tasks.getIdentityLinksForTask(task.getId()).stream()
                              .filter(
                                  l ->
                                      IdentityLinkType.CANDIDATE.equals(l.getType())
                                          && l.getGroupId() != null)
                              .map(IdentityLink::getGroupId)
                              .toList();
                  reached.addAll(
                      staff.notifyHolder(task.getAssignee(), groups, key, message(w, task)));
                }
                warnings.markSent(w.id(), now, reached.size());
              }
              return due.size();
            });
    return n == null ? 0 : n;
  }

  private StaffNotifications.Message message(SlaWarnings.Due w, Task task) {
    String noun = flows.find(w.flow()).map(Flow::noun).orElse("案件");
    String clock = flows.clockLabel(w.clock()) + (w.level() > 0 ? "（督办）" : "");
    String subject = "【邻里】临期预警：" + noun + " " + w.caseNo() + " " + clock;
    String body =
        "【邻里】您好！您办理的"
            + noun
            + " "
            + w.caseNo()
            + "「"
            + task.getName()
            + "」的"
            + clock
            + "将于"
            + Times.label(w.dueAt())
            + "到期，请及时处理。";
    return new StaffNotifications.Message("SLA_WARNING", w.flow(), w.caseNo(), subject, body);
  }
}
