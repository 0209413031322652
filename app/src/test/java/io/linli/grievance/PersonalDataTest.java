package io.linli.grievance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linli.LinliSpringTest;
import io.linli.TestHttp;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

/**
 * Integration tier: what a resident wrote and what staff typed stays where it belongs. The public
 * status of a case shows no note staff typed (the resident who proves the case is theirs does see
 * it); the summary Tasklist shows is masked and never reaches the engine's history.
 */
@LinliSpringTest
class PersonalDataTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired TaskService tasks;

  @Test
  @DisplayName("工作人员的备注不出现在公开的案件状态中，只给凭手机查询的居民本人看")
  void staffNotesAreNotPublic() {
    RestClient http = TestHttp.client(port);
    String caseNo =
        http.post()
            .uri("/api/grievances")
            .body(
                Map.of(
                    "communityCode",
                    "tfsq",
                    "category",
                    "ENVIRONMENT",
                    "description",
                    "楼道堆物",
                    "contactPhone",
                    "13900005555"))
            .retrieve()
            .body(JsonNode.class)
            .get("caseNo")
            .asText();
    var triage = tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
    tasks.complete(triage.getId(), Map.of("category", "ENVIRONMENT", "tier", "GENERAL"));
    var handle = tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
    tasks.complete(handle.getId(), Map.of("handlingResult", "已联系住在3栋的张阿姨本人清理"));

    JsonNode open = http.get().uri("/api/grievances/" + caseNo).retrieve().body(JsonNode.class);
    assertThat(open.get("history").toString()).doesNotContain("张阿姨");
    assertThat(open.get("history").findValuesAsText("event")).contains("RESOLVED");

    JsonNode mine =
        http.post()
            .uri("/api/grievances/" + caseNo + "/track")
            .body(Map.of("phone", "13900005555"))
            .retrieve()
            .body(JsonNode.class);
    assertThat(mine.get("status").get("history").toString()).contains("张阿姨");
  }

  @Test
  @DisplayName("任务摘要中的手机号、身份证号被遮盖，摘要不进入引擎历史表")
  void summaryIsMaskedAndNeverInHistory() {
    RestClient http = TestHttp.client(port);
    String caseNo =
        http.post()
            .uri("/api/grievances")
            .body(
                Map.of(
                    "communityCode",
                    "tfsq",
                    "category",
                    "NOISE",
                    "description",
                    "我是王五，电话13912345678，身份证110101199003074514，楼上夜里装修"))
            .retrieve()
            .body(JsonNode.class)
            .get("caseNo")
            .asText();
    String pi =
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(caseNo)
            .singleResult()
            .getId();

    String summary = (String) runtime.getVariable(pi, "summary");
    assertThat(summary)
        .contains("139****5678", "110101********4514", "楼上夜里装修")
        .doesNotContain("13912345678", "110101199003074514");
    assertThat(
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(pi)
                .variableName("summary")
                .includeDeleted()
                .count())
        .isZero();
    assertThat(
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(pi)
                .variableName("caseNo")
                .count())
        .as("other variables are still audited")
        .isEqualTo(1);
  }
}
