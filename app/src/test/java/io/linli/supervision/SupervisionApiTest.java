package io.linli.supervision;

import io.linli.TestHttp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.linli.LinliSpringTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * Integration tier (PostgreSQL): the breach audit and the rates against a hand-computed fixture
 * of four closed grievances in a community of their own, written straight into the tables.
 *
 * <pre>
 * case  respond  close  breached        rating              follow-up           plan
 * A     1 h      10 h   no              SATISFIED           SATISFIED           no
 * B     5 h      30 h   RESPOND (L1,L2) DISSATISFIED        BASICALLY_SATISFIED no
 * C     2 h      20 h   no              NONE                DISSATISFIED        yes, resolved
 * D     3 h      40 h   no              BASICALLY_SATISFIED SATISFIED           no
 * </pre>
 *
 * By hand: on time 3/4; satisfied 2/3 (C not rated); follow-up 3/4; rectified 1/1; respond
 * minutes median (120+180)/2 = 150, p90 = 180 + 0.7·(300−180) = 264; close minutes median
 * (1200+1800)/2 = 1500, p90 = 1800 + 0.7·(2400−1800) = 2220.
 */
@LinliSpringTest
class SupervisionApiTest {

  static final Instant DAY = Instant.parse("2025-06-01T00:00:00Z"); // 08:00 Beijing

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  RestClient http;
  String community;

  @BeforeEach
  void fixture() {
    http = TestHttp.client(port);
    community = "fx" + UUID.randomUUID().toString().substring(0, 8);
    jdbc.sql("insert into community (code, name, street_code) values (?, '测试社区', 'tianfu')")
        .param(community).update();
    closedCase("A", 1, 10, "SATISFIED", "SATISFIED", false);
    closedCase("B", 5, 30, "DISSATISFIED", "BASICALLY_SATISFIED", false);
    closedCase("C", 2, 20, "NONE", "DISSATISFIED", true);
    closedCase("D", 3, 40, "BASICALLY_SATISFIED", "SATISFIED", false);
    ledger("B", "BREACHED", 1, hours(4), hours(4), "group:" + community + "-property-staff", null);
    ledger("B", "SUPERVISED", 1, null, hours(6), null, "committee1");
    ledger("B", "BREACHED", 2, hours(28), hours(29), "user:committee1", null);
  }

