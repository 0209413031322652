package io.linli.grievance;

import static io.linli.grievance.GrievanceProcess.TASK_HANDLE_GENERAL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linli.LinliSpringTest;
import io.linli.TestHttp;
import io.linli.caselog.CaseLog;
import io.linli.caselog.CommonEvent;
import io.linli.sla.SlaLedger;
import io.linli.sla.SlaPauses;
import io.linli.sla.SlaWarnings;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Integration tier: SLA clock pauses (挂起) on a grievance through the staff desk's API — the due
 * time moves by the time paused in the timer, the task, the ledger and the resident's countdown
 * alike; a pause needs a reason and the holder of the case's task; the cap resumes the clock and
 * escalates; a paused case finished within its moved due time counts as on time, and the
 * supervision API shows the pause rate per property company.
 */
@LinliSpringTest
class ClockPauseTest {

  static final String TIMER_HANDLE_GENERAL = "BoundaryEvent_HandleGeneralSlaBreached";

  @LocalServerPort int port;
  @Autowired GrievanceScenario scenario;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired SlaLedger ledger;
  @Autowired SlaPauses pauses;
  @Autowired GrievanceStatusView statusView;
  @Autowired CaseLog caseLog;
  @Autowired SlaWarnings warnings;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  @Test
  @DisplayName("挂起2天后恢复：时限顺延2天，计时器、任务到期时间、台账与居民倒计时为同一秒；挂起期间不超时")
  void pauseAndResumeShiftTheDueTime() {
    scenario.pinClock();
    GrievanceScenario.Case c = scenario.report(Category.ENVIRONMENT);
    Instant reported = scenario.now();
    scenario.advance(Duration.ofMinutes(30));
    scenario.triage(c, Tier.GENERAL);
    Instant due = reported.plus(Duration.ofHours(4));
    assertThat(dueOfTask(c)).isEqualTo(due);

    scenario.advance(Duration.ofHours(1));
    ResponseEntity<JsonNode> paused =
        post(
            c.caseNo() + "/pause",
            "property1",
            Map.of("kind", "RESIDENT_POSTPONE", "reason", "居民出差，要求周末后再上门"));
    assertThat(paused.getStatusCode().value()).isEqualTo(200);
    assertThat(paused.getBody().get("paused").asBoolean()).isTrue();
    assertThat(timer(c).isSuspended()).as("the timer waits while paused").isTrue();
    assertThat(statusView.of(c.caseNo()).deadlines())
        .filteredOn(d -> d.clock().equals("GRIEVANCE_RESPOND"))
        .singleElement()
        .satisfies(d -> assertThat(d.state()).isEqualTo("PAUSED"));
    // a retry does not pause twice
    assertThat(
            post(
                    c.caseNo() + "/pause",
                    "property1",
                    Map.of("kind", "RESIDENT_POSTPONE", "reason", "居民出差，要求周末后再上门"))
                .getStatusCode()
                .value())
        .isEqualTo(200);
    assertThat(pauses.of(c.caseNo())).hasSize(1);

    // past the original due time nothing fires, and no 临期预警 goes out while paused
    scenario.advance(Duration.ofDays(2));
    assertThat(scenario.executeDueJobs(c)).isZero();
    assertThat(warnings.claimDue(scenario.now(), 1000))
        .extracting(SlaWarnings.Due::caseNo)
        .as("a paused case's warning is not due")
        .doesNotContain(c.caseNo());

    ResponseEntity<JsonNode> resumed = post(c.caseNo() + "/resume", "property1", Map.of());
    assertThat(resumed.getStatusCode().value()).isEqualTo(200);
    assertThat(resumed.getBody().get("paused").asBoolean()).isFalse();

    Instant moved = due.plus(Duration.ofDays(2));
    assertThat(dueOfTask(c)).as("task due date").isEqualTo(moved);
    Instant warnMoved = reported.plus(Duration.ofHours(3)).plus(Duration.ofDays(2));
    assertThat(scenario.task(c, TASK_HANDLE_GENERAL).getFollowUpDate().toInstant())
        .as("the task's 即将超时 instant moves with the clock")
        .isEqualTo(warnMoved);
    assertThat(
            jdbc.sql(
                    """
            select warn_at from sla_warning where case_no = ? and clock = 'GRIEVANCE_RESPOND'""")
                .param(c.caseNo())
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant())
        .as("the pending warning moves with the clock")
        .isEqualTo(warnMoved);
    Job timer = timer(c);
    assertThat(timer.isSuspended()).isFalse();
    assertThat(timer.getDuedate().toInstant()).as("engine timer").isEqualTo(moved);
    assertThat(ledger.allEntriesOf(c.caseNo()))
        .filteredOn(e -> e.clock().equals("GRIEVANCE_RESPOND") && e.event().equals("RESUMED"))
        .singleElement()
        .satisfies(e -> assertThat(e.dueAt()).as("ledger due_at").isEqualTo(moved));
    assertThat(statusView.of(c.caseNo()).deadlines())
        .filteredOn(d -> d.clock().equals("GRIEVANCE_RESPOND"))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.dueAt()).as("resident countdown").isEqualTo(moved);
              assertThat(d.state()).isEqualTo("OPEN");
            });
    assertThat(caseLog.history(c.caseNo()))
        .extracting(CaseLog.Event::type)
        .contains(CommonEvent.PAUSED, CommonEvent.RESUMED);

    // a second before the moved due time nothing fires; at it the timer does
    scenario.advance(Duration.between(scenario.now(), moved).minusSeconds(1));
    assertThat(scenario.executeDueJobs(c)).isZero();
    scenario.advance(Duration.ofSeconds(1));
    scenario.executeDueJobs(c);
    assertThat(ledger.entriesOf(c.caseNo()))
        .filteredOn(e -> e.event().equals("BREACHED"))
        .singleElement()
        .satisfies(e -> assertThat(e.dueAt()).isEqualTo(moved));
  }

  @Test
  @DisplayName("挂起须填写原因（400指明字段），居民无法联系须至少联系3次；非当前任务承办人不能挂起（403）")
  void pauseNeedsReasonAndHolder() {
    scenario.pinClock();
    GrievanceScenario.Case c = scenario.report(Category.ENVIRONMENT);
    scenario.triage(c, Tier.GENERAL);

    ResponseEntity<JsonNode> noReason =
        post(
            c.caseNo() + "/pause",
            "property1",
            Map.of("kind", "RESIDENT_POSTPONE", "reason", "  "));
    assertThat(noReason.getStatusCode().value()).isEqualTo(400);
    assertThat(fields(noReason)).containsExactly("reason");

    ResponseEntity<JsonNode> fewAttempts =
        post(
            c.caseNo() + "/pause",
            "property1",
            Map.of("kind", "RESIDENT_UNREACHABLE", "reason", "电话无人接听", "contactAttempts", 1));
    assertThat(fewAttempts.getStatusCode().value()).isEqualTo(400);
    assertThat(fields(fewAttempts)).containsExactly("contactAttempts");

    ResponseEntity<JsonNode> badKind =
        post(c.caseNo() + "/pause", "property1", Map.of("kind", "QUOTE_DECISION", "reason", "等报价"));
    assertThat(badKind.getStatusCode().value()).isEqualTo(400);
    assertThat(fields(badKind)).containsExactly("kind");

    ResponseEntity<JsonNode> notHolder =
        post(
            c.caseNo() + "/pause",
            "party1",
            Map.of("kind", "RESIDENT_POSTPONE", "reason", "居民要求延期"));
    assertThat(notHolder.getStatusCode().value()).isEqualTo(403);
    assertThat(post(c.caseNo() + "/resume", "party1", Map.of()).getStatusCode().value())
        .isEqualTo(403);
    assertThat(
            post("GR-NOSUCH/pause", "property1", Map.of("kind", "RESIDENT_POSTPONE", "reason", "x"))
                .getStatusCode()
                .value())
        .isEqualTo(404);
    assertThat(pauses.of(c.caseNo())).isEmpty();

    ResponseEntity<JsonNode> ok =
        post(
            c.caseNo() + "/pause",
            "property1",
            Map.of("kind", "RESIDENT_UNREACHABLE", "reason", "三次电话无人接听", "contactAttempts", 3));
    assertThat(ok.getStatusCode().value()).isEqualTo(200);
  }

  @Test
  @DisplayName("挂起期间承办人办理完毕：挂起随之结束，时限顺延后按时停表")
  void completingThePausedTaskEndsThePause() {
    scenario.pinClock();
    GrievanceScenario.Case c = scenario.report(Category.ENVIRONMENT);
    Instant reported = scenario.now();
    scenario.triage(c, Tier.GENERAL);
    scenario.advance(Duration.ofHours(1));
    post(
        c.caseNo() + "/pause",
        "property1",
        Map.of("kind", "RESIDENT_POSTPONE", "reason", "居民要求延期"));
    scenario.advance(Duration.ofHours(5)); // 6 h after the report: late but for the pause

    scenario.complete(
        c,
        TASK_HANDLE_GENERAL,
        "property1",
        Map.of("handlingResult", "已处理", "feedbackMethod", "PHONE"));

    assertThat(pauses.open(c.caseNo())).isEmpty();
    Instant moved = reported.plus(Duration.ofHours(4)).plus(Duration.ofHours(5));
    assertThat(ledger.allEntriesOf(c.caseNo()))
        .filteredOn(e -> e.clock().equals("GRIEVANCE_RESPOND") && e.level() == 0)
        .extracting(SlaLedger.Entry::event, SlaLedger.Entry::dueAt)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("STARTED", reported.plus(Duration.ofHours(4))),
            org.assertj.core.groups.Tuple.tuple("PAUSED", reported.plus(Duration.ofHours(4))),
            org.assertj.core.groups.Tuple.tuple("RESUMED", moved),
            org.assertj.core.groups.Tuple.tuple("MET", moved));
  }

  @Test
  @DisplayName("挂起累计超过7天：自动恢复计时，时限只顺延7天，并像超时一样提请社区党委督办")
  void capResumesAndEscalates() {
    scenario.pinClock();
    GrievanceScenario.Case c = scenario.report(Category.ENVIRONMENT);
    Instant reported = scenario.now();
    scenario.triage(c, Tier.GENERAL);
    Instant due = reported.plus(Duration.ofHours(4));

    scenario.advance(Duration.ofMinutes(10));
    post(
        c.caseNo() + "/pause",
        "property1",
        Map.of("kind", "RESIDENT_POSTPONE", "reason", "居民要求延期"));
    scenario.advance(Duration.ofDays(3));
    post(c.caseNo() + "/resume", "property1", Map.of());
    scenario.advance(Duration.ofMinutes(10));
    post(
        c.caseNo() + "/pause",
        "property1",
        Map.of("kind", "RESIDENT_UNREACHABLE", "reason", "多次联系不上", "contactAttempts", 4));
    Instant secondPause = scenario.now();

    // four more days reach the cap of seven; at five the sweep finds it
    scenario.advance(Duration.ofDays(4).minusSeconds(1));
    assertThat(pauses.resumeCapped()).isEmpty();
    scenario.advance(Duration.ofDays(1));
    List<SlaPauses.Pause> capped = pauses.resumeCapped();
    assertThat(capped)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.capped()).isTrue();
              assertThat(p.resumedAt()).isEqualTo(secondPause.plus(Duration.ofDays(4)));
            });
    assertThat(pauses.used(c.caseNo(), scenario.now())).isEqualTo(Duration.ofDays(7));
    assertThat(dueOfTask(c))
        .as("moved by the cap, not more")
        .isEqualTo(due.plus(Duration.ofDays(7)));

    scenario.executeDueJobs(c);
    assertThat(ledger.entriesOf(c.caseNo()))
        .filteredOn(e -> e.event().equals("BREACHED"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.level()).isEqualTo(1);
              assertThat(e.clock()).isEqualTo("GRIEVANCE_RESPOND");
            });
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceBusinessKey(c.caseNo())
                .taskDefinitionKey("Task_SuperviseCommunity")
                .count())
        .as("社区党委督办")
        .isEqualTo(1);

    // and no more pausing
    ResponseEntity<JsonNode> again =
        post(
            c.caseNo() + "/pause",
            "property1",
            Map.of("kind", "RESIDENT_POSTPONE", "reason", "再延期"));
    assertThat(again.getStatusCode().value()).isEqualTo(409);
  }

  @Test
  @DisplayName("挂起2天、在顺延后的时限内办结的案件计为按时办结；督查接口按物业企业给出每百件挂起次数和挂起时长")
  void pausedThenFinishedCountsOnTime() {
    // a month of its own, so the figures are this test's cases only
    Instant start =
        LocalDate.of(2029, 3, 5).atTime(9, 0).atZone(io.linli.system.Times.BEIJING).toInstant();
    ClockUtil.setCurrentTime(java.util.Date.from(start));

    GrievanceScenario.Case paused = scenario.report(Category.ENVIRONMENT);
    scenario.triage(paused, Tier.GENERAL);
    scenario.advance(Duration.ofHours(1));
    post(
        paused.caseNo() + "/pause",
        "property1",
        Map.of("kind", "RESIDENT_POSTPONE", "reason", "居民要求后天再处理"));
    scenario.advance(Duration.ofDays(2));
    post(paused.caseNo() + "/resume", "property1", Map.of());
    scenario.advance(Duration.ofHours(2)); // 5 h after the report, within 4 h + 2 days
    scenario.complete(
        paused,
        TASK_HANDLE_GENERAL,
        "property1",
        Map.of("handlingResult", "已清理", "feedbackMethod", "PHONE"));
    scenario.rate(paused, Rating.SATISFIED);
    scenario.followUpAndClose(paused);
    assertThat(ledger.allEntriesOf(paused.caseNo()))
        .filteredOn(e -> e.clock().equals("GRIEVANCE_RESPOND") && e.level() == 0)
        .extracting(SlaLedger.Entry::event)
        .containsExactly("STARTED", "PAUSED", "RESUMED", "MET");

    GrievanceScenario.Case plain = scenario.report(Category.ENVIRONMENT);
    scenario.triage(plain, Tier.GENERAL);
    scenario.complete(
        plain,
        TASK_HANDLE_GENERAL,
        "property1",
        Map.of("handlingResult", "已清理", "feedbackMethod", "PHONE"));
    scenario.rate(plain, Rating.SATISFIED);
    scenario.followUpAndClose(plain);

    JsonNode rates =
        TestHttp.client(port)
            .get()
            .uri(
                "/api/supervision/rates?community=tfsq&groupBy=company&from=2029-03-01&to=2029-03-31")
            .retrieve()
            .body(JsonNode.class);
    JsonNode total = rates.get("total");
    assertThat(total.get("closed").asLong()).isEqualTo(2);
    assertThat(total.get("onTime").asLong()).as("the paused case is on time").isEqualTo(2);
    assertThat(total.get("pauses").asLong()).isEqualTo(1);
    assertThat(total.get("pausesPer100Cases").asDouble()).isEqualTo(50.0);
    assertThat(total.get("pausedHours").asDouble()).isEqualTo(48.0);
    JsonNode company = rates.get("groups").get(0);
    assertThat(company.get("key").asText()).isNotEqualTo("—");
    assertThat(company.get("total").get("pausesPer100Cases").asDouble()).isEqualTo(50.0);
    assertThat(rates.get("rules").get("pauseRate").asText()).contains("挂起");
  }

  private Instant dueOfTask(GrievanceScenario.Case c) {
    Task t = scenario.task(c, TASK_HANDLE_GENERAL);
    return t.getDueDate().toInstant();
  }

  private Job timer(GrievanceScenario.Case c) {
    return management
        .createJobQuery()
        .processInstanceId(c.instance().getId())
        .activityId(TIMER_HANDLE_GENERAL)
        .singleResult();
  }

  private ResponseEntity<JsonNode> post(String path, String user, Map<String, Object> body) {
    return TestHttp.client(port)
        .post()
        .uri("/api/staff/cases/" + path)
        .header("X-Linli-User", user)
        .contentType(MediaType.APPLICATION_JSON)
        .body(body)
        .retrieve()
        .toEntity(JsonNode.class);
  }

  private static List<String> fields(ResponseEntity<JsonNode> r) {
    List<String> out = new java.util.ArrayList<>();
    JsonNode errors = r.getBody().get("errors");
    if (errors != null) errors.forEach(e -> out.add(e.get("field").asText()));
    return out;
  }
}
