package io.linli.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Integration tier with a real Keycloak and the embedded PostgreSQL: every {@code /api} endpoint of
 * the application's mappings and a representative set of {@code /engine-rest} refuse missing and
 * bad tokens with 401, residents get 403 from the engine API, and a community's staff see none of
 * another community's tasks, instances and history.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeycloakSecurityIT extends KeycloakIT {

  static final List<String[]> ENGINE_REST =
      List.of(
          new String[] {"GET", "/engine-rest/engine"},
          new String[] {"GET", "/engine-rest/task"},
          new String[] {"GET", "/engine-rest/process-instance"},
          new String[] {"GET", "/engine-rest/history/process-instance"},
          new String[] {"GET", "/engine-rest/process-definition"},
          new String[] {"GET", "/engine-rest/deployment"},
          new String[] {"GET", "/engine-rest/user"},
          new String[] {"GET", "/engine-rest/authorization"},
          new String[] {"POST", "/engine-rest/task/x/claim"},
          new String[] {"POST", "/engine-rest/deployment/create"});

  static final ObjectMapper JSON = new ObjectMapper();
  final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort int port;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Autowired RuntimeService runtime;
  @Autowired io.linli.intake.WatchTokens tokens;
  @Autowired io.linli.cases.Flows flows;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  String tfsqCase;
  String jdsqCase;

  @BeforeAll
  void reportOneCasePerCommunity() throws Exception {
    tfsqCase = report("tfsq");
    jdsqCase = report("jdsq");
  }

  @Test
  @DisplayName(
      "no token, expired, wrong issuer, wrong audience, alg none, bad signature → 401 everywhere")
  void badTokensAre401() throws Exception {
    String good = keycloak().token("grid1");
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put("bad signature", good.substring(0, good.length() - 6) + "AAAAAA");
    bad.put(
        "alg none", b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + good.split("\\.")[1] + ".");
    bad.put("wrong issuer", keycloak().token("grid1", "127.0.0.1", KeycloakServer.TEST_CLIENT));
    bad.put("wrong audience", keycloak().token("grid1", "localhost", "admin-cli"));
    bad.put("expired", keycloak().expiredToken("grid1"));

    List<String[]> endpoints = endpoints();
    assertThat(endpoints).hasSizeGreaterThan(ENGINE_REST.size());
    List<String> failures = new ArrayList<>();
    for (String[] e : endpoints) {
      // residents' own doors: the flows' anonymous endpoints and 我的积分 with a wallet token
      boolean open =
          java.util.stream.Stream.concat(
                  KeycloakSecurity.residentAnonymous(flows).stream(),
                  io.linli.points.PointsSecurity.RESIDENT_ENDPOINTS.stream())
              .anyMatch(
                  a ->
                      a[0].equals(e[0])
                          && new org.springframework.util.AntPathMatcher().match(a[1], e[1]));
      int none = call(e[0], e[1], null).statusCode();
      if (!open && none != 401) failures.add("no token " + e[0] + " " + e[1] + " → " + none);
      for (var b : bad.entrySet()) {
        int status = call(e[0], e[1], b.getValue()).statusCode();
        if (status != 401) failures.add(b.getKey() + " " + e[0] + " " + e[1] + " → " + status);
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  @DisplayName(
      "the resident page and Open311 work without an account; a case's rating needs its watch token")
  void residentPageWorksAnonymously() throws Exception {
    assertThat(call("GET", "/resident/", null).statusCode()).isEqualTo(200);
    assertThat(call("GET", "/api/resident/options", null).statusCode()).isEqualTo(200);
    assertThat(call("GET", "/api/public-notice/communities/tfsq/2026-Q2", null).statusCode())
        .as("the 公示 without a token")
        .isEqualTo(200);
    assertThat(call("GET", "/api/public-notice/reports/dtsz/2026-Q2.pdf", null).statusCode())
        .isEqualTo(200);
    assertThat(call("GET", "/open311/v2/services.json?jurisdiction_id=tfsq", null).statusCode())
        .isEqualTo(200);
    assertThat(call("POST", "/api/grievances/" + tfsqCase + "/track", null).statusCode())
        .as("wrong phone: refused by the phone check, not by authentication")
        .isIn(400, 404);
    assertThat(call("POST", "/api/grievances/" + tfsqCase + "/evaluation", null).statusCode())
        .as("no watch token: as if the case did not exist")
        .isEqualTo(404);
    HttpResponse<String> wrongToken =
        send(
            "POST",
            "/api/grievances/" + tfsqCase + "/evaluation",
            null,
            Map.of("rating", "SATISFIED"),
            Map.of(CaseAccess.WATCH_TOKEN, tokens.issue(jdsqCase)));
    assertThat(wrongToken.statusCode()).as("another case's token").isEqualTo(404);
    HttpResponse<String> ownToken =
        send(
            "POST",
            "/api/grievances/" + tfsqCase + "/evaluation",
            null,
            Map.of("rating", "SATISFIED"),
            Map.of(CaseAccess.WATCH_TOKEN, tokens.issue(tfsqCase)));
    assertThat(ownToken.statusCode())
        .as("reaches the rating rules: the case is not awaiting a rating yet " + ownToken.body())
        .isEqualTo(409);
  }

  @Test
  @DisplayName(
      "a resident orders a service anonymously and follows it only with the order's watch token")
  void serviceOrdersNeedTheirWatchToken() throws Exception {
    HttpResponse<String> ordered =
        send(
            "POST",
            "/api/service-orders",
            null,
            Map.of(
                "communityCode",
                "tfsq",
                "itemCode",
                "PLUMBING-01",
                "description",
                "厨房水龙头漏水",
                "contactPhone",
                "13800002345",
                "channel",
                "WEB"),
            Map.of());
    assertThat(ordered.statusCode()).as(ordered.body()).isEqualTo(201);
    JsonNode receipt = JSON.readTree(ordered.body());
    String path = "/api/service-orders/" + receipt.get("orderNo").asText();
    String watch = receipt.get("watchToken").asText();
    assertThat(call("GET", path, null).statusCode()).as("anonymous, no token").isEqualTo(401);
    assertThat(call("GET", path, keycloak().token("resident2")).statusCode())
        .as("another resident")
        .isEqualTo(404);
    assertThat(call("GET", path, keycloak().token("property2")).statusCode())
        .as("another community")
        .isEqualTo(404);
    assertThat(call("GET", path, keycloak().token("property1")).statusCode()).isEqualTo(200);
    assertThat(
            send("POST", path + "/completion", null, Map.of("paidFen", 0), Map.of()).statusCode())
        .as("a resident's action without the token")
        .isEqualTo(404);
    HttpResponse<String> early =
        send(
            "POST",
            path + "/completion",
            null,
            Map.of("paidFen", 0),
            Map.of(CaseAccess.WATCH_TOKEN, watch));
    assertThat(early.statusCode())
        .as("with the token: the order's own rule answers " + early.body())
        .isEqualTo(409);
    HttpResponse<String> tracked =
        send("POST", path + "/track", null, Map.of("phone", "138 0000 2345"), Map.of());
    assertThat(tracked.statusCode()).as(tracked.body()).isEqualTo(200);
    // Tracking issues a new random token (none is derived from a key any more); it opens the order.
    String again = JSON.readTree(tracked.body()).get("watchToken").asText();
    assertThat(
            send(
                    "POST",
                    path + "/completion",
                    null,
                    Map.of("paidFen", 0),
                    Map.of(CaseAccess.WATCH_TOKEN, again))
                .statusCode())
        .isEqualTo(409);
  }

  @Test
  @DisplayName("in the keycloak profile the acting user is the token's, never a request header's")
  void actingUserComesFromTheToken() throws Exception {
    HttpResponse<String> proposed =
        send(
            "POST",
            "/api/consultations",
            keycloak().token("grid1"),
            Map.of(
                "communityCode",
                "tfsq",
                "estateCode",
                "dtsz",
                "category",
                "PUBLIC_FACILITY",
                "title",
                "增设充电桩",
                "description",
                "南门附近增设电动自行车充电桩",
                "proposerRole",
                "GRID_WORKER"),
            Map.of("X-Linli-User", "rep01"));
    assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
    String topicNo = JSON.readTree(proposed.body()).get("topicNo").asText();
    assertThat(
            jdbc.sql("select proposer_id from consultation_topic where topic_no = ?")
                .param(topicNo)
                .query(String.class)
                .single())
        .isEqualTo("grid1");
    HttpResponse<String> anonymous =
        send(
            "POST",
            "/api/consultations/" + topicNo + "/supporters",
            null,
            null,
            Map.of("X-Linli-User", "rep02"));
    assertThat(anonymous.statusCode())
        .as("a header alone names nobody " + anonymous.body())
        .isEqualTo(400);
    assertThat(
            jdbc.sql(
                    """
            select count(*) from consultation_supporter s join consultation_topic t on t.id = s.topic_id
            where t.topic_no = ? and s.user_id = 'rep02'""")
                .param(topicNo)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  @DisplayName("a resident's valid token reaches no part of /engine-rest (403)")
  void residentsNeverReachTheEngine() throws Exception {
    String resident = keycloak().token("resident1");
    for (String[] e : ENGINE_REST) {
      assertThat(call(e[0], e[1], resident).statusCode()).as(e[1]).isEqualTo(403);
    }
  }

  @Test
  @DisplayName(
      "staff of one community see none of another community's tasks, instances and history")
  void communitiesAreIsolated() throws Exception {
    String tfsqPi = instanceOf(tfsqCase);
    String jdsqPi = instanceOf(jdsqCase);
    for (String user : List.of("grid1", "grid2")) {
      String own = user.equals("grid1") ? tfsqPi : jdsqPi;
      String other = user.equals("grid1") ? jdsqPi : tfsqPi;
      String token = keycloak().token(user);
      Set<String> tasks =
          field(get("/engine-rest/task?maxResults=500", token), "processInstanceId");
      Set<String> instances =
          field(get("/engine-rest/process-instance?maxResults=500", token), "id");
      Set<String> history =
          field(get("/engine-rest/history/process-instance?maxResults=500", token), "id");
      assertThat(tasks).as(user + " tasks").contains(own).doesNotContain(other);
      assertThat(instances).as(user + " instances").contains(own).doesNotContain(other);
      assertThat(history).as(user + " history").contains(own).doesNotContain(other);
    }
    String supervisor = keycloak().token("supervisor1");
    assertThat(field(get("/engine-rest/process-instance?maxResults=500", supervisor), "id"))
        .contains(tfsqPi, jdsqPi);
  }

  @Test
  @DisplayName(
      "through the app's API, staff read only their community's cases; residents none of others'")
  void appApiIsolation() throws Exception {
    String path = "/api/grievances/" + tfsqCase;
    assertThat(call("GET", path, keycloak().token("grid1")).statusCode()).isEqualTo(200);
    assertThat(call("GET", path, keycloak().token("street1")).statusCode()).isEqualTo(200);
    assertThat(call("GET", path, keycloak().token("supervisor1")).statusCode()).isEqualTo(200);
    assertThat(call("GET", path, keycloak().token("grid2")).statusCode()).isEqualTo(404);
    assertThat(call("POST", path + "/evaluation", keycloak().token("grid2")).statusCode())
        .isEqualTo(404);
    String resident = keycloak().token("resident2");
    int year = java.time.Year.now().getValue();
    java.util.Random random = new java.util.Random(5);
    List<String> probes = new ArrayList<>(List.of(tfsqCase, jdsqCase));
    for (int n = 1; n <= 20; n++) probes.add("GR-%d-%06d".formatted(year, n));
    for (int n = 0; n < 20; n++)
      probes.add("GR-%d-%06d".formatted(year, random.nextInt(1_000_000)));
    for (String caseNo : probes) {
      assertThat(call("GET", "/api/grievances/" + caseNo, resident).statusCode())
          .as(caseNo)
          .isEqualTo(404);
    }
  }

  @Test
  @DisplayName(
      "supervision audit: supervisors and the street see every community, a 社区党委 its own, other staff and residents none")
  void supervisionScopes() throws Exception {
    String breaches = "/api/supervision/breaches?size=500";
    assertThat(field(get(breaches, keycloak().token("supervisor1")).get("items"), "communityCode"))
        .as("demo history of both communities")
        .contains("tfsq", "jdsq");
    assertThat(field(get(breaches, keycloak().token("street1")).get("items"), "communityCode"))
        .contains("tfsq", "jdsq");
    assertThat(field(get(breaches, keycloak().token("committee1")).get("items"), "communityCode"))
        .containsExactly("tfsq");
    assertThat(field(get(breaches, keycloak().token("committee2")).get("items"), "communityCode"))
        .containsExactly("jdsq");
    assertThat(
            call("GET", breaches + "&community=jdsq", keycloak().token("committee1")).statusCode())
        .isEqualTo(403);
    assertThat(
            call("GET", "/api/supervision/reports/dtsz/2026-Q2", keycloak().token("committee2"))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            call("GET", "/api/supervision/reports/dtsz/2026-Q2", keycloak().token("committee1"))
                .statusCode())
        .isEqualTo(200);
    assertThat(
            call(
                    "GET",
                    "/api/supervision/ranking?from=2026-01-01&to=2026-06-30",
                    keycloak().token("grid1"))
                .statusCode())
        .isEqualTo(403);
    assertThat(call("GET", breaches, keycloak().token("resident1")).statusCode()).isEqualTo(403);
    assertThat(call("GET", breaches, null).statusCode()).isEqualTo(401);
  }

  @Test
  @DisplayName("only administrators deploy")
  void onlyAdminsDeploy() throws Exception {
    String committee = keycloak().token("committee1");
    String body =
        "--b\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nx\r\n"
            + "--b\r\nContent-Disposition: form-data; name=\"data\"; filename=\"x.bpmn\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n<definitions/>\r\n--b--\r\n";
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(uri("/engine-rest/deployment/create"))
                .header("Authorization", "Bearer " + committee)
                .header("Content-Type", "multipart/form-data; boundary=b")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
    assertThat(get("/engine-rest/deployment?maxResults=10", committee).size()).isZero();
  }

  List<String[]> endpoints() {
    List<String[]> out = new ArrayList<>();
    mappings
        .getHandlerMethods()
        .keySet()
        .forEach(
            info -> {
              Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
              for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) continue;
                String path = pattern.replaceAll("\\{[^}]+}", "GR-2026-999999");
                for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                  out.add(new String[] {m.name(), path});
                }
              }
            });
    assertThat(out).isNotEmpty();
    out.addAll(ENGINE_REST);
    return out;
  }

  String report(String community) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(uri("/api/grievances"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(
                            Map.of(
                                "communityCode",
                                community,
                                "category",
                                "FACILITY",
                                "description",
                                "电梯停运"))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return JSON.readTree(r.body()).get("caseNo").asText();
  }

  String instanceOf(String caseNo) {
    return runtime
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(caseNo)
        .singleResult()
        .getId();
  }

  JsonNode get(String path, String token) throws Exception {
    HttpResponse<String> r = call("GET", path, token);
    assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  static Set<String> field(JsonNode array, String name) {
    Set<String> out = new HashSet<>();
    array.forEach(n -> out.add(n.path(name).asText()));
    return out;
  }

  HttpResponse<String> send(
      String method, String path, String token, Object body, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    if (token != null) b.header("Authorization", "Bearer " + token);
    headers.forEach(b::header);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> call(String method, String path, String token) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .method(
                method,
                method.equals("GET")
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString("{}"));
    if (token != null) b.header("Authorization", "Bearer " + token);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  @Test
  @DisplayName(
      "metrics port: GET /actuator/prometheus without a token, nothing else; the public port refuses the scrape")
  void metricsPortServesOnlyTheScrape() throws Exception {
    URI metrics = URI.create("http://localhost:" + METRICS_PORT + "/actuator/prometheus");
    HttpResponse<String> scrape =
        http.send(
            HttpRequest.newBuilder(metrics).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(scrape.statusCode()).as(scrape.body()).isEqualTo(200);
    assertThat(scrape.body()).contains("linli_node_ready");
    for (String path :
        List.of("/api/grievances/" + tfsqCase, "/engine-rest/task", "/actuator/health")) {
      assertThat(
              http.send(
                      HttpRequest.newBuilder(URI.create("http://localhost:" + METRICS_PORT + path))
                          .GET()
                          .build(),
                      HttpResponse.BodyHandlers.ofString())
                  .statusCode())
          .as(path)
          .isEqualTo(403);
    }
    assertThat(
            http.send(
                    HttpRequest.newBuilder(metrics)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .as("POST on the metrics port")
        .isEqualTo(403);
    String staff = keycloak().token("supervisor1");
    for (String token : new String[] {null, staff}) {
      HttpRequest.Builder b = HttpRequest.newBuilder(uri("/actuator/prometheus")).GET();
      if (token != null) b.header("Authorization", "Bearer " + token);
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode())
          .as("public port, token %s", token == null ? "none" : "staff")
          .isNotEqualTo(200);
      assertThat(r.body()).doesNotContain("linli_node_ready");
    }
  }

  static String b64(String s) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