  @Test
  @DisplayName("按时办结率、满意率、回访满意率、整改率和响应/办结时长与手算一致")
  void ratesMatchHandComputedFixture() {
    JsonNode r = http.get().uri("/api/supervision/rates?community={c}&from=2025-06-01&to=2025-06-30", community)
        .retrieve().body(JsonNode.class);
    assertThat(r.get("closed").asLong()).isEqualTo(4);
    assertThat(r.get("onTimeClosureRate").asDouble()).isCloseTo(0.75, within(1e-9));
    assertThat(r.get("satisfactionRate").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
    assertThat(r.get("followUpSatisfactionRate").asDouble()).isCloseTo(0.75, within(1e-9));
    assertThat(r.get("rectificationRate").asDouble()).isCloseTo(1.0, within(1e-9));
    assertThat(r.get("respondMinutesMedian").asDouble()).isCloseTo(150, within(1e-6));
    assertThat(r.get("respondMinutesP90").asDouble()).isCloseTo(264, within(1e-6));
    assertThat(r.get("closeMinutesMedian").asDouble()).isCloseTo(1500, within(1e-6));
    assertThat(r.get("closeMinutesP90").asDouble()).isCloseTo(2220, within(1e-6));

    JsonNode empty = http.get().uri("/api/supervision/rates?community={c}&from=2024-01-01&to=2024-01-31", community)
        .retrieve().body(JsonNode.class);
    assertThat(empty.get("closed").asLong()).isZero();
    assertThat(empty.get("onTimeClosureRate").isNull()).as("no cases: no rate").isTrue();
  }

  @Test
  @DisplayName("超时台账：按社区、级别、是否仍在督办筛选，分页，并可导出 CSV")
  void breachAudit() {
    JsonNode all = http.get().uri("/api/supervision/breaches?community={c}", community).retrieve().body(JsonNode.class);
    assertThat(all.get("total").asLong()).isEqualTo(2);
    JsonNode first = all.get("items").get(0);
    assertThat(first.get("level").asInt()).as("newest first").isEqualTo(2);
    assertThat(first.get("open").asBoolean()).isTrue();
    assertThat(first.get("caseUrl").asText()).isEqualTo("/api/grievances/" + caseNo("B"));
    assertThat(first.get("cockpitUrl").asText()).startsWith("/camunda/app/cockpit/default/#/process-instance/");
    JsonNode level1 = all.get("items").get(1);
    assertThat(level1.get("open").asBoolean()).isFalse();
    assertThat(level1.get("supervisedBy").asText()).isEqualTo("committee1");
    assertThat(level1.get("clockLabel").asText()).isEqualTo("诉求响应时限");

    JsonNode open = http.get().uri("/api/supervision/breaches?community={c}&open=true", community)
        .retrieve().body(JsonNode.class);
    assertThat(open.get("total").asLong()).isEqualTo(1);
    JsonNode paged = http.get().uri("/api/supervision/breaches?community={c}&size=1&page=1", community)
        .retrieve().body(JsonNode.class);
    assertThat(paged.get("items")).hasSize(1);
    assertThat(paged.get("items").get(0).get("level").asInt()).isEqualTo(1);
    JsonNode outside = http.get().uri("/api/supervision/breaches?community={c}&from=2025-07-01", community)
        .retrieve().body(JsonNode.class);
    assertThat(outside.get("total").asLong()).isZero();

    String csv = http.get().uri("/api/supervision/breaches.csv?community={c}", community).retrieve().body(String.class);
    assertThat(csv.lines()).hasSize(3);
    assertThat(csv.lines().findFirst().orElseThrow()).contains("案件编号", "超时时承办方");
    assertThat(csv).contains(caseNo("B"), "督办中", "已督办");

    var bad = http.get().uri("/api/supervision/breaches?size=100000").retrieve().toEntity(JsonNode.class);
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat(bad.getBody().get("errors").get(0).get("field").asText()).isEqualTo("size");
  }

  private String caseNo(String name) {
    return "FX-" + community + "-" + name;
  }

  private static Instant hours(double h) {
    return DAY.plus(Duration.ofMinutes((long) (h * 60)));
  }

  private void closedCase(String name, int respondHours, int closeHours, String rating,
      String followUp, boolean plan) {
    jdbc.sql("""
        insert into grievance_case (case_no, community_code, category, tier, description, channel,
          status, reported_at, committed_deadline, rating, follow_up_satisfaction, closed_at,
          process_instance_id)
        values (?, ?, 'OTHER', ?, '测试', 'API', 'CLOSED', ?, ?, ?, ?, ?, ?)""")
        .params(caseNo(name), community, plan ? "DIFFICULT" : "MEDIUM", Timestamp.from(DAY),
            plan ? Timestamp.from(hours(72)) : null, rating, followUp,
            Timestamp.from(hours(closeHours)), "pi-" + name)
        .update();
    event(name, "RECEIVED", DAY);
    event(name, "RESPONDED", hours(respondHours));
    if (plan) event(name, "PLAN_COMMITTED", hours(respondHours));
    event(name, "RESOLVED", hours(closeHours - 1));
    event(name, "RESPONDED", hours(respondHours + 1)); // a later response does not count as the first
  }

  private void event(String name, String type, Instant at) {
    jdbc.sql("insert into case_event (flow, case_no, occurred_at, event_type) values ('GRIEVANCE', ?, ?, ?)")
        .params(caseNo(name), Timestamp.from(at), type).update();
  }

  private void ledger(String name, String event, int level, Instant due, Instant at, String holder, String actor) {
    jdbc.sql("""
        insert into sla_ledger (flow, case_id, case_no, community_code, clock, event, level, due_at,
          occurred_at, holder, actor, process_instance_id)
        values ('GRIEVANCE', 0, ?, ?, 'GRIEVANCE_RESPOND', ?, ?, ?, ?, ?, ?, ?)""")
        .params(caseNo(name), community, event, level, due == null ? null : Timestamp.from(due),
            Timestamp.from(at), holder, actor, "pi-" + name)
        .update();
  }
}
