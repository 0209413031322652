package io.linli.grievance;

import static io.linli.grievance.GrievanceProcess.TASK_CONTACT_RESIDENT;
import static io.linli.grievance.GrievanceProcess.TASK_HANDLE_GENERAL;
import static io.linli.grievance.GrievanceProcess.TASK_RECTIFY;
import static io.linli.grievance.GrievanceProcess.TASK_RESOLVE;
import static io.linli.grievance.GrievanceProcess.TASK_RESPOND;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linli.CaseClock;
import io.linli.LinliSpringTest;
import io.linli.TestHttp;
import io.linli.cases.Flow;
import io.linli.cases.Flows;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The supervision read model written case by case as the flows run equals the one recomputed from
 * the SLA ledger and the case files. Runs after the other process tests (see the class order), so
 * besides its own cases — on time, breached and supervised, a commitment kept, a commitment still
 * open, each rating — the database holds every case the suite drove through the flows.
 */
@LinliSpringTest
@Order(Integer.MAX_VALUE - 3)
class SupervisionReadModelRebuildTest {

  @LocalServerPort int port;
  @Autowired GrievanceScenario scenario;
  @Autowired CaseClock clock;
  @Autowired JdbcClient jdbc;
  @Autowired Flows flows;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  @DisplayName("督查汇总：逐案即时写入的结果与由台账整体重算的结果完全一致")
  void rebuildEqualsIncremental() {
    scenario.pinClock();
    driveCases();
    List<String> flowKeys = flows.all().stream().map(Flow::key).toList();
    Map<String, List<String>> incremental = snapshot(flowKeys);
    assertThat(incremental.get("case_outcome"))
        .as("this test's cases are there")
        .hasSizeGreaterThanOrEqualTo(4);
    assertThat(incremental.get("breach_state")).isNotEmpty();
    assertThat(incremental.get("supervision_day")).isNotEmpty();
    assertThat(
            jdbc.sql("select pauses, paused_seconds, late from case_outcome where case_no = ?")
                .param(pausedCaseNo)
                .query()
                .singleRow())
        .as("the paused case counts its pause and is on time")
        .containsEntry("pauses", 1)
        .containsEntry("paused_seconds", 86_400L)
        .containsEntry("late", false);

    JsonNode rebuilt =
        TestHttp.client(port)
            .post()
            .uri("/api/supervision/read-model/rebuild")
            .retrieve()
            .body(JsonNode.class);
    assertThat(rebuilt.get("outcomes").asLong()).isPositive();

    Map<String, List<String>> recomputed = snapshot(flowKeys);
    for (String table : incremental.keySet()) {
      assertThat(recomputed.get(table)).as(table).containsExactlyElementsOf(incremental.get(table));
    }
  }

