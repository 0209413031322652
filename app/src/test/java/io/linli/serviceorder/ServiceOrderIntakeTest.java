package io.linli.serviceorder;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linli.LinliSpringTest;
import io.linli.TestHttp;
import io.linli.intake.ContactCipher;
import io.linli.intake.PhoneBackfill;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * Integration tier: ordering a service loses nothing and leaks nothing, as grievance intake —
 * Idempotency-Key, the phone validated, stored E.164 and encrypted, 查询进度 by order number and phone,
 * and progress notices on the channels the resident chose.
 */
@LinliSpringTest
class ServiceOrderIntakeTest {

  @LocalServerPort int port;
  @Autowired ServiceOrderScenario scenario;
  @Autowired JdbcClient jdbc;
  @Autowired ContactCipher cipher;
  @Autowired io.linli.intake.WatchTokens tokens;
  @Autowired PhoneBackfill backfill;

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
  @DisplayName("同一 Idempotency-Key 重复下单：返回第一次的答复，只有一张服务单")
  void retriedOrderMakesOneOrder() {
    String key = UUID.randomUUID().toString();
    Map<String, Object> order = order("13800003456");
    var first = post("/api/service-orders", order, key);
    var second = post("/api/service-orders", order, key);
    assertThat(first.status()).isEqualTo(201);
    assertThat(second.status()).isEqualTo(201);
    assertThat(second.body().get("orderNo")).isEqualTo(first.body().get("orderNo"));
    assertThat(
            jdbc.sql("select count(*) from service_order where description = ?")
                .param(order.get("description"))
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(post("/api/service-orders", with(order, "description", "另一件事"), key).status())
        .as("the same key with another request")
        .isEqualTo(409);
  }

  @Test
  @DisplayName("手机号：全角数字可用，存 E.164 密文，不存明文；凭编号和手机号查询，号码不符 404")
  void phoneEncryptedAndTracking() {
    var created = post("/api/service-orders", order("１３８ ０００３ ４５６７"), null);
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    String orderNo = created.body().get("orderNo").asText();
    var row =
        jdbc.sql("select legacy_contact_phone, contact_phone_enc from case_file where case_no = ?")
            .param(orderNo)
            .query((rs, n) -> new Object[] {rs.getString(1), rs.getBytes(2)})
            .single();
    assertThat(row[0]).isNull();
    assertThat(cipher.decrypt((byte[]) row[1])).isEqualTo("+8613800034567");

    var tracked =
        post("/api/service-orders/" + orderNo + "/track", Map.of("phone", "13800034567"), null);
    assertThat(tracked.status()).isEqualTo(200);
    assertThat(tracked.body().get("status").get("orderNo").asText()).isEqualTo(orderNo);
    // Watch tokens are random since they stopped being derived from the key: tracking issues a new
    // one, and it opens the same order.
    assertThat(tokens.valid(orderNo, tracked.body().get("watchToken").asText())).isTrue();
    assertThat(tracked.body().get("eventsUrl").asText())
        .startsWith("/api/cases/service_order/" + orderNo + "/events");
    assertThat(
            post("/api/service-orders/" + orderNo + "/track", Map.of("phone", "13800034568"), null)
                .status())
        .isEqualTo(404);
    assertThat(
            post("/api/service-orders/SO-1999-999999/track", Map.of("phone", "13800034567"), null)
                .status())
        .isEqualTo(404);
  }

  @Test
  @DisplayName("下单时选短信通知：已下单、已派单各有一条中文通知，链接到查询页")
  void chosenChannelsGetNotices() {
    var created =
        post("/api/service-orders", with(order("13800004567"), "notifyBy", List.of("SMS")), null);
    String orderNo = created.body().get("orderNo").asText();
    scenario.dispatchToTeam(new ServiceOrderScenario.Order(orderNo, scenario.instance(orderNo)));

    var notices =
        jdbc.sql(
                """
            select event_type, body from notification_outbox where case_no = ? and channel = 'SMS'
            order by id""")
            .param(orderNo)
            .query((rs, n) -> rs.getString(1) + "|" + rs.getString(2))
            .list();
    assertThat(notices)
        .extracting(s -> s.substring(0, s.indexOf('|')))
        .containsExactly("ORDERED", "DISPATCHED");
    assertThat(notices.get(1))
        .contains("您的服务单 " + orderNo + " 已派单")
        .contains("/resident/#track=" + orderNo);
    assertThat(
            fields(
                post("/api/service-orders", with(order(null), "notifyBy", List.of("SMS")), null)
                    .body()))
        .containsKey("contactPhone");
  }

  @Test
  @DisplayName("控制字符、零宽字符：400 指明字段；生僻字和表情原样保存")
  void textIsCleaned() {
    assertThat(
            fields(
                post("/api/service-orders", with(order(null), "description", "漏水\u200B"), null)
                    .body()))
        .containsKey("description");
    var ok = post("/api/service-orders", with(order(null), "description", "𠀀厨房漏水😀"), null);
    assertThat(ok.status()).isEqualTo(201);
    assertThat(
            jdbc.sql("select description from service_order where order_no = ?")
                .param(ok.body().get("orderNo").asText())
                .query(String.class)
                .single())
        .isEqualTo("𠀀厨房漏水😀");
  }

  @Test
  @DisplayName("V11 之前明文保存的服务单手机号：启动时加密并清空明文列")
  void clearPhonesAreEncryptedByTheBackfill() {
    String orderNo = post("/api/service-orders", order(null), null).body().get("orderNo").asText();
    jdbc.sql("update case_file set legacy_contact_phone = '13800005678' where case_no = ?")
        .param(orderNo)
        .update();

    backfill.run(null);

    var row =
        jdbc.sql("select legacy_contact_phone, contact_phone_enc from case_file where case_no = ?")
            .param(orderNo)
            .query((rs, n) -> new Object[] {rs.getString(1), rs.getBytes(2)})
            .single();
    assertThat(row[0]).isNull();
    assertThat(cipher.decrypt((byte[]) row[1])).isEqualTo("+8613800005678");
  }

  record Response(int status, JsonNode body) {}

  private Response post(String path, Map<String, ?> body, String idempotencyKey) {
    var spec = http.post().uri(path).contentType(MediaType.APPLICATION_JSON);
    if (idempotencyKey != null) spec = spec.header("Idempotency-Key", idempotencyKey);
    var r = spec.body(body).retrieve().toEntity(JsonNode.class);
    return new Response(r.getStatusCode().value(), r.getBody());
  }

  private static Map<String, Object> order(String phone) {
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
                "厨房水管漏水 " + UUID.randomUUID(),
                "channel",
                "WEB"));
    if (phone != null) m.put("contactPhone", phone);
    return m;
  }

  private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
    Map<String, Object> m = new HashMap<>(base);
    m.put(key, value);
    return m;
  }

  private static Map<String, String> fields(JsonNode problem) {
    Map<String, String> out = new HashMap<>();
    problem
        .path("errors")
        .forEach(e -> out.put(e.path("field").asText(), e.path("message").asText()));
    return out;
  }
}
