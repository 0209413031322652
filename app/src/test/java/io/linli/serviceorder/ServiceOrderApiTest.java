package io.linli.serviceorder;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linli.LinliSpringTest;
import io.linli.TestHttp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
 * Integration tier: a service order through the HTTP APIs a resident, a worker's phone and Tasklist
 * use — Linli's {@code /api/service-orders} and {@code /api/service-catalogue}, Camunda's {@code
 * /engine-rest} — on the running app and PostgreSQL; and what bad input gets back.
 */
@LinliSpringTest
class ServiceOrderApiTest {

  @LocalServerPort int port;
  @Autowired ServiceOrderScenario scenario;
  @Autowired JdbcClient jdbc;

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
  @DisplayName("点单—派单—接单—签到—报价—接受—完工—确认付款，全程经 REST 接口")
  void wholeOrderThroughRest() {
    var created =
        post(
            "/api/service-orders",
            Map.of(
                "communityCode",
                "tfsq",
                "estateCode",
                "dtsz",
                "buildingCode",
                "b5",
                "itemCode",
                "APPLIANCE-01",
                "description",
                "5栋1203洗衣机不脱水",
                "contactName",
                "周女士",
                "contactPhone",
                "13800001234",
                "channel",
                "MINI_PROGRAM"));
    assertThat(created.status()).isEqualTo(201);
    String orderNo = created.body().get("orderNo").asText();
    assertThat(orderNo).matches("SO-\\d{4}-\\d{6}");
    assertThat(created.body().get("statusUrl").asText())
        .isEqualTo("/api/service-orders/" + orderNo);

    JsonNode status = get("/api/service-orders/" + orderNo).body();
    assertThat(status.get("status").asText()).isEqualTo("DISPATCHING");
    assertThat(status.get("itemName").asText()).isEqualTo("洗衣机维修");
    assertThat(status.toString()).doesNotContain("13800001234").doesNotContain("周女士");
    assertThat(status.get("deadlines"))
        .extracting(d -> d.get("clock").asText())
        .containsExactly("SERVICE_ORDER_DISPATCH");

    completeViaEngineRest(
        orderNo,
        "Task_Dispatch",
        "property1",
        Map.of("dispatchMode", "TEAM", "dispatchTeam", "repair", "dispatchNote", ""));
    completeViaEngineRest(orderNo, "Task_Accept", "contractor1", Map.of("acceptNote", "马上到"));
    var checkedIn =
        post("/api/service-orders/" + orderNo + "/check-in", Map.of("workerId", "contractor1"));
    assertThat(checkedIn.status()).isEqualTo(200);
    assertThat(checkedIn.body().get("status").asText()).isEqualTo("ASSESSING");
    completeViaEngineRest(
        orderNo,
        "Task_Assess",
        "contractor1",
        Map.of("jobSize", "SMALL", "quoteYuan", "35.5", "assessmentNote", "排水泵堵塞"));

    var decided =
        post("/api/service-orders/" + orderNo + "/quote-decision", Map.of("accept", true));
    assertThat(decided.status()).isEqualTo(200);
    assertThat(decided.body().get("quoteFen").asLong()).isEqualTo(3550);
    completeViaEngineRest(orderNo, "Task_FixSmall", "contractor1", Map.of("workResult", "已清理排水泵"));
    var done = post("/api/service-orders/" + orderNo + "/completion", Map.of("paidFen", 3550));
    assertThat(done.status()).isEqualTo(200);

    status = done.body();
    assertThat(status.get("status").asText()).isEqualTo("AWAITING_RATING");
    var rated =
        post("/api/service-orders/" + orderNo + "/evaluation", Map.of("rating", "SATISFIED"));
    assertThat(rated.status()).isEqualTo(200);
    assertThat(rated.body().get("reworkRequired").asBoolean()).isFalse();
    status = get("/api/service-orders/" + orderNo).body();
    assertThat(status.get("status").asText()).isEqualTo("FOLLOW_UP");
    assertThat(status.get("rating").asText()).isEqualTo("SATISFIED");
    assertThat(status.get("paidFen").asLong()).isEqualTo(3550);
    assertThat(status.get("deadlines"))
        .extracting(d -> d.get("clock").asText() + ":" + d.get("state").asText())
        .containsExactly(
            "SERVICE_ORDER_DISPATCH:MET",
            "SERVICE_ORDER_ACCEPT:MET",
            "SERVICE_ORDER_ARRIVE:MET",
            "SERVICE_ORDER_SMALL_FIX:MET");
    assertThat(status.get("history"))
        .extracting(h -> h.get("event").asText())
        .containsSubsequence(
            "ORDERED",
            "DISPATCHED",
            "ACCEPTED",
            "ARRIVED",
            "QUOTED",
            "QUOTE_ACCEPTED",
            "WORK_DONE",
            "COMPLETED",
            "PAID",
            "ASKED_TO_RATE",
            "RATED");
    assertThat(status.get("history"))
        .extracting(h -> h.get("actorRole").asText())
        .contains("居民", "物业服务中心", "接单机构")
        .doesNotContain("contractor1", "property1");
  }

