package io.linli.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.linli.LinliSpringTest;
import io.linli.TestHttp;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Integration tier (own context: real SMTP and SMS endpoints): notifications from intake and staff
 * actions through the outbox — e-mail into an in-process GreenMail SMTP server, SMS into a JDK
 * HttpServer sink that refuses 30% of requests, live updates over server-sent events. The scheduler
 * is off here; the test runs dispatcher passes itself, four at a time, as four nodes would, and
 * moves the engine clock past the back-off.
 */
@LinliSpringTest
// A context of its own: it runs after the tests of the shared test context, whose /engine-rest and
// webapps look their engine up in the JVM-wide registry that a second context disturbs.
@org.junit.jupiter.api.Order(Integer.MAX_VALUE - 5)
class NotificationDeliveryTest {

  static final GreenMail SMTP;
  static final HttpServer SMS;
  static final Map<String, AtomicInteger> SMS_DELIVERED = new ConcurrentHashMap<>();
  static final AtomicInteger SMS_REFUSED = new AtomicInteger();
  static volatile double failureRate = 0.3;
  static final Random RANDOM = new Random(42);

  static {
    try {
      int port;
      try (ServerSocket s = new ServerSocket(0)) {
        port = s.getLocalPort();
      }
      SMTP = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      SMTP.start();
      SMS = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      SMS.createContext(
          "/sms",
          exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
              in.readAllBytes();
            }
            boolean fail;
            synchronized (RANDOM) {
              fail = RANDOM.nextDouble() < failureRate;
            }
            if (fail) {
              SMS_REFUSED.incrementAndGet();
              exchange.sendResponseHeaders(503, -1);
            } else {
              String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
              SMS_DELIVERED.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
              exchange.sendResponseHeaders(202, -1);
            }
            exchange.close();
          });
      SMS.start();
    } catch (IOException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @DynamicPropertySource
  static void endpoints(DynamicPropertyRegistry r) {
    r.add("spring.mail.host", () -> "127.0.0.1");
    r.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    r.add(
        "linli.notification.sms-url",
        () -> "http://127.0.0.1:" + SMS.getAddress().getPort() + "/sms");
    r.add("linli.notification.scheduling", () -> "false");
    r.add("linli.notification.backoff", () -> "PT10S");
    // a context of its own: its own engine name, so that the shared test context's engine stays
    // the JVM's "default", which /engine-rest and the webapps look up by name
    r.add("camunda.bpm.process-engine-name", () -> "notification-delivery");
  }

  @AfterAll
  static void stopSinks() {
    SMTP.stop();
    SMS.stop(0);
  }

  @LocalServerPort int port;
  @Autowired NotificationDispatcher dispatcher;
  @Autowired LiveUpdates live;
  @Autowired TaskService tasks;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;

  RestClient http;

  @BeforeEach
  void client() {
    http = TestHttp.client(port);
    failureRate = 0.3;
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  String report(String phone, String email) {
    JsonNode body =
        http.post()
            .uri("/api/grievances")
            .contentType(MediaType.APPLICATION_JSON)
            .body(
                Map.of(
                    "communityCode",
                    "tfsq",
                    "estateCode",
                    "dtsz",
                    "buildingCode",
                    "b5",
                    "category",
                    "FACILITY",
                    "description",
                    "5栋单元门禁坏了",
                    "contactPhone",
                    phone,
                    "contactEmail",
                    email,
                    "notifyBy",
                    List.of("SMS", "EMAIL"),
                    "channel",
                    "WEB"))
            .retrieve()
            .body(JsonNode.class);
    return body.get("caseNo").asText();
  }

  void triage(String caseNo) {
    Task t =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(caseNo)
            .taskDefinitionKey("Task_Triage")
            .singleResult();
    tasks.claim(t.getId(), "grid1");
    tasks.complete(
        t.getId(), Map.of("category", "FACILITY", "tier", "MEDIUM", "triageNote", "门禁故障"));
  }

  /**
   * Dispatcher passes from four threads at once, moving the clock past any back-off, until done.
   */
  int drain() throws Exception {
    ExecutorService nodes = Executors.newFixedThreadPool(4);
    int passes = 0;
    try {
      while (pending() > 0) {
        List<Future<Integer>> f = new ArrayList<>();
        for (int i = 0; i < 4; i++) f.add(nodes.submit(dispatcher::dispatchDue));
        for (Future<Integer> x : f) x.get();
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 3_600_000));
        assertThat(++passes).as("dispatch rounds").isLessThan(30);
      }
    } finally {
      nodes.shutdown();
    }
    return passes;
  }

  long pending() {
    return jdbc.sql("select count(*) from notification_outbox where status = 'PENDING'")
        .query(Long.class)
        .single();
  }

  @Test
  @DisplayName("短信网关30%失败：每个事件每个渠道恰好送达一次；邮件经SMTP送达，中文模板")
  void exactlyOneDeliveryPerEventUnderThirtyPercentFailure() throws Exception {
    // given: 20 residents choose SMS and e-mail; each case is received, then triaged
    List<String> cases = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      cases.add(report(String.format("139%08d", 10_000 + i), "resident" + i + "@example.cn"));
    }
    cases.forEach(this::triage);
    assertThat(
            jdbc.sql("select count(*) from notification_outbox where case_no in (:c)")
                .param("c", cases)
                .query(Long.class)
                .single())
        .isEqualTo(80);

    // when
    int rounds = drain();

    // then
    List<String> smsKeys =
        jdbc.sql(
                "select dedup_key from notification_outbox where channel = 'SMS' and case_no in (:c)")
            .param("c", cases)
            .query(String.class)
            .list();
    assertThat(smsKeys).hasSize(40);
    assertThat(SMS_REFUSED.get()).as("the sink did refuse").isGreaterThan(5);
    for (String key : smsKeys) {
      assertThat(SMS_DELIVERED.get(key)).as(key).isNotNull();
      assertThat(SMS_DELIVERED.get(key).get()).as(key).isEqualTo(1);
    }
    assertThat(
            jdbc.sql(
                    """
            select count(*) from notification_outbox where case_no in (:c) and status = 'SENT'""")
                .param("c", cases)
                .query(Long.class)
                .single())
        .isEqualTo(80);
    assertThat(
            jdbc.sql(
                    """
            select max(attempts) from notification_outbox where case_no in (:c)""")
                .param("c", cases)
                .query(Integer.class)
                .single())
        .isGreaterThan(1);

    MimeMessage[] mails = SMTP.getReceivedMessages();
    long ours =
        java.util.Arrays.stream(mails)
            .filter(
                m -> {
                  try {
                    return cases.stream()
                        .anyMatch(
                            c -> {
                              try {
                                return m.getSubject().contains(c);
                              } catch (Exception e) {
                                return false;
                              }
                            });
                  } catch (Exception e) {
                    return false;
                  }
                })
            .count();
    assertThat(ours).isEqualTo(40);
    MimeMessage first = mails[0];
    assertThat(first.getSubject()).startsWith("【邻里】案件 GR-");
    assertThat(((String) first.getContent()).strip()).contains("您好").contains("查看进度");
    org.slf4j.LoggerFactory.getLogger(getClass())
        .info(
            "30% failing SMS sink: {} refusals, {} dispatch rounds, 40 SMS + 40 e-mails each delivered once",
            SMS_REFUSED.get(), rounds);
  }

  @Test
  @DisplayName("短信网关全部失败：案件照常受理，通知留在发件箱按退避重试并记录原因")
  void failingChannelNeverRollsBackTheCase() {
    failureRate = 1.0;
    String caseNo = report("13911112222", "x@example.cn");
    dispatcher.dispatchDue();

    assertThat(
            jdbc.sql("select status from grievance_case where case_no = ?")
                .param(caseNo)
                .query(String.class)
                .single())
        .isEqualTo("TRIAGE");
    var sms =
        jdbc.sql(
                """
            select status, attempts, last_error, next_attempt_at > now() from notification_outbox
            where case_no = ? and channel = 'SMS'""")
            .param(caseNo)
            .query(
                (rs, n) ->
                    List.of(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getBoolean(4)))
            .single();
    assertThat(sms.get(0)).isEqualTo("PENDING");
    assertThat(sms.get(1)).isEqualTo(1);
    assertThat((String) sms.get(2)).contains("503");
    assertThat(sms.get(3)).as("backed off").isEqualTo(true);
  }

  @Test
  @DisplayName("居民页面实时更新：分流定级后 SSE 推送 TIER_SET 事件")
  void liveUpdatesStreamCaseEvents() throws Exception {
    String caseNo = report("13922223333", "y@example.cn");
    JsonNode tracked =
        http.post()
            .uri("/api/grievances/" + caseNo + "/track")
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("phone", "13922223333"))
            .retrieve()
            .body(JsonNode.class);
    String eventsUrl = tracked.get("eventsUrl").asText();

    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<InputStream> stream =
        client.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + eventsUrl))
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(20))
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
    assertThat(stream.statusCode()).isEqualTo(200);

    triage(caseNo);
    live.push();

    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
      String data = null;
      for (String line; (line = lines.readLine()) != null; ) {
        if (line.startsWith("data:")) {
          data = line.substring(5);
          break;
        }
      }
      assertThat(data).isNotNull();
      JsonNode event = json.readTree(data);
      assertThat(event.get("event").asText()).isEqualTo("TIER_SET");
      assertThat(event.get("label").asText()).isEqualTo("已分流定级");
      assertThat(event.get("actorRole").asText()).isEqualTo("网格员");
    }

    var badToken =
        client.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://localhost:"
                            + port
                            + "/api/cases/grievance/"
                            + caseNo
                            + "/events?token=x"))
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(badToken.statusCode()).as(badToken.body()).isEqualTo(404);
  }
}
