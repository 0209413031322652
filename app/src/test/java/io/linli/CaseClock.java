package io.linli;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Time and jobs for the process tests of every flow: the engine clock is pinned and moved, never
 * waited for, and a case's due jobs are executed as the job executor would — the case's own
 * instance and the escalations it called, which carry its number as business key. Other tests'
 * cases in the shared database are left alone.
 */
@Component
public class CaseClock {

  private final RuntimeService runtime;
  private final ManagementService management;
  private final TaskService tasks;

  CaseClock(RuntimeService runtime, ManagementService management, TaskService tasks) {
    this.runtime = runtime;
    this.management = management;
    this.tasks = tasks;
  }

  /** Pins the engine clock to a whole second, so due dates compare exactly. */
  public void pin() {
    ClockUtil.setCurrentTime(Date.from(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
  }

  public void at(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  public void advance(Duration d) {
    at(now().plus(d));
  }

  public Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /**
   * Runs the case's due jobs one at a time, earliest first, until none is due: one job may end
   * others (a vote's deadline cancels its pending continuations).
   *
   * @return how many jobs ran
   */
  public int executeDueJobs(String businessKey) {
    for (int ran = 0; ran < 500; ran++) {
      List<Job> due = new ArrayList<>();
      for (ProcessInstance pi :
          runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list()) {
        // active(): the job executor never acquires a suspended job (a paused clock's timer)
        due.addAll(
            management.createJobQuery().processInstanceId(pi.getId()).executable().active().list());
      }
      if (due.isEmpty()) return ran;
      due.sort(
          Comparator.comparing(Job::getDuedate, Comparator.nullsFirst(Comparator.naturalOrder())));
      management.executeJob(due.get(0).getId());
    }
    throw new AssertionError("jobs keep becoming due");
  }

  /** 社区党委 and 街道党工委 complete every open 督办 of the case, keeping the original handler. */
  public void superviseAll(String businessKey) {
    for (Task t :
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(businessKey)
            .taskDefinitionKeyIn("Task_SuperviseCommunity", "Task_SuperviseStreet")
            .list()) {
      tasks.claim(
          t.getId(),
          t.getTaskDefinitionKey().equals("Task_SuperviseStreet") ? "street1" : "committee1");
      tasks.complete(
          t.getId(), new HashMap<>(Map.of("supervisionNote", "已督促承办方", "reassignTo", "")));
    }
  }
}
