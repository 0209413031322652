package io.linli.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linli.LinliSpringTest;
import io.linli.RawHttp;
import io.linli.TestHttp;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * Integration tier: the bad inputs a security probe found that answered 500 or were stored as typed
 * — each must be a 400 naming the field (problem+json, or Open311's error shape), with no Java type
 * in the body, and nothing may reach PostgreSQL.
 */
@LinliSpringTest
class BadInputTest {

  /** U+FB2C (a Hebrew presentation form) is one code point that NFC turns into three. */
  static final String GROWS_UNDER_NFC = "\uFB2C".repeat(50);

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;

  RestClient http;

  @BeforeEach
  void client() {
    http = TestHttp.client(port);
  }

  ResponseEntity<String> postJson(String path, Object body) {
    return http.post()
        .uri(path)
        .contentType(MediaType.APPLICATION_JSON)
        .header("X-Linli-User", "rep01")
        .body(body)
        .retrieve()
        .toEntity(String.class);
  }

  /** 400, problem+json, the field named, no Java type or stack trace. */
  void refusedNaming(ResponseEntity<String> r, String field) throws Exception {
    assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(400);
    noInternals(r.getBody());
    JsonNode body = json.readTree(r.getBody());
    assertThat(body.path("errors").findValuesAsText("field")).as(r.getBody()).contains(field);
  }

  static void noInternals(String body) {
    assertThat(body)
        .doesNotContainPattern(
            "(java|jakarta|org\\.springframework|org\\.camunda|com\\.fasterxml|org\\.postgresql)\\.[a-z]")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  static Map<String, Object> grievance() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("communityCode", "tfsq");
    m.put("category", "GREENING");
    m.put("description", "绿化带枯死");
    return m;
  }

  @Test
  @DisplayName("NFC 后变长的联系人姓名（50 × U+FB2C）：按归一后的长度校验，400 指明 contactName")
  void lengthCheckedAfterNormalising() throws Exception {
    Map<String, Object> body = grievance();
    body.put("contactName", GROWS_UNDER_NFC);
    refusedNaming(postJson("/api/grievances", body), "contactName");
  }

  @Test
  @DisplayName("NUL 在议事编码、评价意见、服务目录与 Open311 编号中：400，不到数据库")
  void nulRefusedEverywhere() throws Exception {
    Map<String, Object> topic = new LinkedHashMap<>();
    topic.put("communityCode", "tf\u0000sq");
    topic.put("estateCode", "dtsz");
    topic.put("category", "PUBLIC_FACILITY");
    topic.put("title", "议题");
    topic.put("description", "说明");
    topic.put("proposerRole", "RESIDENT");
    topic.put("contactPhone", "13800001234");
    refusedNaming(postJson("/api/consultations", topic), "communityCode");

    refusedNaming(
        postJson(
            "/api/consultations/YS-2026-000001/ratings",
            Map.of("rating", "SATISFIED", "comment", "好\u0000")),
        "comment");
    refusedNaming(
        postJson(
            "/api/grievances/GR-2026-999999/evaluation",
            Map.of("rating", "SATISFIED", "comment", "好\u0000")),
        "comment");

    refusedNaming(postJson("/api/service-catalogue/items", catalogueItem("管道疏通\u0000")), "name");

    RawHttp.Answer ids =
        RawHttp.send(
            port,
            "GET /open311/v2/requests.json?jurisdiction_id=tfsq&service_request_id=GR-1%00 HTTP/1.1",
            null);
    assertThat(ids.status()).as(ids.body()).isEqualTo(400);
    assertThat(json.readTree(ids.body()).get(0).get("code").asInt()).isEqualTo(400);
    noInternals(ids.body());
    RawHttp.Answer code =
        RawHttp.send(
            port,
            "POST /open311/v2/requests.json HTTP/1.1\r\n"
                + "Content-Type: application/x-www-form-urlencoded",
            "jurisdiction_id=tfsq&service_code=WATER%00&description=a&address_id=dtsz"
                .getBytes(StandardCharsets.US_ASCII));
    assertThat(code.status()).as(code.body()).isEqualTo(400);
    noInternals(code.body());
  }

  static Map<String, Object> catalogueItem(String name) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("categoryCode", "PLUMBING");
    m.put("name", name);
    m.put("pricing", "LOW_FEE");
    m.put("referencePriceFen", 3000);
    m.put("unit", "次");
    m.put("feeRate", 0.05);
    m.put("description", "说明");
    m.put("changedBy", "property1");
    return m;
  }

  @Test
  @DisplayName("文字方向覆盖、响铃、零宽字符、孤立代理：评价、议题、服务目录一律 400，不再入库")
  void oneTextRuleForEveryField() throws Exception {
    refusedNaming(
        postJson(
            "/api/consultations/YS-2026-000001/votes",
            Map.of("vote", "AGREE", "comment", "同意\u202E")),
        "comment");
    refusedNaming(
        postJson(
            "/api/consultations/from-grievance",
            Map.of(
                "grievanceCaseNo",
                "GR-2026-999999",
                "category",
                "PUBLIC_FACILITY",
                "title",
                "标题\u2066",
                "description",
                "说明")),
        "title");
    refusedNaming(postJson("/api/service-catalogue/items", catalogueItem("响铃\u0007")), "name");
    refusedNaming(postJson("/api/service-catalogue/items", catalogueItem("零宽\u200B")), "name");
    refusedNaming(postJson("/api/service-catalogue/items", catalogueItem("孤立\uD800代理")), "name");
    Map<String, Object> described = catalogueItem("上门维修");
    described.put("description", "说明\u009B");
    refusedNaming(postJson("/api/service-catalogue/items", described), "description");
    Map<String, Object> order = new LinkedHashMap<>();
    order.put("reason", "太贵\u202D");
    order.put("accept", false);
    refusedNaming(postJson("/api/service-orders/SO-2026-999999/quote-decision", order), "reason");
  }

  @Test
  @DisplayName("服务目录里已有的响铃字符（旧数据）：services.xml 仍是合法 XML")
  void xmlNeverCarriesAnIllegalCharacter() throws Exception {
    jdbc.sql(
            """
        insert into service_item (code, category_code, name, pricing, reference_price_fen, unit, fee_rate, description, created_by)
        values ('BELL-01', 'PLUMBING', '旧数据\u0007名称', 'LOW_FEE', 100, '次', 0.05, '说明\u0001\uFFFE', 'test')""")
        .update();
    try {
      String xml =
          http.get()
              .uri("/open311/v2/services.xml?jurisdiction_id=tfsq")
              .retrieve()
              .body(String.class);
      DocumentBuilderFactory.newInstance()
          .newDocumentBuilder()
          .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
      assertThat(xml).contains("旧数据").doesNotContain("\u0007");
    } finally {
      jdbc.sql("update service_item set retired_at = now() where code = 'BELL-01'").update();
    }
  }

  @Test
  @DisplayName("非 ASCII 的请求头值（每个端点）：400 而非 500")
  void nonAsciiHeaderIs400() throws Exception {
    for (String path :
        new String[] {
          "/api/resident/options",
          "/resident/",
          "/open311/v2/services.json",
          "/engine-rest/engine",
          "/supervision/api/dimensions"
        }) {
      RawHttp.Answer a =
          RawHttp.send(
              port, "GET " + path + " HTTP/1.1\r\nX-Note: " + RawHttp.utf8Bytes("居民"), null);
      assertThat(a.status()).as(path + " " + a.body()).isEqualTo(400);
      noInternals(a.body());
    }
  }

  @Test
  @DisplayName("multipart 文件名含 NUL：400")
  void nulInMultipartFileNameIs400() throws Exception {
    JsonNode created = json.readTree(postJson("/api/grievances", grievance()).getBody());
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    javax.imageio.ImageIO.write(
        new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB),
        "png",
        png);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(
        ("--b0undary\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"a\u0000.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
    body.write(png.toByteArray());
    body.write("\r\n--b0undary--\r\n".getBytes(StandardCharsets.ISO_8859_1));
    RawHttp.Answer a =
        RawHttp.send(
            port,
            "POST /api/cases/grievance/"
                + created.get("caseNo").asText()
                + "/photos?token="
                + created.get("watchToken").asText()
                + " HTTP/1.1\r\nContent-Type: multipart/form-data; boundary=b0undary",
            body.toByteArray());
    assertThat(a.status()).as(a.body()).isEqualTo(400);
    noInternals(a.body());
  }

  @Test
  @DisplayName("Open311 start_date=-999999999-01-01T00:00:00Z：400")
  void absurdOpen311DateIs400() throws Exception {
    ResponseEntity<String> r =
        http.get()
            .uri(
                "/open311/v2/requests.json?jurisdiction_id=tfsq&start_date={d}",
                "-999999999-01-01T00:00:00Z")
            .retrieve()
            .toEntity(String.class);
    assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(400);
    assertThat(json.readTree(r.getBody()).get(0).get("code").asInt()).isEqualTo(400);
    noInternals(r.getBody());
  }

  @Test
  @DisplayName("/engine-rest 的错误不带 Java 异常类型与消息，状态码不变")
  void engineRestErrorsCarryNoJavaTypes() throws Exception {
    ResponseEntity<String> missing =
        http.get().uri("/engine-rest/task/no-such-task").retrieve().toEntity(String.class);
    assertThat(missing.getStatusCode().value()).isEqualTo(404);
    noInternals(missing.getBody());
    assertThat(json.readTree(missing.getBody()).has("type")).isFalse();

    ResponseEntity<String> malformed =
        http.post()
            .uri("/engine-rest/task/no-such-task/claim")
            .contentType(MediaType.APPLICATION_JSON)
            .body("{\"userId\": ")
            .retrieve()
            .toEntity(String.class);
    assertThat(malformed.getStatusCode().value()).isEqualTo(400);
    noInternals(malformed.getBody());

    ResponseEntity<String> badQuery =
        http.get().uri("/engine-rest/task?dueAfter=notadate").retrieve().toEntity(String.class);
    assertThat(badQuery.getStatusCode().value()).isEqualTo(400);
    noInternals(badQuery.getBody());
    assertThat(json.readTree(badQuery.getBody()).has("type")).isFalse();
  }
}
