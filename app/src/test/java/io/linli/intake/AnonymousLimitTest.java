package io.linli.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linli.TestHttp;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Integration tier (its own small context with low limits, closed afterwards): anonymous writes are
 * limited per client address across every channel — app intake, Open311, tracking — with 429 and
 * {@code Retry-After} past the limit, counted in PostgreSQL (one number for every node) and purged
 * once the window ended; authenticated staff are not counted. Each test is its own client address
 * ({@code X-Forwarded-For}, honoured with {@code server.forward-headers-strategy=native}).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.job-execution.enabled=false",
      // its own engine name: the shared test context's engine stays the JVM's "default", which
      // /engine-rest and the webapps look up by name (docs/stack-notes.md)
      "camunda.bpm.process-engine-name=anonymous-limit",
      "linli.embedded-postgres.clean=true",
      "linli.embedded-postgres.port=",
      "linli.embedded-postgres.data-directory=${java.io.tmpdir}/linli-test-${random.uuid}",
      "server.forward-headers-strategy=native",
      "linli.intake.anonymous-limit=3",
      "linli.intake.anonymous-window=PT10M",
      "linli.intake.proof-limit=2"
    })
@DirtiesContext
// A context of its own: it runs after the tests of the shared test context, whose /engine-rest and
// webapps look their engine up in the JVM-wide registry that a second context disturbs.
@org.junit.jupiter.api.Order(Integer.MAX_VALUE - 5)
class AnonymousLimitTest {

  static final int LIMIT = 3;
  static final int PROOF_LIMIT = 2;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired AnonymousWrites writes;
  @Autowired IntakeHousekeeping housekeeping;
  final ObjectMapper json = new ObjectMapper();

  RestClient http;

  @BeforeEach
  void client() {
    http = TestHttp.client(port);
    // The start of a window, so the requests of one test never straddle two.
    ClockUtil.setCurrentTime(Date.from(java.time.Instant.parse("2031-03-01T08:00:00Z")));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  ResponseEntity<String> grievance(String address, String text, String idempotencyKey) {
    var req =
        http.post()
            .uri("/api/grievances")
            .header("X-Forwarded-For", address)
            .contentType(MediaType.APPLICATION_JSON);
    if (idempotencyKey != null) req = req.header("Idempotency-Key", idempotencyKey);
    return req.body(
            Map.of(
                "communityCode",
                "tfsq",
                "estateCode",
                "wjaz",
                "category",
                "ENVIRONMENT",
                "description",
                text,
                "channel",
                "WEB"))
        .retrieve()
        .toEntity(String.class);
  }

  ResponseEntity<String> open311(String address, String text) {
    var form = new LinkedMultiValueMap<String, String>();
    form.add("jurisdiction_id", "tfsq");
    form.add("service_code", "WATER_POWER");
    form.add("address_id", "dfhy.b7");
    form.add("description", text);
    return http.post()
        .uri("/open311/v2/requests.json")
        .header("X-Forwarded-For", address)
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(form)
        .retrieve()
        .toEntity(String.class);
  }

  ResponseEntity<String> serviceOrder(String address) {
    return http.post()
        .uri("/api/service-orders")
        .header("X-Forwarded-For", address)
        .contentType(MediaType.APPLICATION_JSON)
        .body(
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
                "洗衣机不脱水",
                "contactPhone",
                "13800001234",
                "channel",
                "MINI_PROGRAM"))
        .retrieve()
        .toEntity(String.class);
  }

