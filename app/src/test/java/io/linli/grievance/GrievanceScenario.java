package io.linli.grievance;

import static org.assertj.core.api.Assertions.assertThat;

import io.linli.CaseClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Drives grievances through the real services and engine, the way staff and residents would, for
 * the process tests. Time moves only through {@link #advance}.
 */
@Component
class GrievanceScenario {

  static final String COMMUNITY = "tfsq";

  private final GrievanceIntake intake;
  private final GrievanceRatings ratings;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final CaseClock clock;

  GrievanceScenario(
      GrievanceIntake intake,
      GrievanceRatings ratings,
      RuntimeService runtime,
      TaskService tasks,
      CaseClock clock) {
    this.intake = intake;
    this.ratings = ratings;
    this.runtime = runtime;
    this.tasks = tasks;
    this.clock = clock;
  }

  /** A reported case, with its process instance. */
  record Case(String caseNo, ProcessInstance instance) {}

  Case report(Category category) {
    return report(category, Channel.WEB, null);
  }

  Case report(Category category, Channel channel, String recordedBy) {
    GrievanceIntake.Receipt receipt =
        intake.report(
            new GrievanceIntake.Report(
                COMMUNITY,
                "dtsz",
                "b3",
                category,
                "3栋门口的" + category.label() + "问题，请尽快处理",
                "周女士",
                "13800001234",
                channel,
                recordedBy));
    ProcessInstance pi =
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(receipt.caseNo())
            .processDefinitionKey(GrievanceProcess.KEY)
            .singleResult();
    return new Case(receipt.caseNo(), pi);
  }

  /** The process instance of a case reported elsewhere (e.g. over HTTP). */
  ProcessInstance task(String caseNo, String expectedTaskKey) {
    ProcessInstance pi =
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(caseNo)
            .processDefinitionKey(GrievanceProcess.KEY)
            .singleResult();
    task(new Case(caseNo, pi), expectedTaskKey);
    return pi;
  }

  Task task(Case c, String taskKey) {
    Task t =
        tasks
            .createTaskQuery()
            .processInstanceId(c.instance().getId())
            .taskDefinitionKey(taskKey)
            .singleResult();
    assertThat(t).as("open task %s of %s", taskKey, c.caseNo()).isNotNull();
    return t;
  }

  /** Claims the task as {@code user} and completes it with the form's values. */
  void complete(Case c, String taskKey, String user, Map<String, Object> form) {
    Task t = task(c, taskKey);
    tasks.claim(t.getId(), user);
    tasks.complete(t.getId(), form);
  }

  void triage(Case c, Tier tier) {
    complete(
        c,
        GrievanceProcess.TASK_TRIAGE,
        "grid1",
        Map.of("category", variable(c, "category"), "tier", tier.name(), "triageNote", ""));
  }

  boolean rate(Case c, Rating rating) {
    return ratings.rate(c.caseNo(), rating, rating == Rating.DISSATISFIED ? "还是不行" : "");
  }

  /** 党小组回访, then the asynchronous 结案 step the job executor would run. */
  void followUpAndClose(Case c) {
    complete(
        c,
        GrievanceProcess.TASK_FOLLOW_UP_VISIT,
        "party1",
        Map.of("followUpMethod", "PHONE", "followUpSatisfaction", "SATISFIED", "followUpNote", ""));
    executeDueJobs(c);
  }

  Object variable(Case c, String name) {
    return runtime.getVariable(c.instance().getId(), name);
  }

  void advance(Duration d) {
    clock.advance(d);
  }

  /** Runs the due jobs of this case and the escalations it called (see {@link CaseClock}). */
  int executeDueJobs(Case c) {
    return clock.executeDueJobs(c.caseNo());
  }

  Instant now() {
    return clock.now();
  }

  void pinClock() {
    clock.pin();
  }
}