  @Test
  @DisplayName("点单缺项、未知项目、已停用项目、错误手机号、居民接口用代登记渠道：400，逐字段说明")
  void invalidOrders() {
    var r = post("/api/service-orders", Map.of("description", " "));
    assertThat(r.status()).isEqualTo(400);
    assertThat(fields(r.body())).containsKeys("communityCode", "itemCode", "description");
    assertThat(fields(r.body()).get("itemCode")).isEqualTo("请选择服务项目");

    assertThat(fields(post("/api/service-orders", order("NOPE-01")).body()).get("itemCode"))
        .contains("没有这个服务项目");
    assertThat(
            fields(
                    post(
                            "/api/service-orders",
                            with(order("PLUMBING-01"), "communityCode", "nowhere"))
                        .body())
                .get("communityCode"))
        .contains("未知社区");
    assertThat(
            fields(
                post("/api/service-orders", with(order("PLUMBING-01"), "contactPhone", "12345"))
                    .body()))
        .containsKey("contactPhone");
    assertThat(
            fields(
                post("/api/service-orders", with(order("PLUMBING-01"), "channel", "PHONE")).body()))
        .containsKey("residentChannel");
    assertThat(
            fields(
                post("/api/service-orders", with(order("PLUMBING-01"), "channel", "PIGEON"))
                    .body()))
        .containsKey("channel");
  }

  @Test
  @DisplayName("不在该阶段的操作 409，未知服务单 404，非法金额 400，签到人不符 400")
  void refusals() {
    String orderNo =
        post("/api/service-orders", order("PLUMBING-01")).body().get("orderNo").asText();
    assertThat(
            post("/api/service-orders/" + orderNo + "/quote-decision", Map.of("accept", true))
                .status())
        .isEqualTo(409);
    assertThat(
            post("/api/service-orders/" + orderNo + "/completion", Map.of("paidFen", 100)).status())
        .isEqualTo(409);
    assertThat(
            post("/api/service-orders/" + orderNo + "/check-in", Map.of("workerId", "contractor1"))
                .status())
        .isEqualTo(409);
    assertThat(get("/api/service-orders/SO-0000-000000").status()).isEqualTo(404);
    assertThat(post("/api/service-orders/SO-0000-000000/completion", Map.of("paidFen", 1)).status())
        .isEqualTo(404);
    assertThat(
            fields(
                post("/api/service-orders/" + orderNo + "/completion", Map.of("paidFen", -1))
                    .body()))
        .containsKey("paidFen");
    assertThat(
            fields(
                post("/api/service-orders/" + orderNo + "/completion", Map.of("paidFen", 1.5))
                    .body()))
        .as("fen are whole numbers")
        .containsKey("paidFen");
    assertThat(fields(post("/api/service-orders/" + orderNo + "/quote-decision", Map.of()).body()))
        .containsKey("accept");

    completeViaEngineRest(
        orderNo,
        "Task_Dispatch",
        "property1",
        Map.of("dispatchMode", "TEAM", "dispatchTeam", "repair"));
    completeViaEngineRest(orderNo, "Task_Accept", "contractor1", Map.of());
    assertThat(
            fields(
                    post(
                            "/api/service-orders/" + orderNo + "/check-in",
                            Map.of("workerId", "worker1"))
                        .body())
                .get("workerId"))
        .contains("不是由您接单");
    var broken =
        http.post()
            .uri("/api/service-orders")
            .contentType(MediaType.APPLICATION_JSON)
            .body("{\"itemCode\": ")
            .retrieve()
            .toEntity(String.class);
    assertThat(broken.getStatusCode().value()).isEqualTo(400);
    assertThat(broken.getBody()).doesNotContain("Exception");
  }

