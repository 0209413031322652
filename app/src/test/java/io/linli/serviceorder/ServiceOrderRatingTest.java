package io.linli.serviceorder;

import static io.linli.serviceorder.ServiceOrderProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linli.LinliSpringTest;
import io.linli.TestHttp;
import io.linli.caselog.CaseEventKind;
import io.linli.caselog.CaseLog;
import io.linli.caselog.CommonEvent;
import io.linli.sla.SlaLedger;
import io.linli.sla.SlaPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * Process tier (real engine, ClockUtil): the resident's rating of a service order, its one rework
 * round on 不满意, the rating window, and the reopening after a 不满意 at the party group's follow-up —
 * with the clocks each starts in the ledger: 返工处置时限 from the 不满意 (rating or visit), the rating
 * window from the end of the work, the follow-up clock from when the order reaches the visit.
 */
@LinliSpringTest
class ServiceOrderRatingTest {

  static final String PIPE_REPAIR = "PLUMBING-01";

  @LocalServerPort int port;
  @Autowired ServiceOrderScenario scenario;
  @Autowired SlaLedger ledger;
  @Autowired SlaPolicy policy;
  @Autowired CaseLog caseLog;
  @Autowired ServiceOrders orders;
  @Autowired JdbcClient jdbc;

  RestClient http;

  @BeforeEach
  void init() {
    http = TestHttp.client(port);
    scenario.pinClock();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  ServiceOrderScenario.Order paid() {
    return scenario.smallJobPaid(PIPE_REPAIR, "contractor1", "50", 5000);
  }

  List<SlaLedger.Entry> clock(ServiceOrderScenario.Order o, String clock) {
    return ledger.allEntriesOf(o.orderNo()).stream().filter(e -> e.clock().equals(clock)).toList();
  }

  List<CaseEventKind> events(ServiceOrderScenario.Order o) {
    return caseLog.history(o.orderNo()).stream().map(CaseLog.Event::type).toList();
  }

  String caseFile(ServiceOrderScenario.Order o, String column) {
    return jdbc.sql("select " + column + " from case_file where case_no = ?")
        .param(o.orderNo())
        .query(String.class)
        .single();
  }

  Instant due(String key) {
    return policy.due(key, scenario.now(), ServiceOrderScenario.COMMUNITY);
  }

  record Answer(int status, JsonNode body) {}

  Answer evaluate(String orderNo, Map<String, Object> body) {
    return http.post()
        .uri("/api/service-orders/{o}/evaluation", orderNo)
        .contentType(MediaType.APPLICATION_JSON)
        .body(body)
        .exchange(
            (req, res) -> new Answer(res.getStatusCode().value(), res.bodyTo(JsonNode.class)));
  }

  @Test
  @DisplayName("居民评价满意：进入党小组回访，回访时限从评价时起算；评价记入案件记录供督查统计")
  void satisfiedGoesToFollowUp() {
    ServiceOrderScenario.Order o = paid();
    assertThat(o.instance()).isWaitingAt(TASK_AWAIT_RATING);
    assertThat(orders.find(o.orderNo()).orElseThrow().status()).isEqualTo("AWAITING_RATING");
    assertThat(events(o)).contains(CommonEvent.ASKED_TO_RATE);

    scenario.advance(Duration.ofDays(2));
    Answer a = evaluate(o.orderNo(), Map.of("rating", "SATISFIED", "comment", "师傅很细心"));
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body().get("reworkRequired").asBoolean()).isFalse();

    Task visit = scenario.task(o, TASK_FOLLOW_UP_VISIT);
    assertThat(visit.getDueDate().toInstant())
        .as("3 working days from the rating, not the confirmation")
        .isEqualTo(due("service-order.follow-up"));
    assertThat(caseFile(o, "rating")).isEqualTo("SATISFIED");
    assertThat(
            jdbc.sql("select rating_comment from service_order where order_no = ?")
                .param(o.orderNo())
                .query(String.class)
                .single())
        .isEqualTo("师傅很细心");
    assertThat(evaluate(o.orderNo(), Map.of("rating", "SATISFIED")).status())
        .as("rated once")
        .isEqualTo(409);

    scenario.followUpAndClose(o);
    assertThat(o.instance()).isEnded().hasPassed(END_CLOSED).hasNotPassed(TASK_REWORK);
  }

  @Test
  @DisplayName("居民不满意：返工一次，返工时限从评价起算并记入台账；返工后再评价不满意不再返工，进入回访")
  void dissatisfiedGetsOneRework() {
    ServiceOrderScenario.Order o = paid();
    scenario.advance(Duration.ofHours(1));
    Instant rated = scenario.now();
    assertThat(scenario.rate(o, OrderRating.DISSATISFIED)).isTrue();

    Task rework = scenario.task(o, TASK_REWORK);
    assertThat(rework.getAssignee()).as("back to the order's worker").isEqualTo("contractor1");
    assertThat(rework.getDueDate().toInstant()).isEqualTo(rated.plus(Duration.ofHours(24)));
    assertThat(orders.find(o.orderNo()).orElseThrow().status()).isEqualTo("REWORK");
    assertThat(events(o)).containsSubsequence(CommonEvent.RATED, CommonEvent.REWORK);
    assertThat(clock(o, "SERVICE_ORDER_REWORK"))
        .extracting(SlaLedger.Entry::event, SlaLedger.Entry::dueAt)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("STARTED", rated.plus(Duration.ofHours(24))));

