package io.linli.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import io.linli.CaseClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Drives topics through the real services and engine, the way residents, the party branch,
 * representatives and the responsible body would, for the consultation tests. Time moves only
 * through {@link #advance}.
 */
@Component
class ConsultationScenario {

  static final String COMMUNITY = "tfsq";
  static final String ESTATE = "dtsz";
  static final int REPRESENTATIVES = 33;

  private final ConsultationProposals proposals;
  private final ConsultationVotes votes;
  private final ConsultationRatings ratings;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final CaseClock clock;

  ConsultationScenario(
      ConsultationProposals proposals,
      ConsultationVotes votes,
      ConsultationRatings ratings,
      RuntimeService runtime,
      TaskService tasks,
      CaseClock clock) {
    this.proposals = proposals;
    this.votes = votes;
    this.ratings = ratings;
    this.runtime = runtime;
    this.tasks = tasks;
    this.clock = clock;
  }

  /** A proposed topic, with its process instance. */
  record Topic(String topicNo, ProcessInstance instance) {}

  Topic propose(TopicCategory category, String title) {
    ConsultationProposals.Receipt r =
        proposals.propose(
            new ConsultationProposals.Proposal(
                COMMUNITY,
                ESTATE,
                category,
                title,
                title + "，居民反映多次，请小区党支部组织协商",
                "resident1",
                ProposerRole.RESIDENT));
    return topic(r.topicNo());
  }

  Topic topic(String topicNo) {
    ProcessInstance pi =
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(topicNo)
            .processDefinitionKey(ConsultationProcess.KEY)
            .singleResult();
    return new Topic(topicNo, pi);
  }

  static String representative(int n) {
    return String.format("rep%02d", n);
  }

  /** The collection window (P7D) passes: the topic goes to review. */
  void endCollection(Topic t) {
    advance(Duration.ofDays(7).plusMinutes(1));
    executeDueJobs(t);
  }

  /** Proposed, collected and accepted: the party branch is to schedule the meeting. */
  Topic accepted(TopicCategory category, String title) {
    Topic t = propose(category, title);
    endCollection(t);
    review(t, ReviewDecision.ACCEPT, null, "涉及全体业主，同意受理");
    return t;
  }

  void review(Topic t, ReviewDecision decision, String mergeInto, String reason) {
    Map<String, Object> form = new HashMap<>();
    form.put("reviewDecision", decision.name());
    form.put("mergeInto", mergeInto);
    form.put("reviewReason", reason);
    complete(t, ConsultationProcess.TASK_REVIEW, "party1", form);
  }

  /** Schedules the round's meeting {@code ahead} from now (Beijing time, as the form sends it). */
  Instant scheduleMeeting(Topic t, Duration ahead) {
    Instant at = now().plus(ahead).truncatedTo(ChronoUnit.MINUTES);
    complete(
        t,
        ConsultationProcess.TASK_SCHEDULE_MEETING,
        "party1",
        Map.of(
            "meetingAt",
            at.atOffset(ZoneOffset.ofHours(8)).toString(),
            "meetingPlace",
            "小区党群服务站二楼会议室",
            "propertyAttends",
            true,
            "ownersCommitteeAttends",
            false));
    return at;
  }

  /** Representatives 1.. vote: first {@code agree} agree, then disagree, then abstain. */
  void vote(Topic t, int agree, int disagree, int abstain) {
    int n = 1;
    for (int i = 0; i < agree; i++)
      votes.vote(t.topicNo(), representative(n++), VoteChoice.AGREE, null);
    for (int i = 0; i < disagree; i++)
      votes.vote(t.topicNo(), representative(n++), VoteChoice.DISAGREE, "费用太高");
    for (int i = 0; i < abstain; i++)
      votes.vote(t.topicNo(), representative(n++), VoteChoice.ABSTAIN, null);
    executeDueJobs(t);
  }

  /**
   * Agreed by 25 of 33 and listed with the property company and {@code deadline} (null: default).
   */
  Topic listed(TopicCategory category, String title, Instant deadline) {
    Topic t = accepted(category, title);
    scheduleMeeting(t, Duration.ofDays(1));
    vote(t, 25, 5, 3);
    plan(t, deadline);
    return t;
  }

  void plan(Topic t, Instant deadline) {
    Map<String, Object> form = new HashMap<>();
    form.put("responsibleBody", ResponsibleBody.PROPERTY_COMPANY.name());
    form.put("responsibleName", "蜀信物业");
    form.put(
        "executionDeadline",
        deadline == null ? null : deadline.atOffset(ZoneOffset.ofHours(8)).toString());
    form.put("executionPlan", "物业公司牵头实施，党支部和楼栋代表监督");
    complete(t, ConsultationProcess.TASK_PLAN_EXECUTION, "party1", form);
  }

  void execute(Topic t) {
    complete(t, ConsultationProcess.TASK_EXECUTE, "property1", Map.of("executionResult", "已按方案完成"));
  }

  /** Residents of the estate rate; each rating is a different resident. */
  void rate(Topic t, int satisfied, int basicallySatisfied, int dissatisfied) {
    int n = 0;
    for (int i = 0; i < satisfied; i++)
      ratings.rate(t.topicNo(), resident(t, n++), Satisfaction.SATISFIED, null);
    for (int i = 0; i < basicallySatisfied; i++)
      ratings.rate(t.topicNo(), resident(t, n++), Satisfaction.BASICALLY_SATISFIED, null);
    for (int i = 0; i < dissatisfied; i++)
      ratings.rate(t.topicNo(), resident(t, n++), Satisfaction.DISSATISFIED, "没有解决");
  }

  private static String resident(Topic t, int n) {
    return "resident-" + t.topicNo() + "-" + n;
  }

  /** The evaluation window (P7D) passes. */
  void endEvaluation(Topic t) {
    advance(Duration.ofDays(7).plusMinutes(1));
    executeDueJobs(t);
  }

  Task task(Topic t, String taskKey) {
    Task task =
        tasks
            .createTaskQuery()
            .processInstanceId(t.instance().getId())
            .taskDefinitionKey(taskKey)
            .singleResult();
    assertThat(task).as("open task %s of %s", taskKey, t.topicNo()).isNotNull();
    return task;
  }

  List<Task> voteTasks(Topic t) {
    return tasks
        .createTaskQuery()
        .processInstanceId(t.instance().getId())
        .taskDefinitionKey(ConsultationProcess.TASK_VOTE)
        .list();
  }

  /** Claims the task as {@code user} and completes it with the form's values. */
  void complete(Topic t, String taskKey, String user, Map<String, Object> form) {
    Task task = task(t, taskKey);
    tasks.claim(task.getId(), user);
    tasks.complete(task.getId(), form);
  }

  Object variable(Topic t, String name) {
    return runtime.getVariable(t.instance().getId(), name);
  }

  void advance(Duration d) {
    clock.advance(d);
  }

  /** Runs the due jobs of this case and the escalations it called (see {@link CaseClock}). */
  int executeDueJobs(Topic t) {
    return clock.executeDueJobs(t.topicNo());
  }

  Instant now() {
    return clock.now();
  }

  void pinClock() {
    clock.pin();
  }
}
