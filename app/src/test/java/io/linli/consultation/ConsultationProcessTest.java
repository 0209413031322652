package io.linli.consultation;

import static io.linli.consultation.ConsultationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.linli.LinliSpringTest;
import io.linli.caselog.CaseEventKind;
import io.linli.caselog.CaseLog;
import io.linli.caselog.CommonEvent;
import io.linli.sla.SlaLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.assertj.core.groups.Tuple;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Process tier: the paths of the consultation flow (征—审—议—办—评), on the real engine and PostgreSQL
 * with the real listeners and delegates. Time moves with {@link ClockUtil}; the tests execute due
 * jobs. The execution clock's escalation is in {@code ConsultationEscalationTest}, the 33
 * concurrent votes in {@code ConsultationVoteConcurrencyTest}.
 */
@LinliSpringTest
class ConsultationProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired ConsultationScenario scenario;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;
  @Autowired Topics topics;
  @Autowired Rounds rounds;
  @Autowired Checklist checklist;
  @Autowired ConsultationProposals proposals;
  @Autowired ConsultationVotes votes;
  @Autowired CaseLog caseLog;
  @Autowired SlaLedger ledger;
  @Autowired io.linli.sla.SlaPolicy policy;

  @BeforeEach
  void init() {
    AbstractAssertions.init(engine);
    scenario.pinClock();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  @DisplayName("议事协商流程和表单随应用部署")
  void shouldDeploy() {
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(KEY).count())
        .isPositive();
  }

  @Test
  @DisplayName("征—审—议—办—评：征集期满受理，33名楼栋代表表决通过，按时办理，居民满意后公示")
  void acceptedAgreedAndExecutedInTime() {
    // 征
    ConsultationScenario.Topic t = scenario.propose(TopicCategory.PUBLIC_FACILITY, "小区大门增设人脸识别门禁");
    Instant proposed = scenario.now();
    assertThat(t.instance()).isWaitingAt(EVENT_COLLECTION_ENDED);
    assertThat(state(t)).isEqualTo(TopicState.COLLECTING);
    assertThat(proposals.support(t.topicNo(), "resident2")).isEqualTo(2);
    assertThat(proposals.support(t.topicNo(), "resident3")).isEqualTo(3);
    assertThat(
            management
                .createJobQuery()
                .processInstanceId(t.instance().getId())
                .singleResult()
                .getDuedate()
                .toInstant())
        .isEqualTo(proposed.plus(Duration.ofDays(7)));
    scenario.advance(Duration.ofDays(7).minusMinutes(1));
    Assertions.assertThat(scenario.executeDueJobs(t)).as("collection window still open").isZero();
    scenario.advance(Duration.ofMinutes(2));
    scenario.executeDueJobs(t);

    // 审
    assertThat(t.instance()).isWaitingAt(TASK_REVIEW);
    Task review = scenario.task(t, TASK_REVIEW);
    assertThat(groups(review)).containsExactly("tfsq-party-group");
    assertThat(review.getDueDate().toInstant())
        .as("3 working days")
        .isEqualTo(policy.due("consultation.review", scenario.now(), "tfsq"));
    assertThat(scenario.variable(t, "supporterCount")).isEqualTo(3);
    scenario.review(t, ReviewDecision.ACCEPT, null, "涉及小区安防，同意受理");

    // 议
    assertThat(t.instance()).isWaitingAt(TASK_SCHEDULE_MEETING);
    assertThat(state(t)).isEqualTo(TopicState.DELIBERATING);
    Instant meetingAt = scenario.scheduleMeeting(t, Duration.ofDays(2));
    List<Task> voteTasks = scenario.voteTasks(t);
    assertThat(voteTasks)
        .extracting(Task::getAssignee)
        .containsExactlyInAnyOrderElementsOf(
            java.util.stream.IntStream.rangeClosed(1, 33)
                .mapToObj(ConsultationScenario::representative)
                .toList());
    assertThat(voteTasks)
        .allSatisfy(
            task ->
                Assertions.assertThat(task.getDueDate().toInstant())
                    .isEqualTo(meetingAt.plus(Duration.ofDays(3))));
    scenario.vote(t, 25, 5, 3);

    assertThat(t.instance())
        .hasPassed(TASK_TALLY_VOTES)
        .hasNotPassed(TIMER_VOTE_CLOSED)
        .isWaitingAt(TASK_PLAN_EXECUTION);
    Rounds.Meeting round1 = rounds.meeting(topic(t).id(), 1).orElseThrow();
    assertThat(List.of(round1.eligible(), round1.agree(), round1.disagree(), round1.abstain()))
        .containsExactly(33, 25, 5, 3);
    assertThat(round1.outcome()).isEqualTo(VoteOutcome.AGREED);
    assertThat(round1.participants()).contains("楼栋代表33名", "物业公司");

    // 办
    Instant deadline = scenario.now().plus(Duration.ofDays(20));
    scenario.plan(t, deadline);
    Task execute = scenario.task(t, TASK_EXECUTE);
    assertThat(groups(execute)).containsExactly("tfsq-property-staff");
    assertThat(execute.getDueDate().toInstant()).isEqualTo(deadline);
    assertThat(state(t)).isEqualTo(TopicState.EXECUTING);
    scenario.advance(Duration.ofDays(19));
    Assertions.assertThat(scenario.executeDueJobs(t))
        .as("no clock due before the deadline")
        .isZero();
    scenario.execute(t);

    // 评
    assertThat(t.instance()).isWaitingAt(EVENT_EVALUATION_ENDED);
    assertThat(state(t)).isEqualTo(TopicState.EVALUATING);
    scenario.rate(t, 6, 2, 1);
    scenario.endEvaluation(t);

    assertThat(t.instance())
        .isEnded()
        .hasPassed(TASK_PUBLISH_RESULT, END_CLOSED)
        .hasNotPassed(TASK_REWORK);
    assertThat(ledger.entriesOf(t.topicNo())).as("no clock breached").isEmpty();
    Checklist.Item item = checklist.find(t.topicNo()).orElseThrow();
    assertThat(item.state()).isEqualTo("CLOSED");
    assertThat(item.vote().agree()).isEqualTo(25);
    assertThat(item.execution().deadline()).isEqualTo(deadline);
    assertThat(item.rating().satisfied()).isEqualTo(6);
    assertThat(item.rating().total()).isEqualTo(9);
    assertThat(item.rating().satisfactionPercent()).isEqualTo(89);
    assertThat(item.overdue()).isFalse();
    assertThat(events(t))
        .containsExactly(
            ConsultationEvent.PROPOSED,
            ConsultationEvent.TOPIC_ACCEPTED,
            ConsultationEvent.MEETING_SCHEDULED,
            ConsultationEvent.VOTE_AGREED,
            ConsultationEvent.LISTED,
            ConsultationEvent.EXECUTED,
            CommonEvent.ASKED_TO_RATE,
            ConsultationEvent.PUBLISHED);
  }

  @Test
  @DisplayName("审核不予受理：须说明理由，理由记入议题历史告知提议人")
  void rejectedAtReview() {
    ConsultationScenario.Topic t = scenario.propose(TopicCategory.PROPERTY_MANAGEMENT, "更换物业公司");
    scenario.endCollection(t);
    Task review = scenario.task(t, TASK_REVIEW);
    tasks.claim(review.getId(), "party1");
    assertThatThrownBy(() -> tasks.complete(review.getId(), Map.of("reviewDecision", "REJECT")))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("须说明理由");
    assertThat(t.instance()).isWaitingAt(TASK_REVIEW);

    tasks.complete(
        review.getId(), Map.of("reviewDecision", "REJECT", "reviewReason", "更换物业须由业主大会决定，请向业委会提出"));
    assertThat(t.instance()).isEnded().hasPassed(END_REJECTED);
    Topics.Row row = topic(t);
    assertThat(row.state()).isEqualTo(TopicState.REJECTED);
    assertThat(row.closedAt()).isEqualTo(scenario.now());
    CaseLog.Event last = caseLog.history(t.topicNo()).get(caseLog.history(t.topicNo()).size() - 1);
    assertThat(last.type()).isEqualTo(ConsultationEvent.REJECTED);
    assertThat(last.note()).contains("业主大会");
    assertThat(last.actorRole()).isEqualTo("党小组");
  }

  @Test
  @DisplayName("审核合并：议题并入本社区另一议题，附议人一并转入；不能并入自身或已结束的议题")
  void mergedIntoAnotherTopic() {
    ConsultationScenario.Topic target =
        scenario.propose(TopicCategory.SUPPORTING_FACILITY, "增设电动车充电桩");
    ConsultationScenario.Topic t = scenario.propose(TopicCategory.SUPPORTING_FACILITY, "充电桩不够用");
    proposals.support(t.topicNo(), "resident7");
    proposals.support(t.topicNo(), "resident8");
    proposals.support(target.topicNo(), "resident8");
    scenario.endCollection(t);
    scenario.executeDueJobs(target);

    Task review = scenario.task(t, TASK_REVIEW);
    tasks.claim(review.getId(), "party1");
    assertThatThrownBy(
            () ->
                tasks.complete(
                    review.getId(), Map.of("reviewDecision", "MERGE", "mergeInto", t.topicNo())))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("不能合并到本议题");
    assertThatThrownBy(
            () ->
                tasks.complete(
                    review.getId(),
                    Map.of("reviewDecision", "MERGE", "mergeInto", "YS-0000-000000")))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("没有这个议题");

    scenario.review(t, ReviewDecision.MERGE, target.topicNo(), "与充电桩议题相同");
    assertThat(t.instance()).isEnded().hasPassed(END_MERGED);
    assertThat(topic(t).state()).isEqualTo(TopicState.MERGED);
    assertThat(topic(t).mergedInto()).isEqualTo(target.topicNo());
    assertThat(topics.supporterCount(topic(target).id()))
        .as("resident1 and resident8 support both; resident7 comes along")
        .isEqualTo(3);
    assertThat(events(target)).contains(ConsultationEvent.MERGED);
    assertThat(target.instance()).isWaitingAt(TASK_REVIEW);

    ConsultationScenario.Topic late = scenario.propose(TopicCategory.SUPPORTING_FACILITY, "充电桩");
    scenario.endCollection(late);
    Task lateReview = scenario.task(late, TASK_REVIEW);
    tasks.claim(lateReview.getId(), "party1");
    assertThatThrownBy(
            () ->
                tasks.complete(
                    lateReview.getId(),
                    Map.of("reviewDecision", "MERGE", "mergeInto", t.topicNo())))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("不能合并");
  }

  @Test
  @DisplayName("第一轮截止时仅20人表决（不足三分之二）：未达法定人数，第二轮表决通过")
  void noQuorumThenAgreedInRoundTwo() {
    ConsultationScenario.Topic t = scenario.accepted(TopicCategory.PUBLIC_FACILITY, "加装高清监控制止高空抛物");
    Instant meeting1 = scenario.scheduleMeeting(t, Duration.ofDays(1));
    scenario.vote(t, 15, 3, 2);
    assertThat(t.instance()).isWaitingAt(TASK_VOTE);
    assertThat(scenario.voteTasks(t)).hasSize(13);

    Instant closes = meeting1.plus(Duration.ofDays(3));
    scenario.advance(Duration.between(scenario.now(), closes).minusSeconds(1));
    Assertions.assertThat(scenario.executeDueJobs(t)).as("vote still open").isZero();
    scenario.advance(Duration.ofSeconds(2));
    scenario.executeDueJobs(t);

    assertThat(t.instance())
        .hasPassed(TIMER_VOTE_CLOSED, TASK_TALLY_VOTES)
        .isWaitingAt(TASK_SCHEDULE_MEETING);
    assertThat(scenario.voteTasks(t)).as("the 13 open vote tasks closed with the vote").isEmpty();
    assertThat(rounds.meeting(topic(t).id(), 1).orElseThrow().outcome())
        .isEqualTo(VoteOutcome.NO_QUORUM);
    assertThat(scenario.variable(t, "round")).isEqualTo(2);
    assertThat(state(t)).isEqualTo(TopicState.DELIBERATING);

    scenario.scheduleMeeting(t, Duration.ofDays(1));
    assertThat(scenario.voteTasks(t)).hasSize(33);
    scenario.vote(t, 20, 8, 2);
    scenario.advance(Duration.ofDays(5));
    scenario.executeDueJobs(t);

    assertThat(t.instance()).isWaitingAt(TASK_PLAN_EXECUTION);
    assertThat(rounds.meetings(topic(t).id()))
        .extracting(
            Rounds.Meeting::round,
            Rounds.Meeting::agree,
            Rounds.Meeting::disagree,
            Rounds.Meeting::abstain,
            Rounds.Meeting::outcome)
        .containsExactly(
            Tuple.tuple(1, 15, 3, 2, VoteOutcome.NO_QUORUM),
            Tuple.tuple(2, 20, 8, 2, VoteOutcome.AGREED));
    assertThat(events(t))
        .containsSubsequence(
            ConsultationEvent.MEETING_SCHEDULED,
            ConsultationEvent.VOTE_NO_QUORUM,
            ConsultationEvent.MEETING_SCHEDULED,
            ConsultationEvent.VOTE_AGREED);
  }

  @Test
  @DisplayName("三轮均未达法定人数：议题终止")
  void lapsesAfterLastRound() {
    ConsultationScenario.Topic t = scenario.accepted(TopicCategory.SUPPORTING_FACILITY, "建设快递驿站");
    for (int round = 1; round <= 3; round++) {
      Instant meeting = scenario.scheduleMeeting(t, Duration.ofHours(2));
      scenario.vote(t, 21, 0, 0);
      scenario.advance(
          Duration.between(scenario.now(), meeting.plus(Duration.ofDays(3))).plusSeconds(1));
      scenario.executeDueJobs(t);
    }
    assertThat(t.instance()).isEnded().hasPassed(END_LAPSED);
    assertThat(state(t)).isEqualTo(TopicState.LAPSED);
    assertThat(rounds.meetings(topic(t).id()))
        .extracting(Rounds.Meeting::outcome)
        .containsOnly(VoteOutcome.NO_QUORUM)
        .hasSize(3);
    assertThat(events(t)).endsWith(ConsultationEvent.VOTE_NO_QUORUM, ConsultationEvent.LAPSED);
  }

  @Test
  @DisplayName("达到法定人数但同意票未过半（22人表决，11人同意）：表决未通过，议题结束")
  void notAgreedWithoutMajority() {
    ConsultationScenario.Topic t = scenario.accepted(TopicCategory.PROPERTY_MANAGEMENT, "调整停车收费标准");
    Instant meeting = scenario.scheduleMeeting(t, Duration.ofDays(1));
    scenario.vote(t, 11, 9, 2);
    scenario.advance(
        Duration.between(scenario.now(), meeting.plus(Duration.ofDays(3))).plusSeconds(1));
    scenario.executeDueJobs(t);
    assertThat(t.instance()).isEnded().hasPassed(END_NOT_AGREED);
    assertThat(state(t)).isEqualTo(TopicState.NOT_AGREED);
    assertThat(rounds.meeting(topic(t).id(), 1).orElseThrow().outcome())
        .isEqualTo(VoteOutcome.NOT_AGREED);
  }

  @Test
  @DisplayName("居民多数不满意：返回办理一次；整改后再次多数不满意不再返回，公示评价")
  void dissatisfiedMajoritySendsBackToExecutionOnce() {
    ConsultationScenario.Topic t =
        scenario.listed(TopicCategory.PUBLIC_FACILITY, "垃圾分类集中投放点改造", null);
    assertThat(scenario.task(t, TASK_EXECUTE).getDueDate().toInstant())
        .as("default 办理时限")
        .isEqualTo(scenario.now().plus(Duration.ofDays(30)));
    scenario.execute(t);
    scenario.rate(t, 2, 1, 5);
    scenario.endEvaluation(t);

    assertThat(t.instance()).hasPassed(TASK_TALLY_RATINGS).isWaitingAt(TASK_REWORK);
    Task rework = scenario.task(t, TASK_REWORK);
    assertThat(groups(rework)).containsExactly("tfsq-property-staff");
    assertThat(rework.getDueDate().toInstant())
        .as("15 working days")
        .isEqualTo(policy.due("consultation.rework", scenario.now(), "tfsq"));
    assertThat(state(t)).isEqualTo(TopicState.REWORKING);
    assertThat(checklist.find(t.topicNo()).orElseThrow().rating().dissatisfied())
        .as("the rating that sent it back is shown")
        .isEqualTo(5);

    scenario.complete(t, TASK_REWORK, "property1", Map.of("reworkResult", "增设除臭设备，延长开放时间"));
    assertThat(t.instance()).isWaitingAt(EVENT_EVALUATION_ENDED);
    scenario.rate(t, 1, 0, 4);
    scenario.endEvaluation(t);

    assertThat(t.instance()).isEnded().hasPassed(END_CLOSED);
    Checklist.Item item = checklist.find(t.topicNo()).orElseThrow();
    assertThat(item.state()).isEqualTo("CLOSED");
    assertThat(item.rating().evaluationRound()).isEqualTo(2);
    assertThat(item.rating().dissatisfied()).isEqualTo(4);
    assertThat(item.execution().reworkDoneAt()).isNotNull();
    assertThat(events(t))
        .containsSubsequence(
            ConsultationEvent.EXECUTED,
            CommonEvent.ASKED_TO_RATE,
            CommonEvent.REWORK,
            ConsultationEvent.EXECUTED,
            CommonEvent.ASKED_TO_RATE,
            ConsultationEvent.PUBLISHED);
    assertThat(events(t)).filteredOn(e -> e == CommonEvent.REWORK).hasSize(1);
  }

  @Test
  @DisplayName("无人评价：评价期满直接公示，不返回办理")
  void noRatingsIsPublished() {
    ConsultationScenario.Topic t =
        scenario.listed(TopicCategory.SUPPORTING_FACILITY, "增设休闲座椅", null);
    scenario.execute(t);
    scenario.endEvaluation(t);
    assertThat(t.instance()).isEnded().hasPassed(END_CLOSED).hasNotPassed(TASK_REWORK);
    Assertions.assertThat(checklist.find(t.topicNo()).orElseThrow().rating().satisfactionPercent())
        .isNull();
  }

  @Test
  @DisplayName("安排会议、列入清单和表决的表单取值不符合规则时拒绝提交，任务保持打开")
  void formRulesRefuseBadValues() {
    ConsultationScenario.Topic t = scenario.accepted(TopicCategory.PUBLIC_FACILITY, "修缮单元门");
    Task schedule = scenario.task(t, TASK_SCHEDULE_MEETING);
    tasks.claim(schedule.getId(), "party1");
    assertThatThrownBy(
            () ->
                tasks.complete(
                    schedule.getId(),
                    Map.of(
                        "meetingAt",
                        scenario.now().minus(Duration.ofDays(4)).toString(),
                        "meetingPlace",
                        "会议室")))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("会议时间过早");
    assertThatThrownBy(
            () ->
                tasks.complete(
                    schedule.getId(),
                    Map.of(
                        "meetingAt",
                        scenario.now().plus(Duration.ofDays(31)).toString(),
                        "meetingPlace",
                        "会议室")))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("不得晚于");
    assertThat(t.instance()).isWaitingAt(TASK_SCHEDULE_MEETING);

    scenario.scheduleMeeting(t, Duration.ofDays(1));
    Task vote = scenario.voteTasks(t).get(0);
    assertThatThrownBy(() -> tasks.complete(vote.getId(), Map.of("vote", "MAYBE")))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("表决意见无效");
    scenario.vote(t, 30, 0, 0);
    scenario.advance(Duration.ofDays(5));
    scenario.executeDueJobs(t);

    Task plan = scenario.task(t, TASK_PLAN_EXECUTION);
    tasks.claim(plan.getId(), "party1");
    assertThatThrownBy(
            () ->
                tasks.complete(
                    plan.getId(),
                    Map.of(
                        "responsibleBody",
                        "PROPERTY_COMPANY",
                        "executionDeadline",
                        scenario.now().plus(Duration.ofDays(181)).toString())))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("不得晚于");
    assertThatThrownBy(() -> tasks.complete(plan.getId(), Map.of("executionDeadline", "")))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("请选择办理主体");
    assertThat(t.instance()).isWaitingAt(TASK_PLAN_EXECUTION);
  }

  @Test
  @DisplayName("流程变量只含编号和小型取值：表决名册和票数在业务表中")
  void onlyIdsInVariables() {
    ConsultationScenario.Topic t = scenario.accepted(TopicCategory.PUBLIC_FACILITY, "楼道照明改造");
    scenario.scheduleMeeting(t, Duration.ofDays(1));
    Map<String, Object> vars = engine.getRuntimeService().getVariables(t.instance().getId());
    assertThat(vars)
        .containsKeys("caseId", "caseNo", "communityCode", "round", "meetingAt")
        .doesNotContainKeys("representatives", "vote");
    assertThat(vars.values()).noneMatch(v -> v instanceof java.util.Collection<?>);
  }

  private Topics.Row topic(ConsultationScenario.Topic t) {
    return topics.find(t.topicNo()).orElseThrow();
  }

  private TopicState state(ConsultationScenario.Topic t) {
    return topic(t).state();
  }

  private List<String> groups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId)
        .filter(g -> g != null)
        .toList();
  }

  private List<CaseEventKind> events(ConsultationScenario.Topic t) {
    return caseLog.history(t.topicNo()).stream().map(CaseLog.Event::type).toList();
  }
}