    scenario.advance(Duration.ofHours(5));
    scenario.rework(o);
    assertThat(clock(o, "SERVICE_ORDER_REWORK"))
        .extracting(SlaLedger.Entry::event)
        .containsExactly("STARTED", "MET");
    assertThat(o.instance()).isWaitingAt(TASK_AWAIT_RATING);
    assertThat(events(o))
        .containsSubsequence(
            CommonEvent.REWORK, ServiceOrderEvent.REWORK_DONE, CommonEvent.ASKED_TO_RATE);

    assertThat(scenario.rate(o, OrderRating.DISSATISFIED))
        .as("the one rework round is used")
        .isFalse();
    assertThat(o.instance()).isWaitingAt(TASK_FOLLOW_UP_VISIT);
    assertThat(caseFile(o, "rating")).isEqualTo("DISSATISFIED");
    assertThat(orders.find(o.orderNo()).orElseThrow().reworkRounds()).isEqualTo(1);
  }

  @Test
  @DisplayName("返工超过24小时：返工时限超时记入台账并提请社区党委督办")
  void lateReworkIsEscalated() {
    ServiceOrderScenario.Order o = paid();
    scenario.rate(o, OrderRating.DISSATISFIED);
    Instant due = scenario.task(o, TASK_REWORK).getDueDate().toInstant();
    scenario.at(due.minusSeconds(60));
    assertThat(scenario.executeDueJobs(o)).isZero();
    scenario.at(due.plusSeconds(60));
    scenario.executeDueJobs(o);

    assertThat(o.instance()).hasPassed(TIMER_REWORK_SLA).isWaitingAt(TASK_REWORK);
    assertThat(clock(o, "SERVICE_ORDER_REWORK"))
        .extracting(SlaLedger.Entry::event)
        .contains("BREACHED");
    assertThat(events(o)).contains(CommonEvent.ESCALATED);
    scenario.superviseAll(o);
    scenario.rework(o);
    assertThat(o.instance()).isWaitingAt(TASK_AWAIT_RATING);
  }

  @Test
  @DisplayName("评价期满未评价：记为未评价，进入回访；期满后不能再评价")
  void ratingWindowElapses() {
    ServiceOrderScenario.Order o = paid();
    Instant confirmed = scenario.now();
    scenario.at(confirmed.plus(Duration.ofDays(7)).minusSeconds(60));
    assertThat(scenario.executeDueJobs(o)).isZero();
    scenario.at(confirmed.plus(Duration.ofDays(7)).plusSeconds(60));
    scenario.executeDueJobs(o);

    assertThat(o.instance())
        .hasPassed(TIMER_RATING_WINDOW, TASK_RECORD_NO_RATING)
        .isWaitingAt(TASK_FOLLOW_UP_VISIT);
    assertThat(caseFile(o, "rating")).isEqualTo("NONE");
    assertThat(events(o)).contains(CommonEvent.NOT_RATED);
    assertThat(evaluate(o.orderNo(), Map.of("rating", "SATISFIED")).status()).isEqualTo(409);
  }

  @Test
  @DisplayName("党小组回访不满意：重新处置一次，记入办理记录；返工时限从回访起算，回访时限在再次回访时重新起算；第二次不满意记录后办结")
  void dissatisfiedFollowUpReopensOnce() {
    ServiceOrderScenario.Order o = paid();
    scenario.rate(o, OrderRating.SATISFIED);
    scenario.advance(Duration.ofHours(3));
    Instant visited = scenario.now();
    scenario.followUp(o, "DISSATISFIED");

    assertThat(o.instance())
        .hasPassed(GATEWAY_FOLLOW_UP_RESULT, GATEWAY_TO_REWORK)
        .isWaitingAt(TASK_REWORK)
        .hasNotPassed(END_CLOSED);
    Task rework = scenario.task(o, TASK_REWORK);
    assertThat(rework.getAssignee()).isEqualTo("contractor1");
    assertThat(rework.getDueDate().toInstant())
        .as("the rework clock starts at the visit")
        .isEqualTo(visited.plus(Duration.ofHours(24)));
    assertThat(scenario.variable(o, "reworkCauseLabel")).isEqualTo("党小组回访居民不满意");
    ServiceOrders.Row row = orders.find(o.orderNo()).orElseThrow();
    assertThat(row.status()).isEqualTo("REWORK");
    assertThat(row.reopenedAt()).isEqualTo(visited);
    assertThat(row.closedAt()).isNull();
    assertThat(events(o)).containsSubsequence(CommonEvent.FOLLOWED_UP, ServiceOrderEvent.REOPENED);
    assertThat(caseFile(o, "follow_up_rating")).isEqualTo("DISSATISFIED");
    assertThat(clock(o, "SERVICE_ORDER_FOLLOW_UP"))
        .extracting(SlaLedger.Entry::event)
        .containsExactly("STARTED", "MET");

    scenario.advance(Duration.ofHours(2));
    scenario.rework(o);
    scenario.advance(Duration.ofDays(1));
    assertThat(scenario.rate(o, OrderRating.BASICALLY_SATISFIED)).isFalse();
    Task again = scenario.task(o, TASK_FOLLOW_UP_VISIT);
    Instant secondDue = due("service-order.follow-up");
    assertThat(again.getDueDate().toInstant())
        .as("the follow-up clock restarts at the second visit")
        .isEqualTo(secondDue);
    assertThat(scenario.executeDueJobs(o)).as("the restarted timer is not due").isZero();

    scenario.followUp(o, "DISSATISFIED");
    // one STARTED row per clock and case (the ledger's rule); each round's stop with its own due
    // time
    assertThat(clock(o, "SERVICE_ORDER_FOLLOW_UP"))
        .extracting(SlaLedger.Entry::event, SlaLedger.Entry::dueAt)
        .last()
        .isEqualTo(org.assertj.core.groups.Tuple.tuple("MET", secondDue));
    assertThat(clock(o, "SERVICE_ORDER_FOLLOW_UP"))
        .extracting(SlaLedger.Entry::event)
        .containsExactly("STARTED", "MET", "MET");
    scenario.executeDueJobs(o);
    assertThat(o.instance()).as("reopened once only").isEnded().hasPassed(END_CLOSED);
    assertThat(caseFile(o, "follow_up_rating")).isEqualTo("DISSATISFIED");
    assertThat(caseFile(o, "rating")).isEqualTo("BASICALLY_SATISFIED");
    assertThat(events(o).stream().filter(e -> e == ServiceOrderEvent.REOPENED).count())
        .isEqualTo(1);
    assertThat(orders.find(o.orderNo()).orElseThrow().reworkRounds()).isEqualTo(1);
  }

  @Test
  @DisplayName("评价返工和回访重新处置各一次：返工时限第二轮从回访起重新起算并按新时限记入台账，最多两轮返工")
  void ratingReworkAndReopenEachOnce() {
    ServiceOrderScenario.Order o = paid();
    scenario.rate(o, OrderRating.DISSATISFIED);
    scenario.rework(o);
    scenario.rate(o, OrderRating.SATISFIED);
    scenario.advance(Duration.ofHours(1));
    Instant visited = scenario.now();
    scenario.followUp(o, "DISSATISFIED");
    assertThat(scenario.task(o, TASK_REWORK).getDueDate().toInstant())
        .isEqualTo(visited.plus(Duration.ofHours(24)));
    scenario.rework(o);
    assertThat(clock(o, "SERVICE_ORDER_REWORK"))
        .extracting(SlaLedger.Entry::event, SlaLedger.Entry::dueAt)
        .as("the second round stops on its own due time")
        .last()
        .isEqualTo(org.assertj.core.groups.Tuple.tuple("MET", visited.plus(Duration.ofHours(24))));
    assertThat(scenario.rate(o, OrderRating.DISSATISFIED))
        .as("the rating's round was used")
        .isFalse();
    scenario.followUp(o, "SATISFIED");
    scenario.executeDueJobs(o);
    assertThat(o.instance()).isEnded().hasPassed(END_CLOSED);
    assertThat(orders.find(o.orderNo()).orElseThrow().reworkRounds()).isEqualTo(2);
  }

  @Test
  @DisplayName("评价接口：未选评价、“未评价”、意见过长 400 并说明字段；未知服务单 404")
  void badRatings() {
    ServiceOrderScenario.Order o = paid();
    Answer none = evaluate(o.orderNo(), Map.of());
    assertThat(none.status()).isEqualTo(400);
    assertThat(none.body().toString()).contains("rating").contains("请选择评价");
    Answer notARating = evaluate(o.orderNo(), Map.of("rating", "NONE"));
    assertThat(notARating.status()).isEqualTo(400);
    assertThat(notARating.body().toString()).contains("rating");
    Answer tooLong =
        evaluate(o.orderNo(), Map.of("rating", "SATISFIED", "comment", "好".repeat(501)));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.body().toString()).contains("comment");
    assertThat(evaluate("SO-0000-000000", Map.of("rating", "SATISFIED")).status()).isEqualTo(404);
    assertThat(o.instance()).isWaitingAt(TASK_AWAIT_RATING);
  }
}