  /** Five grievances that together touch every figure the rates have, a pause among them. */
  private void driveCases() {
    GrievanceScenario.Case onTime = scenario.report(Category.ENVIRONMENT);
    scenario.advance(Duration.ofMinutes(30));
    scenario.triage(onTime, Tier.GENERAL);
    scenario.advance(Duration.ofHours(2));
    scenario.complete(
        onTime,
        TASK_HANDLE_GENERAL,
        "property1",
        Map.of("handlingResult", "已清运垃圾", "feedbackMethod", "PHONE"));
    scenario.rate(onTime, Rating.SATISFIED);
    scenario.followUpAndClose(onTime);

    GrievanceScenario.Case late = scenario.report(Category.FACILITY);
    scenario.triage(late, Tier.MEDIUM);
    scenario.advance(Duration.ofHours(5));
    scenario.executeDueJobs(late);
    scenario.advance(Duration.ofHours(1));
    clock.superviseAll(late.caseNo());
    scenario.advance(Duration.ofHours(1));
    scenario.complete(
        late,
        TASK_RESPOND,
        "property1",
        Map.of("responseNote", "已联系居民", "feedbackMethod", "PHONE"));
    scenario.advance(Duration.ofHours(10));
    scenario.complete(late, TASK_RESOLVE, "property1", Map.of("handlingResult", "电梯已修复"));
    scenario.rate(late, Rating.BASICALLY_SATISFIED);
    scenario.followUpAndClose(late);

    GrievanceScenario.Case kept = scenario.report(Category.NEIGHBOUR);
    scenario.triage(kept, Tier.DIFFICULT);
    commit(kept, Duration.ofDays(10));
    scenario.advance(Duration.ofDays(2));
    scenario.complete(kept, TASK_RECTIFY, "property1", Map.of("handlingResult", "已加装隔音垫"));
    scenario.advance(Duration.ofDays(8)); // the rating window passes: 未评价
    scenario.executeDueJobs(kept);
    scenario.followUpAndClose(kept);

    GrievanceScenario.Case open = scenario.report(Category.NEIGHBOUR);
    scenario.triage(open, Tier.DIFFICULT);
    commit(open, Duration.ofDays(10));

    // paused a day at the resident's request, then handled on the moved clock
    GrievanceScenario.Case paused = scenario.report(Category.ENVIRONMENT);
    scenario.triage(paused, Tier.GENERAL);
    scenario.advance(Duration.ofHours(1));
    staffPost(
        "/api/staff/cases/" + paused.caseNo() + "/pause",
        Map.of("kind", "RESIDENT_POSTPONE", "reason", "居民要求明天再处理"));
    scenario.advance(Duration.ofDays(1));
    staffPost("/api/staff/cases/" + paused.caseNo() + "/resume", Map.of());
    scenario.advance(Duration.ofHours(1));
    scenario.complete(
        paused,
        TASK_HANDLE_GENERAL,
        "property1",
        Map.of("handlingResult", "已清运垃圾", "feedbackMethod", "PHONE"));
    scenario.rate(paused, Rating.SATISFIED);
    scenario.followUpAndClose(paused);
    pausedCaseNo = paused.caseNo();
  }

  private String pausedCaseNo;

  private void staffPost(String path, Map<String, Object> body) {
    int status =
        TestHttp.client(port)
            .post()
            .uri(path)
            .header("X-Linli-User", "property1")
            .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
            .body(body)
            .retrieve()
            .toBodilessEntity()
            .getStatusCode()
            .value();
    assertThat(status).as(path).isEqualTo(200);
  }

  private void commit(GrievanceScenario.Case c, Duration ahead) {
    scenario.advance(Duration.ofHours(1));
    Instant committed = scenario.now().plus(ahead).truncatedTo(ChronoUnit.MINUTES);
    scenario.complete(
        c,
        TASK_CONTACT_RESIDENT,
        "property1",
        Map.of(
            "contactMethod",
            "VISIT",
            "rectificationMeasures",
            "上门调解",
            "committedDeadline",
            committed.atOffset(ZoneOffset.ofHours(8)).toString()));
  }

  /** Every row of the read model of this application's flows, as text, in a fixed order. */
  private Map<String, List<String>> snapshot(List<String> flowKeys) {
    String flowList = String.join(",", flowKeys);
    return Map.of(
        "case_outcome",
            rows(
                "select o.*::text from case_outcome o"
                    + " where flow = any(string_to_array(?, ',')) order by case_no",
                flowList),
        "supervision_day",
            rows(
                "select d.*::text from supervision_day d"
                    + " where flow = any(string_to_array(?, ',')) order by 1",
                flowList),
        "supervision_month",
            rows(
                "select m.*::text from supervision_month m"
                    + " where flow = any(string_to_array(?, ',')) order by 1",
                flowList),
        "breach_state",
            rows(
                """
            select row(flow, case_no, community_code, estate_id, company_id, clock, level, due_at,
              breached_at, holder, process_instance_id, supervised_at, supervised_by,
              resolved_at)::text from breach_state where flow = any(string_to_array(?, ','))
            order by 1""",
                flowList));
  }

  private List<String> rows(String sql, String flowList) {
    return jdbc.sql(sql).param(flowList).query(String.class).list();
  }
}