  ResponseEntity<String> track(String address, String caseNo, String phone) {
    return http.post()
        .uri("/api/grievances/{c}/track", caseNo)
        .header("X-Forwarded-For", address)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("phone", phone))
        .retrieve()
        .toEntity(String.class);
  }

  long cases(String text) {
    return jdbc.sql("select count(*) from grievance_case where description like ?")
        .param(text + "%")
        .query(Long.class)
        .single();
  }

  void assertRefused(ResponseEntity<String> r) throws Exception {
    assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(429);
    long retryAfter = Long.parseLong(r.getHeaders().getFirst("Retry-After"));
    assertThat(retryAfter).isBetween(1L, 600L);
  }

  @Test
  @DisplayName("同一地址匿名网页上报：第 N+1 次 429（problem+json，带 Retry-After），不建案；其他地址不受影响；窗口过后恢复")
  void webGrievancesAreLimitedPerAddress() throws Exception {
    String me = "198.51.100.1";
    for (int i = 1; i <= LIMIT; i++) {
      assertThat(grievance(me, "网页上报 " + i, null).getStatusCode().value())
          .as("report %d", i)
          .isEqualTo(201);
    }
    ResponseEntity<String> refused = grievance(me, "网页上报 超限", null);
    assertRefused(refused);
    assertThat(refused.getHeaders().getContentType().toString())
        .startsWith("application/problem+json");
    JsonNode problem = json.readTree(refused.getBody());
    assertThat(problem.get("status").asInt()).isEqualTo(429);
    assertThat(problem.get("title").asText()).contains("提交过于频繁");
    assertThat(cases("网页上报 超限")).isZero();

    assertThat(grievance("198.51.100.2", "另一个地址", null).getStatusCode().value())
        .as("another address")
        .isEqualTo(201);

    ClockUtil.setCurrentTime(
        Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(10))));
    assertThat(grievance(me, "网页上报 下一个窗口", null).getStatusCode().value())
        .as("the next window")
        .isEqualTo(201);
  }

  @Test
  @DisplayName("一个地址的计数跨渠道共用：网页上报、Open311、服务点单合计超限即 429；Open311 用规范的错误格式")
  void everyChannelCountsAgainstOneNumber() throws Exception {
    String me = "198.51.100.3";
    assertThat(grievance(me, "跨渠道 1", null).getStatusCode().value()).isEqualTo(201);
    assertThat(open311(me, "跨渠道 2").getStatusCode().value()).isEqualTo(201);
    assertThat(serviceOrder(me).getStatusCode().value()).isEqualTo(201);

    ResponseEntity<String> refused = open311(me, "跨渠道 超限");
    assertRefused(refused);
    JsonNode error = json.readTree(refused.getBody()).get(0);
    assertThat(error.get("code").asInt()).isEqualTo(429);
    assertThat(error.get("description").asText()).contains("提交过于频繁");
    assertRefused(serviceOrder(me));
    assertRefused(grievance(me, "跨渠道 超限", null));
    assertThat(cases("跨渠道 超限")).isZero();
  }

  @Test
  @DisplayName("Open311 匿名提交：同一地址第 N+1 次 429")
  void open311RequestsAreLimitedPerAddress() throws Exception {
    String me = "198.51.100.4";
    for (int i = 1; i <= LIMIT; i++) {
      assertThat(open311(me, "Open311 " + i).getStatusCode().value())
          .as("request %d", i)
          .isEqualTo(201);
    }
    assertRefused(open311(me, "Open311 超限"));
    assertThat(cases("Open311 超限")).isZero();
  }

  @Test
  @DisplayName("查询进度（案件编号+手机号）另有更紧的限额：第 N+1 次即使手机号正确也 429，且不占用提交限额")
  void trackingAttemptsHaveATighterLimit() throws Exception {
    String resident = "198.51.100.5";
    var created =
        http.post()
            .uri("/api/grievances")
            .header("X-Forwarded-For", resident)
            .contentType(MediaType.APPLICATION_JSON)
            .body(
                Map.of(
                    "communityCode",
                    "tfsq",
                    "category",
                    "ENVIRONMENT",
                    "description",
                    "查询进度用",
                    "contactPhone",
                    "13900001111",
                    "channel",
                    "WEB"))
            .retrieve()
            .toEntity(String.class);
    assertThat(created.getStatusCode().value()).isEqualTo(201);
    String caseNo = json.readTree(created.getBody()).get("caseNo").asText();

    String guesser = "198.51.100.6";
    for (int i = 1; i <= PROOF_LIMIT; i++) {
      assertThat(track(guesser, caseNo, "1390000222" + i).getStatusCode().value())
          .as("guess %d", i)
          .isEqualTo(404);
    }
    assertRefused(track(guesser, caseNo, "13900001111"));
    assertThat(grievance(guesser, "猜号码的人仍可上报", null).getStatusCode().value())
        .as("tracking does not use up the write limit")
        .isEqualTo(201);

    assertThat(track(resident, caseNo, "13900001111").getStatusCode().value()).isEqualTo(200);
  }

  @Test
  @DisplayName("带 Idempotency-Key 的重放不计数（计数退回）；超限时新的提交即使带新键也 429")
  void idempotentReplaysDoNotCount() throws Exception {
    String me = "198.51.100.7";
    String key = UUID.randomUUID().toString();
    assertThat(grievance(me, "重放 1", key).getStatusCode().value()).isEqualTo(201);
    for (int i = 0; i < 5; i++) {
      ResponseEntity<String> replay = grievance(me, "重放 1", key);
      assertThat(replay.getStatusCode().value()).isEqualTo(201);
      assertThat(replay.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    }
    for (int i = 2; i <= LIMIT; i++) {
      assertThat(grievance(me, "重放 " + i, null).getStatusCode().value())
          .as("report %d", i)
          .isEqualTo(201);
    }
    assertRefused(grievance(me, "重放 超限", null));
    assertRefused(grievance(me, "重放 超限", UUID.randomUUID().toString()));
    assertThat(cases("重放 1")).isEqualTo(1);
    assertThat(cases("重放 超限")).isZero();
  }

  @Test
  @DisplayName("两个节点（两个计数器）在同一数据库上共用一个计数；读取（GET）不计数")
  void nodesCountAgainstOneNumber() throws Exception {
    String me = "198.51.100.8";
    AnonymousLimit otherNode =
        new AnonymousLimit(jdbc, LIMIT, PROOF_LIMIT, 120, Duration.ofMinutes(10));
    otherNode.count(AnonymousLimit.Kind.WRITE, me);
    otherNode.count(AnonymousLimit.Kind.WRITE, me);
    for (int i = 0; i < 5; i++) {
      assertThat(
              http.get()
                  .uri("/api/resident/options")
                  .header("X-Forwarded-For", me)
                  .retrieve()
                  .toBodilessEntity()
                  .getStatusCode()
                  .value())
          .isEqualTo(200);
    }
    assertThat(grievance(me, "两个节点 1", null).getStatusCode().value()).isEqualTo(201);
    assertRefused(grievance(me, "两个节点 超限", null));
    assertThatThrownBy(() -> otherNode.count(AnonymousLimit.Kind.WRITE, me))
        .isInstanceOf(RateLimited.class);
    assertThat(
            jdbc.sql(
                    "select requests from anonymous_write_window where kind = 'WRITE' and client_addr = ?")
                .param(me)
                .query(Integer.class)
                .single())
        .isEqualTo(LIMIT + 2);
  }

  @Test
  @DisplayName("已登录用户（keycloak 档案下带 JWT 的工作人员）的写请求不计数")
  void authenticatedWritesAreNotCounted() throws Exception {
    String me = "198.51.100.9";
    var request =
        new org.springframework.mock.web.MockHttpServletRequest("POST", "/api/grievances");
    request.setRemoteAddr(me);
    var handler =
        new org.springframework.web.method.HandlerMethod(
            this, getClass().getDeclaredMethod("client"));
    try {
      SecurityContextHolder.getContext()
          .setAuthentication(
              UsernamePasswordAuthenticationToken.authenticated("staff", null, List.of()));
      for (int i = 0; i <= LIMIT; i++) writes.preHandle(request, null, handler);
      SecurityContextHolder.getContext()
          .setAuthentication(
              new AnonymousAuthenticationToken(
                  "key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
      for (int i = 0; i < LIMIT; i++) writes.preHandle(request, null, handler);
      assertThatThrownBy(() -> writes.preHandle(request, null, handler))
          .isInstanceOf(RateLimited.class);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  @Test
  @DisplayName("已结束的计数窗口由 IntakeHousekeeping 清除")
  void endedWindowsArePurged() {
    java.time.Instant now = java.time.Instant.parse("2031-04-01T08:00:00Z");
    String old = "192.0.2.77";
    String current = "192.0.2.78";
    jdbc.sql("insert into anonymous_write_window values ('WRITE', ?, ?, 3)")
        .params(old, java.sql.Timestamp.from(now.minus(Duration.ofMinutes(11))))
        .update();
    jdbc.sql("insert into anonymous_write_window values ('PROOF', ?, ?, 3)")
        .params(current, java.sql.Timestamp.from(now.minus(Duration.ofMinutes(3))))
        .update();
    housekeeping.purge(now);
    assertThat(
            jdbc.sql("select client_addr from anonymous_write_window where client_addr in (?, ?)")
                .params(old, current)
                .query(String.class)
                .list())
        .containsExactly(current);
  }
}