  @Test
  @DisplayName("服务目录：10个大类52个种子项目，含种子材料列出的项目；志愿项目免费，管理费率5%—10%")
  void seededCatalogue() {
    assertThat(jdbc.sql("select count(*) from service_category").query(Integer.class).single())
        .isEqualTo(10);
    assertThat(
            jdbc.sql("select count(*) from service_item where created_by = 'seed-000'")
                .query(Integer.class)
                .single())
        .isEqualTo(52);
    JsonNode catalogue = get("/api/service-catalogue").body();
    assertThat(catalogue.get("categories")).hasSize(10);
    List<JsonNode> items = new java.util.ArrayList<>();
    catalogue.get("categories").forEach(c -> c.get("items").forEach(items::add));
    assertThat(items)
        .extracting(i -> i.get("name").asText())
        .contains("化粪池清掏", "下水管道疏通", "开门锁", "洗衣机维修", "家具搬运", "空调清洗", "危房排危", "居民义剪", "免费手机贴膜");
    assertThat(items)
        .allSatisfy(
            i -> {
              assertThat(i.get("feeRate").decimalValue())
                  .isBetween(new java.math.BigDecimal("0.05"), new java.math.BigDecimal("0.10"));
              assertThat(i.get("pricing").asText().equals("FREE"))
                  .isEqualTo(i.get("referencePriceFen").asLong() == 0);
            });
    assertThat(items).filteredOn(i -> i.get("pricing").asText().equals("FREE")).isNotEmpty();
  }

  @Test
  @DisplayName("工作人员新建、修改、停用服务项目：修订留痕；停用后不能再点单，已有服务单不受影响")
  void staffManageTheCatalogue() {
    Map<String, Object> item =
        new HashMap<>(
            Map.of(
                "categoryCode",
                "MOVING",
                "name",
                "钢琴搬运（测试）",
                "pricing",
                "LOW_FEE",
                "referencePriceFen",
                50000,
                "unit",
                "台",
                "feeRate",
                "0.08",
                "changedBy",
                "property1"));
    var created = post("/api/service-catalogue/items", item);
    assertThat(created.status()).isEqualTo(201);
    String code = created.body().get("code").asText();
    assertThat(code).matches("MOVING-\\d{2}");
    assertThat(post("/api/service-catalogue/items", item).status())
        .as("same name twice")
        .isEqualTo(409);

    item.put("referencePriceFen", 45000);
    item.put("feeRate", "0.075");
    item.put("note", "降价惠民");
    var edited = put("/api/service-catalogue/items/" + code, item);
    assertThat(edited.status()).isEqualTo(200);
    assertThat(edited.body().get("feeRate").decimalValue()).isEqualByComparingTo("0.075");

    String orderNo = post("/api/service-orders", order(code)).body().get("orderNo").asText();
    var retired =
        post(
            "/api/service-catalogue/items/" + code + "/retirement",
            Map.of("changedBy", "property1", "note", "无人接单"));
    assertThat(retired.status()).isEqualTo(200);
    assertThat(retired.body().get("retired").asBoolean()).isTrue();

    assertThat(fields(post("/api/service-orders", order(code)).body()).get("itemCode"))
        .contains("已停用");
    assertThat(put("/api/service-catalogue/items/" + code, item).status()).isEqualTo(409);
    assertThat(
            post(
                    "/api/service-catalogue/items/" + code + "/retirement",
                    Map.of("changedBy", "property1"))
                .status())
        .isEqualTo(409);
    JsonNode detail = get("/api/service-catalogue/items/" + code).body();
    assertThat(detail.get("revisions"))
        .extracting(r -> r.get("change").asText())
        .containsExactly("CREATED", "EDITED", "RETIRED");
    assertThat(detail.get("revisions").get(1).get("referencePriceFen").asLong()).isEqualTo(45000);
    assertThat(get("/api/service-catalogue").body().toString()).doesNotContain(code);
    assertThat(get("/api/service-catalogue?includeRetired=true").body().toString()).contains(code);
    JsonNode order = get("/api/service-orders/" + orderNo).body();
    assertThat(order.get("itemName").asText()).isEqualTo("钢琴搬运（测试）");
    assertThat(order.get("referencePriceFen").asLong()).isEqualTo(45000);
  }

