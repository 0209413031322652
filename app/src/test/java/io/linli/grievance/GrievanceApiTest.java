package io.linli.grievance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linli.LinliSpringTest;
import io.linli.TestHttp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Integration tier: a grievance through the HTTP APIs a resident and Tasklist use — Linli's {@code
 * /api/grievances} and Camunda's {@code /engine-rest} — on the running app and PostgreSQL; and what
 * bad input gets back.
 */
@LinliSpringTest
class GrievanceApiTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired GrievanceScenario scenario;
  @Autowired FilterService filters;
  @Autowired IdentityService identity;

  RestClient http;

  @BeforeEach
  void client() {
    http = TestHttp.client(port);
    scenario.pinClock();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  @DisplayName("上报—分流—响应—办结—评价，全程经 REST 接口")
  void wholeCaseThroughRest() throws Exception {
    var created =
        post(
            "/api/grievances",
            Map.of(
                "communityCode",
                "tfsq",
                "estateCode",
                "dtsz",
                "buildingCode",
                "b3",
                "category",
                "FACILITY",
                "description",
                "3栋电梯停运两天了，老人上下楼困难",
                "contactName",
                "周女士",
                "contactPhone",
                "13800001234"));
    assertThat(created.status()).isEqualTo(201);
    String caseNo = created.body().get("caseNo").asText();
    assertThat(caseNo).matches("GR-\\d{4}-\\d{6}");
    assertThat(created.body().get("statusUrl").asText()).isEqualTo("/api/grievances/" + caseNo);

    JsonNode status = get("/api/grievances/" + caseNo).body();
    assertThat(status.get("status").asText()).isEqualTo("TRIAGE");
    assertThat(status.get("tier").asText()).as("DMN suggestion").isEqualTo("MEDIUM");
    assertThat(status.toString()).doesNotContain("13800001234").doesNotContain("周女士");
    assertThat(status.get("deadlines"))
        .extracting(d -> d.get("clock").asText())
        .containsExactly("GRIEVANCE_RESPOND", "GRIEVANCE_RESOLVE");

    completeViaEngineRest(
        caseNo,
        "Task_Triage",
        "grid1",
        Map.of("category", "FACILITY", "tier", "MEDIUM", "triageNote", "电梯故障"));
    completeViaEngineRest(
        caseNo,
        "Task_Respond",
        "property1",
        Map.of("responseNote", "已联系维保单位", "feedbackMethod", "PHONE"));
    completeViaEngineRest(caseNo, "Task_Resolve", "property1", Map.of("handlingResult", "电梯已修复"));

    status = get("/api/grievances/" + caseNo).body();
    assertThat(status.get("status").asText()).isEqualTo("AWAITING_RATING");
    assertThat(status.get("deadlines"))
        .extracting(d -> d.get("state").asText())
        .containsOnly("MET");

    var rated = post("/api/grievances/" + caseNo + "/evaluation", Map.of("rating", "SATISFIED"));
    assertThat(rated.status()).isEqualTo(200);
    assertThat(rated.body().get("reworkRequired").asBoolean()).isFalse();
    var again = post("/api/grievances/" + caseNo + "/evaluation", Map.of("rating", "SATISFIED"));
    assertThat(again.status()).as("a second rating is refused").isEqualTo(409);

    status = get("/api/grievances/" + caseNo).body();
    assertThat(status.get("status").asText()).isEqualTo("FOLLOW_UP");
    assertThat(status.get("history"))
        .extracting(h -> h.get("event").asText())
        .containsSubsequence(
            "RECEIVED", "TIER_SET", "RESPONDED", "RESOLVED", "ASKED_TO_RATE", "RATED");
    assertThat(status.get("history"))
        .extracting(h -> h.get("actorRole").asText())
        .contains("网格员", "物业服务中心")
        .doesNotContain("grid1", "property1");
  }

  @Test
  @DisplayName("超时后，督办任务出现在社区党委成员的「本社区待认领」过滤器中")
  void breachReachesCommitteeTasklistFilter() throws Exception {
    var created =
        post(
            "/api/grievances",
            Map.of("communityCode", "tfsq", "category", "ENVIRONMENT", "description", "垃圾桶满溢"));
    String caseNo = created.body().get("caseNo").asText();
    GrievanceScenario.Case c =
        new GrievanceScenario.Case(caseNo, scenario.task(caseNo, "Task_Triage"));
    scenario.advance(Duration.ofHours(4).plusSeconds(1));
    scenario.executeDueJobs(c);

    Filter unclaimed = filters.createFilterQuery().filterName("本社区待认领").singleResult();
    identity.setAuthentication(
        "committee1", List.of("community-committee", "tfsq-community-committee"));
    try {
      List<Task> seen =
          filters.listPage(
              unclaimed.getId(), 0, 100); // unbounded lists are refused (query-max-results-limit)
      assertThat(seen)
          .filteredOn(t -> t.getTaskDefinitionKey().equals("Task_SuperviseCommunity"))
          .extracting(t -> t.getProcessInstanceId())
          .isNotEmpty();
      assertThat(seen).extracting(Task::getName).contains("社区党委督办");
    } finally {
      identity.clearAuthentication();
    }
    identity.setAuthentication("grid1", List.of("grid-worker", "tfsq-grid-worker"));
    try {
      List<Task> gridSees =
          filters.listPage(
              unclaimed.getId(), 0, 100); // unbounded lists are refused (query-max-results-limit)
      assertThat(gridSees)
          .extracting(Task::getTaskDefinitionKey)
          .doesNotContain("Task_SuperviseCommunity");
    } finally {
      identity.clearAuthentication();
    }
    JsonNode status = get("/api/grievances/" + caseNo).body();
    assertThat(status.get("deadlines").get(0).get("state").asText()).isEqualTo("BREACHED");
  }

  @Test
  @DisplayName("缺少必填项：400，逐字段说明")
  void missingFields() {
    var r = post("/api/grievances", Map.of("description", " "));
    assertThat(r.status()).isEqualTo(400);
    assertThat(fields(r.body())).containsKeys("communityCode", "category", "description");
    assertThat(fields(r.body()).get("category")).isEqualTo("请选择问题类别");
  }

  @Test
  @DisplayName("未知类别、未知社区、错误手机号、楼栋不属于小区：400，指明字段")
  void invalidValues() {
    assertThat(
            fields(
                post(
                        "/api/grievances",
                        Map.of("communityCode", "tfsq", "category", "UFO", "description", "x"))
                    .body()))
        .containsKey("category");
    assertThat(
            fields(
                    post(
                            "/api/grievances",
                            Map.of(
                                "communityCode",
                                "nowhere",
                                "category",
                                "OTHER",
                                "description",
                                "x"))
                        .body())
                .get("communityCode"))
        .contains("未知社区");
    assertThat(
            fields(
                post(
                        "/api/grievances",
                        Map.of(
                            "communityCode",
                            "tfsq",
                            "category",
                            "OTHER",
                            "description",
                            "x",
                            "contactPhone",
                            "12345"))
                    .body()))
        .containsKey("contactPhone");
    assertThat(
            fields(
                post(
                        "/api/grievances",
                        Map.of(
                            "communityCode",
                            "tfsq",
                            "estateCode",
                            "dfhy",
                            "buildingCode",
                            "b11",
                            "category",
                            "OTHER",
                            "description",
                            "x"))
                    .body()))
        .containsKey("buildingCode");
    assertThat(
            fields(
                post(
                        "/api/grievances",
                        Map.of(
                            "communityCode",
                            "tfsq",
                            "category",
                            "OTHER",
                            "description",
                            "x",
                            "channel",
                            "PHONE"))
                    .body()))
        .as("热线 is staff's, by the start form")
        .containsKey("residentChannel");
    assertThat(
            fields(
                post(
                        "/api/grievances",
                        Map.of(
                            "communityCode",
                            "tfsq",
                            "category",
                            "OTHER",
                            "description",
                            "x",
                            "channel",
                            "WALK_IN",
                            "recordedBy",
                            "grid1"))
                    .body()))
        .as("a body cannot name who recorded it")
        .containsKeys("residentChannel", "recordedByAbsent");
    assertThat(
            fields(
                post(
                        "/api/grievances",
                        Map.of(
                            "communityCode",
                            "tfsq",
                            "category",
                            "OTHER",
                            "description",
                            "x",
                            "recordedBy",
                            "grid1"))
                    .body()))
        .containsKey("recordedByAbsent");
  }

  @Test
  @DisplayName("非 JSON 请求体、未知案件、无效评价：4xx，不出现 500 和堆栈")
  void otherRefusals() {
    var broken =
        http.post()
            .uri("/api/grievances")
            .contentType(MediaType.APPLICATION_JSON)
            .body("{\"communityCode\": ")
            .retrieve()
            .toEntity(String.class);
    assertThat(broken.getStatusCode().value()).isEqualTo(400);
    assertThat(broken.getBody()).doesNotContain("Exception").doesNotContain("at io.");
    assertThat(get("/api/grievances/GR-0000-000000").status()).isEqualTo(404);
    assertThat(
            post("/api/grievances/GR-0000-000000/evaluation", Map.of("rating", "SATISFIED"))
                .status())
        .isEqualTo(404);
    assertThat(post("/api/grievances/GR-0000-000000/evaluation", Map.of("rating", "NONE")).status())
        .isEqualTo(400);
  }

  @Test
  @DisplayName("Tasklist 提交的整改时限不合规：400 并给出原因，任务保持打开")
  void refusedFormIsBadRequest() {
    var created =
        post(
            "/api/grievances",
            Map.of("communityCode", "tfsq", "category", "NEIGHBOUR", "description", "楼上漏水，协商未果"));
    String caseNo = created.body().get("caseNo").asText();
    completeViaEngineRest(
        caseNo, "Task_Triage", "grid1", Map.of("category", "NEIGHBOUR", "tier", "DIFFICULT"));
    var refused =
        submit(
            caseNo,
            "Task_ContactResident",
            "property1",
            Map.of(
                "contactMethod",
                "PHONE",
                "rectificationMeasures",
                "协调",
                "committedDeadline",
                "2020-01-01T10:00+08:00"));
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody()).contains("承诺整改时限须晚于当前时间");
    JsonNode open =
        http.get()
            .uri(
                "/engine-rest/task?processInstanceBusinessKey={k}&taskDefinitionKey=Task_ContactResident",
                caseNo)
            .retrieve()
            .body(JsonNode.class);
    assertThat(open).hasSize(1);
  }

  record Response(int status, JsonNode body) {}

  private Response post(String path, Map<String, ?> body) {
    var r =
        http.post()
            .uri(path)
            .contentType(MediaType.APPLICATION_JSON)
            .body(body)
            .retrieve()
            .toEntity(JsonNode.class);
    return new Response(r.getStatusCode().value(), r.getBody());
  }

  private Response get(String path) {
    var r = http.get().uri(path).retrieve().toEntity(JsonNode.class);
    return new Response(r.getStatusCode().value(), r.getBody());
  }

  private static Map<String, String> fields(JsonNode problem) {
    Map<String, String> out = new java.util.HashMap<>();
    problem.get("errors").forEach(e -> out.put(e.get("field").asText(), e.get("message").asText()));
    return out;
  }

  /** What Tasklist does: find the task, claim it, submit the form. */
  private void completeViaEngineRest(
      String caseNo, String taskKey, String user, Map<String, String> form) {
    var done = submit(caseNo, taskKey, user, form);
    assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(204);
  }

  private org.springframework.http.ResponseEntity<String> submit(
      String caseNo, String taskKey, String user, Map<String, String> form) {
    JsonNode found =
        http.get()
            .uri(
                "/engine-rest/task?processInstanceBusinessKey={k}&taskDefinitionKey={t}",
                caseNo,
                taskKey)
            .retrieve()
            .body(JsonNode.class);
    assertThat(found).hasSize(1);
    String id = found.get(0).get("id").asText();
    assertThat(
            http.post()
                .uri("/engine-rest/task/{id}/claim", id)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("userId", user))
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value())
        .isEqualTo(204);
    Map<String, Object> variables = new java.util.HashMap<>();
    form.forEach((k, v) -> variables.put(k, Map.of("value", v, "type", "String")));
    return http.post()
        .uri("/engine-rest/task/{id}/submit-form", id)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("variables", variables))
        .retrieve()
        .toEntity(String.class);
  }
}
