package io.linli.serviceorder;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linli.LinliSpringTest;
import io.linli.TestHttp;
import io.linli.caselog.CaseLog;
import java.util.HashMap;
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
 * Integration tier, over the API: the service-order API no longer trusts a {@code recordedBy} in
 * the body. Residents' doors refuse staff channels and {@code recordedBy}; staff enter orders at
 * their own door, recorded from the login ({@code X-Linli-User} in the default profile, the token
 * with Keycloak); a decision staff record for a resident names the login's staff member.
 */
@LinliSpringTest
class ServiceOrderRecordedByTest {

  @LocalServerPort int port;
  @Autowired ServiceOrderScenario scenario;
  @Autowired JdbcClient jdbc;
  @Autowired CaseLog caseLog;

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

  record Answer(int status, JsonNode body) {}

  Answer post(String path, String user, Map<String, ?> body) {
    var req = http.post().uri(path).contentType(MediaType.APPLICATION_JSON);
    if (user != null) req = req.header("X-Linli-User", user);
    return req.body(body)
        .exchange((q, r) -> new Answer(r.getStatusCode().value(), r.bodyTo(JsonNode.class)));
  }

  static Map<String, Object> order(String channel) {
    Map<String, Object> m =
        new HashMap<>(
            Map.of(
                "communityCode",
                "tfsq",
                "estateCode",
                "dtsz",
                "itemCode",
                "PLUMBING-01",
                "description",
                "居民在微信群里说厨房水管漏水",
                "contactPhone",
                "13800005522"));
    if (channel != null) m.put("channel", channel);
    return m;
  }

  static String fieldsOf(Answer a) {
    StringBuilder s = new StringBuilder();
    a.body().path("errors").forEach(e -> s.append(e.get("field").asText()).append(' '));
    return s.toString();
  }

  String row(String orderNo, String column) {
    return jdbc.sql("select " + column + " from service_order where order_no = ?")
        .param(orderNo)
        .query(String.class)
        .single();
  }

  @Test
  @DisplayName("居民下单接口拒绝代登记渠道和 recordedBy：400，逐字段说明；什么也不登记")
  void residentDoorRefusesStaffFields() {
    long before = jdbc.sql("select count(*) from service_order").query(Long.class).single();
    Answer phone = post("/api/service-orders", null, order("PHONE"));
    assertThat(phone.status()).isEqualTo(400);
    assertThat(fieldsOf(phone)).contains("residentChannel");
    Map<String, Object> smuggled = order("WEB");
    smuggled.put("recordedBy", "property1");
    Answer named = post("/api/service-orders", "property1", smuggled);
    assertThat(named.status()).isEqualTo(400);
    assertThat(fieldsOf(named)).contains("recordedByAbsent");
    assertThat(jdbc.sql("select count(*) from service_order").query(Long.class).single())
        .isEqualTo(before);
  }

  @Test
  @DisplayName("工作人员代登记：登记人取自登录身份；请求中写登记人 400；非本社区工作人员、居民、未登录 403")
  void staffDoorRecordsTheLogin() {
    Answer entered = post("/api/staff/service-orders", "property1", order("WECHAT_GROUP"));
    assertThat(entered.status()).isEqualTo(201);
    String orderNo = entered.body().get("orderNo").asText();
    assertThat(row(orderNo, "recorded_by")).isEqualTo("property1");
    assertThat(row(orderNo, "channel")).isEqualTo("WECHAT_GROUP");

    Answer byGrid = post("/api/staff/service-orders", "grid1", order("WALK_IN"));
    assertThat(byGrid.status()).isEqualTo(201);
    assertThat(row(byGrid.body().get("orderNo").asText(), "recorded_by")).isEqualTo("grid1");

    Map<String, Object> smuggled = order("PHONE");
    smuggled.put("recordedBy", "somebody-else");
    Answer named = post("/api/staff/service-orders", "property1", smuggled);
    assertThat(named.status()).isEqualTo(400);
    assertThat(fieldsOf(named)).contains("recordedByAbsent");
    Answer web = post("/api/staff/service-orders", "property1", order("WEB"));
    assertThat(web.status()).isEqualTo(400);
    assertThat(fieldsOf(web)).contains("staffChannel");
    Answer noChannel = post("/api/staff/service-orders", "property1", order(null));
    assertThat(noChannel.status()).isEqualTo(400);
    assertThat(fieldsOf(noChannel)).contains("channel");

    long before = jdbc.sql("select count(*) from service_order").query(Long.class).single();
    assertThat(post("/api/staff/service-orders", "property2", order("PHONE")).status())
        .as("another community's staff")
        .isEqualTo(403);
    assertThat(post("/api/staff/service-orders", "resident1", order("PHONE")).status())
        .isEqualTo(403);
    assertThat(post("/api/staff/service-orders", "contractor1", order("PHONE")).status())
        .isEqualTo(403);
    assertThat(post("/api/staff/service-orders", null, order("PHONE")).status()).isEqualTo(403);
    assertThat(jdbc.sql("select count(*) from service_order").query(Long.class).single())
        .isEqualTo(before);
  }

  @Test
  @DisplayName("代居民确认完工：确认人取自登录身份，办理记录写工作人员角色；请求中写登记人 400；无登录为居民本人")
  void decisionsOnBehalfRecordTheLogin() {
    ServiceOrderScenario.Order o = scenario.order("PLUMBING-01");
    scenario.dispatchTo(o, "worker1");
    scenario.accept(o, "worker1");
    scenario.checkIn(o);
    scenario.assessSmall(o, "40");

    Answer named =
        post(
            "/api/service-orders/" + o.orderNo() + "/quote-decision",
            null,
            Map.of("accept", true, "recordedBy", "property1"));
    assertThat(named.status()).isEqualTo(400);
    assertThat(fieldsOf(named)).contains("recordedByAbsent");
    assertThat(
            post(
                    "/api/service-orders/" + o.orderNo() + "/quote-decision",
                    null,
                    Map.of("accept", true))
                .status())
        .isEqualTo(200);
    assertThat(
            caseLog.history(o.orderNo()).stream()
                .filter(e -> e.type() == ServiceOrderEvent.QUOTE_ACCEPTED)
                .findFirst()
                .orElseThrow()
                .actorRole())
        .as("nobody signed in: the resident")
        .isEqualTo("居民");

    scenario.fixSmall(o);
    Answer smuggled =
        post(
            "/api/service-orders/" + o.orderNo() + "/completion",
            "property1",
            Map.of("paidFen", 4000, "recordedBy", "grid1"));
    assertThat(smuggled.status()).isEqualTo(400);
    assertThat(fieldsOf(smuggled)).contains("recordedByAbsent");
    assertThat(
            post(
                    "/api/service-orders/" + o.orderNo() + "/completion",
                    "property1",
                    Map.of("paidFen", 4000))
                .status())
        .isEqualTo(200);
    assertThat(row(o.orderNo(), "completion_recorded_by")).isEqualTo("property1");
    assertThat(
            caseLog.history(o.orderNo()).stream()
                .filter(e -> e.type() == ServiceOrderEvent.COMPLETED)
                .findFirst()
                .orElseThrow()
                .actorRole())
        .isEqualTo("物业服务中心");
  }
}