  @Test
  @DisplayName("服务项目校验：费率超出5%—10%、免费项目带价格、未知类别、缺操作人：400")
  void invalidItems() {
    Map<String, Object> base =
        Map.of(
            "categoryCode",
            "MOVING",
            "name",
            "测试项目",
            "pricing",
            "LOW_FEE",
            "referencePriceFen",
            1000,
            "unit",
            "次",
            "feeRate",
            "0.08",
            "changedBy",
            "property1");
    assertThat(fields(post("/api/service-catalogue/items", with(base, "feeRate", "0.12")).body()))
        .containsKey("feeRate");
    assertThat(fields(post("/api/service-catalogue/items", with(base, "feeRate", "0.0755")).body()))
        .containsKey("feeRate");
    assertThat(fields(post("/api/service-catalogue/items", with(base, "pricing", "FREE")).body()))
        .containsKey("priceMatchingPricing");
    assertThat(
            fields(post("/api/service-catalogue/items", with(base, "categoryCode", "UFO")).body()))
        .containsKey("categoryCode");
    assertThat(fields(post("/api/service-catalogue/items", with(base, "changedBy", "")).body()))
        .containsKey("changedBy");
    assertThat(get("/api/service-catalogue/items/NOPE-01").status()).isEqualTo(404);
    assertThat(
            fields(
                put(
                        "/api/service-catalogue/items/MOVING-01",
                        with(base, "categoryCode", "CLEANING"))
                    .body()))
        .containsKey("categoryCode");
  }

  @Test
  @DisplayName("月结接口：月份格式错误 400，未知社区 404")
  void settlementRefusals() {
    assertThat(fields(get("/api/service-settlements/tfsq/2024-13").body())).containsKey("month");
    assertThat(fields(get("/api/service-settlements/tfsq/202402.csv").body())).containsKey("month");
    assertThat(get("/api/service-settlements/nowhere/2024-02").status()).isEqualTo(404);
  }

  record Response(int status, JsonNode body) {}

  private static Map<String, Object> order(String itemCode) {
    return Map.of("communityCode", "tfsq", "itemCode", itemCode, "description", "请师傅上门");
  }

  private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
    Map<String, Object> m = new HashMap<>(base);
    m.put(key, value);
    return m;
  }

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

  private Response put(String path, Map<String, ?> body) {
    var r =
        http.put()
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
    Map<String, String> out = new HashMap<>();
    assertThat(problem.get("errors")).as("field errors in %s", problem).isNotNull();
    problem.get("errors").forEach(e -> out.put(e.get("field").asText(), e.get("message").asText()));
    return out;
  }

  /** What Tasklist does: find the task, claim it (unless it is assigned), submit the form. */
  private void completeViaEngineRest(
      String orderNo, String taskKey, String user, Map<String, String> form) {
    JsonNode found =
        http.get()
            .uri(
                "/engine-rest/task?processInstanceBusinessKey={k}&taskDefinitionKey={t}",
                orderNo,
                taskKey)
            .retrieve()
            .body(JsonNode.class);
    assertThat(found).hasSize(1);
    String id = found.get(0).get("id").asText();
    if (found.get(0).get("assignee").isNull()) {
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
    }
    Map<String, Object> variables = new HashMap<>();
    form.forEach((k, v) -> variables.put(k, Map.of("value", v, "type", "String")));
    var done =
        http.post()
            .uri("/engine-rest/task/{id}/submit-form", id)
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("variables", variables))
            .retrieve()
            .toEntity(String.class);
    assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(204);
  }
}
