package io.linli.testflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linli.CaseClock;
import io.linli.TestHttp;
import io.linli.sla.SlaLedger;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * Integration tier, its own context: a flow defined only in the test sources ({@link
 * DailyCheckFlow}, {@code testflow/daily-check.bpmn}: one user task, one clock) gets from the
 * shared mechanisms, with no change to main code, everything a flow needs — its clock's ledger
 * rows, the escalation to 社区党委 with the clock's own name, notices with its own noun, tracking by
 * phone, its case in the breach audit and the supervisors' filters.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.job-execution.enabled=false",
      "linli.embedded-postgres.clean=true",
      "linli.embedded-postgres.port=",
      "linli.embedded-postgres.data-directory=${java.io.tmpdir}/linli-test-${random.uuid}",
      "camunda.bpm.deployment-resource-pattern[0]=classpath*:processes/**/*.bpmn",
      "camunda.bpm.deployment-resource-pattern[1]=classpath*:processes/**/*.dmn",
      "camunda.bpm.deployment-resource-pattern[2]=classpath*:forms/**/*.form",
      "camunda.bpm.deployment-resource-pattern[3]=classpath*:testflow/*.bpmn",
      "linli.test-flow=true",
      // its own engine name: /engine-rest and the webapps of the shared test context look up
      // "default"
      "camunda.bpm.process-engine-name=testflow"
    })
class PluggedFlowTest {

  @LocalServerPort int port;
  @Autowired CaseClock clock;
  @Autowired SlaLedger ledger;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  @DisplayName("只在测试源码中定义的流程：时限入台账、超时督办、短信通知、凭手机查询进度、出现在督查台账")
  void aNewFlowPlugsIntoEveryMechanism() {
    clock.pin();
    RestClient http = TestHttp.client(port);
    JsonNode created =
        http.post()
            .uri("/api/test-checks")
            .body(
                Map.of(
                    "communityCode", "tfsq", "estateCode", "dtsz", "contactPhone", "13800007777"))
            .retrieve()
            .body(JsonNode.class);
    String caseNo = created.get("caseNo").asText();
    assertThat(caseNo).startsWith("XC-");

    // the clock started in the ledger with its due time, under the case's estate and company
    assertThat(ledger.allEntriesOf(caseNo))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.clock()).isEqualTo(DailyCheckFlow.CLOCK);
              assertThat(e.event()).isEqualTo("STARTED");
              assertThat(e.dueAt()).isEqualTo(clock.now().plus(Duration.ofHours(2)));
            });

    // the clock runs out: 社区党委督办 with the clock's name, a BREACHED row
    clock.advance(Duration.ofHours(2).plusSeconds(1));
    clock.executeDueJobs(caseNo);
    var supervise =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(caseNo)
            .taskDefinitionKey("Task_SuperviseCommunity")
            .singleResult();
    assertThat(supervise).isNotNull();
    assertThat(runtime.getVariable(supervise.getExecutionId(), "clockLabel")).isEqualTo("巡查办理时限");
    assertThat(ledger.entriesOf(caseNo))
        .extracting(SlaLedger.Entry::event)
        .containsExactly("BREACHED");
    Long estate =
        jdbc.sql("select estate_id from sla_ledger where case_no = ? and event = 'BREACHED'")
            .param(caseNo)
            .query(Long.class)
            .single();
    assertThat(estate).as("the ledger's dimensions come from case_file").isNotNull();

    // notices: its own noun and events, the shared 超时督办
    assertThat(
            jdbc.sql(
                    "select event_type || ':' || body from notification_outbox where case_no = ? and recipient is null order by id")
                .param(caseNo)
                .query(String.class)
                .list())
        .satisfiesExactly(
            r -> assertThat(r).startsWith("REPORTED:").contains("巡查单 " + caseNo, "已登记，网格员将尽快巡查"),
            r -> assertThat(r).startsWith("ESCALATED:").contains("巡查单 " + caseNo, "处理超时，已提请督办"));

    // tracking: the phone gives a watch token; the status shows the breached clock from the ledger
    JsonNode tracked =
        http.post()
            .uri("/api/test-checks/" + caseNo + "/track")
            .body(Map.of("phone", "138 0000 7777"))
            .retrieve()
            .body(JsonNode.class);
    assertThat(tracked.get("watchToken").asText()).isNotBlank();
    assertThat(
            http.post()
                .uri("/api/test-checks/" + caseNo + "/track")
                .body(Map.of("phone", "13800007778"))
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value())
        .isEqualTo(404);
    JsonNode status = http.get().uri("/api/test-checks/" + caseNo).retrieve().body(JsonNode.class);
    assertThat(status.get("deadlines").get(0).get("state").asText()).isEqualTo("BREACHED");

    // supervision: the breach is in the audit, filterable by the new flow and clock, named in
    // Chinese
    JsonNode breaches =
        http.get()
            .uri("/api/supervision/breaches?flow=DAILY_CHECK&clock=DAILY_CHECK_DONE&community=tfsq")
            .retrieve()
            .body(JsonNode.class);
    assertThat(breaches.get("items"))
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.get("caseNo").asText()).isEqualTo(caseNo);
              assertThat(b.get("clockLabel").asText()).isEqualTo("巡查办理时限");
              assertThat(b.get("caseUrl").asText()).isEqualTo("/api/test-checks/" + caseNo);
            });
    JsonNode dims = http.get().uri("/api/supervision/dimensions").retrieve().body(JsonNode.class);
    assertThat(dims.get("flows").findValuesAsText("code")).contains("DAILY_CHECK");
    assertThat(dims.get("clocks").findValuesAsText("name")).contains("巡查办理时限");

    // done: the case closes and the clock stops (late, after its breach)
    var check =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(caseNo)
            .taskDefinitionKey("Task_Check")
            .singleResult();
    tasks.claim(check.getId(), "grid1");
    tasks.complete(check.getId());
    status = http.get().uri("/api/test-checks/" + caseNo).retrieve().body(JsonNode.class);
    assertThat(status.get("status").asText()).isEqualTo("CLOSED");
    assertThat(ledger.allEntriesOf(caseNo)).extracting(SlaLedger.Entry::event).contains("RESOLVED");
  }
}
