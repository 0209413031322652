package io.linli.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Integration tier with a real Keycloak: who reaches what. The attacks of the security review
 * (catalogue edits, grievance → public topic, settlements, handing a task to another community's
 * user through {@code /engine-rest}, a developer token outside a local demo), and the authorization
 * matrix: every {@code /api} mapping of the running app × each role, with the expected status in
 * {@link #EXPECTED}. A mapping without a row fails the build.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationIT extends KeycloakIT {

  static final ObjectMapper JSON = new ObjectMapper();

  /** The roles of the matrix: name → demo user (null: no token). Own community is tfsq. */
  static final Map<String, String> ROLES = new LinkedHashMap<>();

  static {
    ROLES.put("anonymous", null);
    ROLES.put("resident", "resident1");
    ROLES.put("otherGrid", "grid2"); // 锦都社区's grid worker
    ROLES.put("otherProperty", "property2"); // 锦都社区's property staff
    ROLES.put("ownGrid", "grid1");
    ROLES.put("ownProperty", "property1");
    ROLES.put("committee", "committee1");
    ROLES.put("street", "street1");
    ROLES.put("supervisor", "supervisor1");
  }

  /**
   * Expected status per role, in the order of {@link #ROLES}. {@code ok}: the request reached the
   * handler (2xx, or 400/409 from its own validation and rules, as the matrix sends minimal
   * bodies); a number: exactly that status. Denials are 401 (no token), 403 (role), 404 (a case out
   * of reach answers as if it did not exist).
   */
  static final Map<String, String> EXPECTED = new LinkedHashMap<>();

  static {
    String open = "ok ok ok ok ok ok ok ok ok";
    String signedIn = "401 ok ok ok ok ok ok ok ok";
    // a case of 天府社区: its staff, the street above, supervisors; others as if it did not exist
    String ownCase = "401 404 404 404 ok ok ok ok ok";
    String ownCaseResidentAction = "404 404 404 404 ok ok ok ok ok"; // open for the watch token
    String audit = "401 403 403 403 403 403 ok ok ok";
    // the live updates and photos need the case's watch token (none here: 404 for everyone)
    EXPECTED.put("GET /api/cases/{flow}/{caseNo}/events", "404 404 404 404 404 404 404 404 404");
    EXPECTED.put("POST /api/cases/{flow}/{caseNo}/photos", "404 404 404 404 404 404 404 404 404");
    EXPECTED.put("GET /api/cases/{flow}/{caseNo}/photos", "404 404 404 404 404 404 404 404 404");
    EXPECTED.put(
        "GET /api/cases/{flow}/{caseNo}/photos/{id}.jpg", "404 404 404 404 404 404 404 404 404");
    EXPECTED.put("GET /api/supervision/reports/{estate}/{quarter}", audit);
    EXPECTED.put("GET /api/supervision/reports/{estate}/{quarter}.html", audit);
    EXPECTED.put("GET /api/supervision/reports/{estate}/{quarter}.pdf", audit);
    EXPECTED.put("GET /api/supervision/breaches", audit);
    EXPECTED.put("GET /api/supervision/breaches.csv", audit);
    EXPECTED.put("GET /api/supervision/rates", audit);
    EXPECTED.put("GET /api/supervision/ranking", audit);
    EXPECTED.put("GET /api/supervision/ranking.html", audit);
    EXPECTED.put("GET /api/supervision/dimensions", audit);
    EXPECTED.put("POST /api/supervision/read-model/rebuild", "401 403 403 403 403 403 403 403 ok");
    EXPECTED.put("POST /api/grievances", open);
    EXPECTED.put("GET /api/grievances/{caseNo}", ownCase);
    // the phone check: a wrong phone is 404 for everyone, whoever asks
    EXPECTED.put("POST /api/grievances/{caseNo}/track", "404 404 404 404 404 404 404 404 404");
    EXPECTED.put("POST /api/grievances/{caseNo}/evaluation", ownCaseResidentAction);
    EXPECTED.put("POST /api/service-orders", open);
    EXPECTED.put("POST /api/service-orders/{orderNo}/track", "404 404 404 404 404 404 404 404 404");
    EXPECTED.put("GET /api/service-orders/{orderNo}", ownCase);
    EXPECTED.put("POST /api/service-orders/{orderNo}/check-in", ownCase);
    EXPECTED.put("POST /api/service-orders/{orderNo}/quote-decision", ownCaseResidentAction);
    EXPECTED.put("POST /api/service-orders/{orderNo}/completion", ownCaseResidentAction);
    EXPECTED.put("GET /api/service-catalogue", open);
    EXPECTED.put("GET /api/service-catalogue/items/{code}", signedIn);
    // one catalogue for every community's service centre: property staff edit it
    String catalogueEdit = "401 403 403 ok 403 ok 403 403 403";
    EXPECTED.put("POST /api/service-catalogue/items", catalogueEdit);
    EXPECTED.put("PUT /api/service-catalogue/items/{code}", catalogueEdit);
    EXPECTED.put("POST /api/service-catalogue/items/{code}/retirement", catalogueEdit);
    // workers' names and earnings: the community's property staff and 社区党委, the street, supervisors
    String settlement = "401 403 403 403 403 ok ok ok ok";
    EXPECTED.put("GET /api/service-settlements/{communityCode}/{month}", settlement);
    EXPECTED.put("GET /api/service-settlements/{communityCode}/{month}.csv", settlement);
    EXPECTED.put("GET /api/consultations", open);
    EXPECTED.put("POST /api/consultations", open);
    // a grievance becomes a public topic only by its community's grid worker, 社区党委 or the street
    EXPECTED.put("POST /api/consultations/from-grievance", "401 404 404 404 ok 404 ok ok 404");
    EXPECTED.put("GET /api/consultations/{topicNo}", open);
    EXPECTED.put("POST /api/consultations/{topicNo}/supporters", open);
    EXPECTED.put("GET /api/consultations/vote-tasks", signedIn);
    EXPECTED.put("POST /api/consultations/{topicNo}/votes", signedIn);
    EXPECTED.put("POST /api/consultations/{topicNo}/ratings", signedIn);
    // 年度综合考评: the aspects and published results are public; 社区党委 (or the street above) opens
    // one estate's, the street committee its whole street's; the community's property staff answer
    EXPECTED.put("GET /api/evaluations/aspects", open);
    EXPECTED.put("GET /api/evaluations/published", open);
    EXPECTED.put("POST /api/evaluations", "401 403 403 403 403 403 ok ok 403");
    EXPECTED.put("POST /api/evaluations/street-openings", "401 403 403 403 403 403 403 ok 403");
    EXPECTED.put("GET /api/evaluations/{evaluationNo}", "401 404 404 404 ok ok ok ok ok");
    EXPECTED.put(
        "POST /api/evaluations/{evaluationNo}/rectification-plans",
        "401 403 403 403 403 ok 403 403 403");
    // no rectification exists in the matrix's data: 404 for everyone signed in
    EXPECTED.put(
        "GET /api/rectifications/{rectificationNo}", "401 404 404 404 404 404 404 404 404");
    // 每日巡查: no check exists in the matrix's data (checks open on working days): 404 for everyone
    // signed in
    EXPECTED.put("GET /api/daily-checks/{checkNo}", "401 404 404 404 404 404 404 404 404");
    EXPECTED.put("POST /api/daily-checks/{checkNo}/urges", "401 404 404 404 404 404 404 404 404");
    // 物业定星·小区定级: public in force with the basis; supervisors run and override (the run comes
    // first, so rating 1 exists when the override row is called)
    EXPECTED.put("GET /api/ratings", open);
    EXPECTED.put("GET /api/ratings/service-stars", open);
    EXPECTED.put("POST /api/ratings/runs", "401 403 403 403 403 403 403 403 ok");
    EXPECTED.put("POST /api/ratings/{id}/override", "401 403 403 403 403 403 403 403 ok");
    // 双晒 收支: the community's property staff enter, 社区党委 decides; unpublished entries are staff-only
    EXPECTED.put("POST /api/estate-finance", "401 403 403 403 403 ok 403 403 403");
    EXPECTED.put("GET /api/estate-finance", "401 403 403 403 403 ok ok ok ok");
    EXPECTED.put("GET /api/estate-finance/published", open); // approved figures only (公示)
    // the 公示 for residents without an account: published, non-personal figures only; 天府社区's
    // 2026-Q2 and 地铁首座's report answer 200 to everyone
    String published = "200 200 200 200 200 200 200 200 200";
    EXPECTED.put("GET /api/public-notice/communities/{community}/{quarter}", published);
    EXPECTED.put("GET /api/public-notice/reports/{estate}/{quarter}", published);
    EXPECTED.put("GET /api/public-notice/reports/{estate}/{quarter}.html", published);
    EXPECTED.put("GET /api/public-notice/reports/{estate}/{quarter}.pdf", published);
    EXPECTED.put("GET /api/estate-finance/{entryNo}", "401 404 404 404 404 404 404 404 404");
    EXPECTED.put(
        "POST /api/estate-finance/{entryNo}/decision", "401 404 404 404 404 404 404 404 404");
    EXPECTED.put("GET /api/resident/options", open);
    EXPECTED.put("GET /api/qr/{community}/{estate}.png", open);
    EXPECTED.put("GET /api/qr/{community}/{estate}/{building}.png", open);
    // the business calendar: anyone signed in reads it and previews due dates; the national
    // schedule
    // is the street's and supervisors'; a community's own days and hours also its 社区党委's
    EXPECTED.put("GET /api/calendar/{year}", signedIn);
    EXPECTED.put("POST /api/calendar/national", "401 403 403 403 403 403 403 ok ok");
    EXPECTED.put(
        "PUT /api/calendar/communities/{community}/days", "401 403 403 403 403 403 ok ok ok");
    EXPECTED.put(
        "PUT /api/calendar/communities/{community}/working-hours",
        "401 403 403 403 403 403 ok ok ok");
    // the organisation tree (docs/org-tree.md): a community's tree for its staff, the street above
    // and
    // 督查; edits inside it by its 社区党委, the street above, 督查; a community by its street; a street
    // by 督查; the register of property companies by any street committee and 督查
    EXPECTED.put("GET /api/org", signedIn);
    EXPECTED.put("GET /api/org/communities/{community}", "401 403 403 403 ok ok ok ok ok");
    EXPECTED.put("PUT /api/org/streets/{street}", "401 403 403 403 403 403 403 403 ok");
    EXPECTED.put("PUT /api/org/communities/{community}", "401 403 403 403 403 403 403 ok ok");
    EXPECTED.put(
        "PUT /api/org/communities/{community}/grids/{grid}", "401 403 403 403 403 403 ok ok ok");
    EXPECTED.put("PUT /api/org/estates/{estate}", "401 403 403 403 403 403 ok ok ok");
    EXPECTED.put(
        "PUT /api/org/estates/{estate}/buildings/{building}", "401 403 403 403 403 403 ok ok ok");
    EXPECTED.put(
        "POST /api/org/estates/{estate}/property-terms", "401 403 403 403 403 403 ok ok ok");
    EXPECTED.put(
        "POST /api/org/estates/{estate}/representatives", "401 403 403 403 403 403 ok ok ok");
    EXPECTED.put("PUT /api/org/companies/{code}", "401 403 403 403 403 403 403 ok ok");
    EXPECTED.put(
        "POST /api/org/communities/{community}/members", "401 403 403 403 403 403 ok ok ok");
    EXPECTED.put(
        "POST /api/org/communities/{community}/members/removal",
        "401 403 403 403 403 403 ok ok ok");
    EXPECTED.put("GET /api/sla/clocks", signedIn);
    EXPECTED.put("GET /api/sla/due-preview", signedIn);
    // points (积分): a resident's own points with a wallet token or their token (anonymous: neither,
    // 403); the community publishes activities and registers shops; only a registered shop redeems
    // (no role of the matrix is one); the 绿能卡 settlement like the service settlement
    EXPECTED.put("POST /api/points/wallet", open);
    EXPECTED.put("GET /api/points/me", "403 ok ok ok ok ok ok ok ok");
    EXPECTED.put("POST /api/points/me/codes", "403 ok ok ok ok ok ok ok ok");
    EXPECTED.put("GET /api/points/activities", open);
    // publishes activity 1, which the sign-up rows below then read
    EXPECTED.put("POST /api/points/activities", "401 403 403 403 ok 403 ok 403 403");
    EXPECTED.put("POST /api/points/activities/{id}/signups", open);
    EXPECTED.put("GET /api/points/activities/{id}/signups", "401 403 403 403 ok 403 ok 403 403");
    EXPECTED.put(
        "POST /api/points/activities/{id}/attendance", "401 403 403 403 ok 403 ok 403 403");
    EXPECTED.put("GET /api/points/shops", open);
    EXPECTED.put("POST /api/points/shops", "401 403 403 403 ok 403 ok ok 403");
    EXPECTED.put("POST /api/points/redemptions", "401 403 403 403 403 403 403 403 403");
    EXPECTED.put("GET /api/points/shop/statements/{month}", "401 403 403 403 403 403 403 403 403");
    EXPECTED.put("GET /api/points/green-card/{communityCode}/{month}", settlement);
    EXPECTED.put("GET /api/points/supervision/{month}", audit);
    // the phone reveal: staff holding an open task of the case (the matrix case is at 分流定级, a
    // task of 天府社区's grid workers); everyone else as if the case did not exist. The matrix case
    // has no phone: the grid worker's answer is the handler's 409.
    EXPECTED.put(
        "POST /api/staff/cases/{caseNo}/phone-reveal", "401 404 404 404 ok 404 404 404 404");
    EXPECTED.put("GET /api/staff/contact-access", audit);
    // 挂起 and 恢复计时: only the holder of an open task of the case (the matrix case is at 分流定级,
    // 天府社区's grid workers: the pause meets its kind and reason check, 400); everyone else 403
    String pauseHolder = "401 403 403 403 ok 403 403 403 403";
    EXPECTED.put("POST /api/staff/cases/{caseNo}/pause", pauseHolder);
    EXPECTED.put("POST /api/staff/cases/{caseNo}/resume", pauseHolder);
    EXPECTED.put("GET /api/staff/cases/{caseNo}/pause", pauseHolder);
    // 退单, 转单, 拒单: the case's community staff pass the case rule and meet the reason check
    // (400, the matrix sends no reason); the task holder check comes after it
    EXPECTED.put("POST /api/grievances/{caseNo}/return", ownCase);
    EXPECTED.put("POST /api/grievances/{caseNo}/transfer", ownCase);
    EXPECTED.put("POST /api/service-orders/{orderNo}/decline", ownCase);
    EXPECTED.put("GET /api/staff/moves", audit);
    // duplicate suggestions list other residents' cases: staff of the community and above only
    EXPECTED.put("GET /api/grievances/{caseNo}/duplicates", ownCase);
    // merge at 分流定级: as the moves, the matrix's empty body meets the originalCaseNo check (400)
    EXPECTED.put("POST /api/grievances/{caseNo}/merge", ownCase);
    // the resident rates a finished order with its watch token (as a grievance); its community's
    // staff pass the case rule and meet the body check (400)
    EXPECTED.put("POST /api/service-orders/{orderNo}/evaluation", ownCaseResidentAction);
    // 代登记 (微信群、电话、窗口): staff of the chosen community only, recorded from the token
    EXPECTED.put("POST /api/staff/service-orders", "401 403 403 403 ok ok ok 403 403");
  }

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @LocalServerPort int port;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Autowired TaskService tasks;
  @Autowired JdbcClient jdbc;

  final Map<String, String> tokens = new LinkedHashMap<>();
  String tfsqCase;
  String orderNo;
  String topicNo;
  String itemCode;
  String evaluationNo;

  @BeforeAll
  void tokensAndData() throws Exception {
    ROLES.forEach(
        (role, user) -> {
          if (user != null) tokens.put(role, keycloak().token(user));
        });
    tfsqCase =
        created(
            send(
                "POST",
                "/api/grievances",
                null,
                Map.of(
                    "communityCode",
                    "tfsq",
                    "estateCode",
                    "dtsz",
                    "category",
                    "FACILITY",
                    "description",
                    "3栋电梯停运")),
            "caseNo");
    orderNo =
        created(
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
                    "13800003456",
                    "channel",
                    "WEB")),
            "orderNo");
    topicNo =
        created(
            send(
                "POST",
                "/api/consultations",
                null,
                Map.of(
                    "communityCode",
                    "tfsq",
                    "estateCode",
                    "dtsz",
                    "category",
                    "PUBLIC_FACILITY",
                    "title",
                    "增设休息座椅",
                    "description",
                    "小区花园增设休息座椅",
                    "proposerRole",
                    "RESIDENT",
                    "contactPhone",
                    "13800004567")),
            "topicNo");
    itemCode =
        created(
            send(
                "POST",
                "/api/service-catalogue/items",
                tokens.get("ownProperty"),
                item("矩阵测试项目", 2000, "admin")),
            "code");
    evaluationNo =
        created(
            send(
                "POST",
                "/api/evaluations",
                tokens.get("committee"),
                Map.of("communityCode", "tfsq", "estateCode", "dtsz", "year", 2019)),
            "evaluationNo");
  }

  // ---- item 2: the service catalogue -------------------------------------------------------

  @Test
  @DisplayName(
      "a resident cannot create, re-price or retire catalogue items; the audit names the token's user")
  void catalogueEditsNeedPropertyStaff() throws Exception {
    String resident = tokens.get("resident");
    assertThat(
            send("POST", "/api/service-catalogue/items", resident, item("居民自建项目", 100, "property1"))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            send(
                    "PUT",
                    "/api/service-catalogue/items/PLUMBING-01",
                    resident,
                    item("上门维修", 1, "property1"))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            send(
                    "POST",
                    "/api/service-catalogue/items/PLUMBING-01/retirement",
                    resident,
                    Map.of("changedBy", "property1"))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            send(
                    "POST",
                    "/api/service-catalogue/items",
                    tokens.get("ownGrid"),
                    item("网格员自建项目", 100, "x"))
                .statusCode())
        .isEqualTo(403);

    HttpResponse<String> byStaff =
        send(
            "POST",
            "/api/service-catalogue/items",
            tokens.get("ownProperty"),
            item("审计测试项目", 3000, "somebody-else"));
    String code = created(byStaff, "code");
    JsonNode detail =
        JSON.readTree(
            send("GET", "/api/service-catalogue/items/" + code, tokens.get("ownProperty"), null)
                .body());
    assertThat(detail.get("revisions").get(0).get("changedBy").asText())
        .as("the token's user, not the body's")
        .isEqualTo("property1");
  }

  // ---- item 3: grievance → public topic ----------------------------------------------------

  @Test
  @DisplayName(
      "only the grievance's community staff make it a public topic; unknown and out of reach are the same 404")
  void fromGrievanceNeedsTheCommunity() throws Exception {
    String caseNo =
        created(
            send(
                "POST",
                "/api/grievances",
                null,
                Map.of(
                    "communityCode",
                    "tfsq",
                    "estateCode",
                    "dtsz",
                    "category",
                    "GREENING",
                    "description",
                    "绿地被占用")),
            "caseNo");
    HttpResponse<String> unknown =
        send(
            "POST",
            "/api/consultations/from-grievance",
            tokens.get("resident"),
            fromGrievance("GR-2026-999998"));
    for (String role :
        List.of("resident", "otherGrid", "otherProperty", "ownProperty", "supervisor")) {
      HttpResponse<String> r =
          send(
              "POST", "/api/consultations/from-grievance", tokens.get(role), fromGrievance(caseNo));
      assertThat(r.statusCode()).as(role + " " + r.body()).isEqualTo(404);
      assertThat(problem(r).replace(caseNo, "…"))
          .as(role)
          .isEqualTo(problem(unknown).replace("GR-2026-999998", "…"));
    }
    assertThat(unknown.statusCode()).isEqualTo(404);
    HttpResponse<String> byGrid =
        send(
            "POST",
            "/api/consultations/from-grievance",
            tokens.get("ownGrid"),
            fromGrievance(caseNo));
    assertThat(byGrid.statusCode()).as(byGrid.body()).isEqualTo(201);
  }

  // ---- item 4: settlements -----------------------------------------------------------------

  @Test
  @DisplayName(
      "a community's settlement (workers' names, earnings) is not readable by residents or other communities")
  void settlementsNeedTheCommunity() throws Exception {
    for (String path :
        List.of(
            "/api/service-settlements/tfsq/2026-03", "/api/service-settlements/tfsq/2026-03.csv")) {
      for (String role : List.of("resident", "otherProperty", "otherGrid", "ownGrid")) {
        assertThat(send("GET", path, tokens.get(role), null).statusCode())
            .as(role + " " + path)
            .isEqualTo(403);
      }
      for (String role : List.of("ownProperty", "committee", "street", "supervisor")) {
        assertThat(send("GET", path, tokens.get(role), null).statusCode())
            .as(role + " " + path)
            .isEqualTo(200);
      }
    }
    assertThat(
            send("GET", "/api/service-settlements/jdsq/2026-03", tokens.get("otherProperty"), null)
                .statusCode())
        .as("their own community")
        .isEqualTo(200);
  }

  // ---- item 5: handing a task to another community's user through /engine-rest ---------------

  @Test
  @DisplayName(
      "a task cannot be claimed for, assigned, delegated or linked to another community's user")
  void tasksStayInTheirCommunity() throws Exception {
    String caseNo =
        created(
            send(
                "POST",
                "/api/grievances",
                null,
                Map.of(
                    "communityCode",
                    "tfsq",
                    "estateCode",
                    "dtsz",
                    "category",
                    "NOISE",
                    "description",
                    "夜间施工噪音")),
            "caseNo");
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
    String id = task.getId();
    String grid1 = tokens.get("ownGrid");
    String base = "/engine-rest/task/" + id;

    Map<String, Object> attempts = new LinkedHashMap<>();
    attempts.put(base + "/claim", Map.of("userId", "grid2"));
    attempts.put(base + "/assignee", Map.of("userId", "grid2"));
    attempts.put(base + "/delegate", Map.of("userId", "grid2"));
    attempts.put(base + "/identity-links", Map.of("userId", "grid2", "type", "candidate"));
    attempts.put(base + "/identity-links#assignee", Map.of("userId", "grid2", "type", "assignee"));
    attempts.put(
        base + "/identity-links#group",
        Map.of("groupId", "communities/jdsq/grid-worker", "type", "candidate"));
    for (var a : attempts.entrySet()) {
      HttpResponse<String> r = send("POST", a.getKey().replaceAll("#.*", ""), grid1, a.getValue());
      assertThat(r.statusCode())
          .as(a.getKey() + " " + a.getValue() + " " + r.body())
          .isEqualTo(403);
    }
    ObjectNode dto = (ObjectNode) JSON.readTree(send("GET", base, grid1, null).body());
    dto.remove("camundaFormRef"); // read-only, and not readable back by the REST API
    dto.put("assignee", "grid2");
    HttpResponse<String> put = send("PUT", base, grid1, dto);
    assertThat(put.statusCode())
        .as("PUT task with another community's assignee " + put.body())
        .isEqualTo(403);

    Task after = tasks.createTaskQuery().taskId(id).singleResult();
    assertThat(after.getAssignee()).isNull();
    assertThat(tasks.getIdentityLinksForTask(id))
        .noneMatch(
            l ->
                "grid2".equals(l.getUserId())
                    || "communities/jdsq/grid-worker".equals(l.getGroupId()));
    assertThat(send("GET", base, tokens.get("otherGrid"), null).statusCode())
        .as("grid2 still sees nothing")
        .isEqualTo(404);

    // what stays allowed: claiming for oneself, handing over inside the community
    HttpResponse<String> claimed = send("POST", base + "/claim", grid1, Map.of("userId", "grid1"));
    assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(204);
    HttpResponse<String> handed =
        send("POST", base + "/assignee", grid1, Map.of("userId", "property1"));
    assertThat(handed.statusCode()).as(handed.body()).isEqualTo(204);
    assertThat(tasks.createTaskQuery().taskId(id).singleResult().getAssignee())
        .isEqualTo("property1");
  }

  // ---- developer tokens --------------------------------------------------------------------

  @Test
  @DisplayName(
      "a token of the dev client (password grant) is refused unless the app runs as a local demo")
  void devClientTokensAreRefusedHere() throws Exception {
    String dev = keycloak().token("grid1", "localhost", "linli-dev");
    assertThat(send("GET", "/api/consultations/vote-tasks", dev, null).statusCode()).isEqualTo(401);
    assertThat(send("GET", "/engine-rest/task", dev, null).statusCode()).isEqualTo(401);
  }

  // ---- the matrix --------------------------------------------------------------------------

  @Test
  @DisplayName("every /api mapping × every role answers as the expectation table says")
  void matrix() throws Exception {
    Map<String, Boolean> multipart = new LinkedHashMap<>();
    mappings
        .getHandlerMethods()
        .keySet()
        .forEach(
            info -> {
              Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
              boolean isMultipart =
                  info.getConsumesCondition()
                      .getConsumableMediaTypes()
                      .contains(MediaType.MULTIPART_FORM_DATA);
              for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) continue;
                for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                  multipart.put(m.name() + " " + pattern, isMultipart);
                }
              }
            });
    assertThat(new TreeSet<>(multipart.keySet()))
        .as("every /api mapping has a row in EXPECTED, and every row a mapping")
        .isEqualTo(new TreeSet<>(EXPECTED.keySet()));

    List<String> roles = new ArrayList<>(ROLES.keySet());
    List<String> failures = new ArrayList<>();
    int requests = 0;
    for (var row : EXPECTED.entrySet()) {
      String[] expected = row.getValue().split(" ");
      assertThat(expected).as(row.getKey()).hasSize(roles.size());
      String method = row.getKey().substring(0, row.getKey().indexOf(' '));
      String pattern = row.getKey().substring(row.getKey().indexOf(' ') + 1);
      for (int i = 0; i < roles.size(); i++) {
        HttpResponse<String> r =
            matrixCall(method, pattern, tokens.get(roles.get(i)), multipart.get(row.getKey()));
        requests++;
        if (!matches(expected[i], r.statusCode())) {
          failures.add(
              row.getKey()
                  + " as "
                  + roles.get(i)
                  + ": expected "
                  + expected[i]
                  + ", got "
                  + r.statusCode()
                  + " "
                  + abbreviate(r.body()));
        }
      }
    }
    System.err.println(
        "authorization matrix: "
            + EXPECTED.size()
            + " mappings × "
            + roles.size()
            + " roles = "
            + requests
            + " requests");
    assertThat(failures).isEmpty();
  }

  static boolean matches(String expected, int status) {
    if (expected.equals("ok"))
      return (status >= 200 && status < 300) || status == 400 || status == 409;
    return Integer.parseInt(expected) == status;
  }

  HttpResponse<String> matrixCall(String method, String pattern, String token, boolean multipart)
      throws Exception {
    Matcher m = Pattern.compile("\\{([^}:]+)[^}]*}").matcher(pattern);
    StringBuilder path = new StringBuilder();
    while (m.find())
      m.appendReplacement(path, Matcher.quoteReplacement(value(m.group(1), pattern)));
    m.appendTail(path);
    if (multipart) {
      path.append(query(method + " " + pattern));
      String body =
          "--b\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"x.jpg\"\r\n"
              + "Content-Type: image/jpeg\r\n\r\nx\r\n--b--\r\n";
      HttpRequest.Builder b =
          HttpRequest.newBuilder(uri(path.toString()))
              .timeout(Duration.ofSeconds(20))
              .header("Content-Type", "multipart/form-data; boundary=b")
              .method(method, HttpRequest.BodyPublishers.ofString(body));
      if (token != null) b.header("Authorization", "Bearer " + token);
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
    path.append(query(method + " " + pattern));
    Object body = method.equals("GET") ? null : bodyFor(method + " " + pattern);
    return send(method, path.toString(), token, body);
  }

  /** Required parameters, so that a refusal is the rule's and not the parameter check's. */
  static String query(String mapping) {
    if (mapping.contains("/api/cases/")) return "?token=not-the-watch-token";
    if (mapping.matches("GET /api/points/(activities|shops)")) return "?community=tfsq";
    if (mapping.equals("GET /api/estate-finance")) return "?communityCode=tfsq";
    if (mapping.equals("GET /api/estate-finance/published"))
      return "?communityCode=tfsq&quarter=2026-Q2";
    if (mapping.matches("GET /api/supervision/(rates|ranking|ranking\\.html)"))
      return "?from=2026-01-01&to=2026-06-30";
    if (mapping.equals("GET /api/staff/contact-access")) return "?staff=grid1";
    if (mapping.equals("GET /api/staff/moves")) return "?from=2026-01-01&to=2026-06-30";
    return "";
  }

  /** Realistic path variables: 天府社区's case, order, topic, estate; the item made for the matrix. */
  String value(String variable, String pattern) {
    return switch (variable) {
      case "flow" -> "grievance";
      case "caseNo" -> tfsqCase;
      case "orderNo" -> orderNo;
      case "topicNo" -> topicNo;
      case "code" -> itemCode;
      case "evaluationNo" -> evaluationNo;
      case "rectificationNo" -> "ZG-2026-999999";
      case "checkNo" -> "XJ-2026-999999";
      case "entryNo" -> "SZ-2026-999999";
      case "communityCode", "community" -> "tfsq";
      case "estate" -> "dtsz";
      case "street" -> "tianfu";
      case "grid" -> "g1";
      case "building" -> "b3";
      case "month" -> "2026-03";
      case "quarter" -> "2026-Q2";
      case "id" -> "1";
      case "year" -> "2026";
      default ->
          throw new IllegalStateException(
              "no value for {"
                  + variable
                  + "} in "
                  + pattern
                  + ": add one to AuthorizationIT.value");
    };
  }

  /** Minimal bodies; where the rule depends on the body's content, a realistic one. */
  Object bodyFor(String mapping) {
    return switch (mapping) {
      case "POST /api/consultations/from-grievance" -> fromGrievance(tfsqCase);
      case "POST /api/service-catalogue/items" -> item("矩阵新建项目", 1500, "x");
      case "PUT /api/service-catalogue/items/{code}" -> item("矩阵测试项目", 2500, "x");
      case "POST /api/points/activities" ->
          Map.of(
              "communityCode",
              "tfsq",
              "title",
              "矩阵志愿活动",
              "startsAt",
              "2030-01-01T09:00:00+08:00",
              "endsAt",
              "2030-01-01T11:00:00+08:00",
              "capacity",
              10);
      case "POST /api/points/shops" ->
          Map.of("communityCode", "tfsq", "name", "矩阵商铺", "userId", "matrix-shop");
      case "POST /api/grievances/{caseNo}/track", "POST /api/service-orders/{orderNo}/track" ->
          Map.of("phone", "13900000000");
      case "POST /api/evaluations" ->
          Map.of("communityCode", "tfsq", "estateCode", "dtsz", "year", 2019);
      case "POST /api/evaluations/street-openings" -> Map.of("streetCode", "tianfu", "year", 2019);
      case "POST /api/evaluations/{evaluationNo}/rectification-plans" ->
          Map.of("plans", java.util.List.of());
      case "POST /api/estate-finance" ->
          Map.of("communityCode", "tfsq", "estateCode", "dtsz", "quarter", "2019-Q1");
      case "POST /api/staff/service-orders" ->
          Map.of(
              "communityCode",
              "tfsq",
              "itemCode",
              "PLUMBING-01",
              "description",
              "矩阵代登记",
              "channel",
              "PHONE");
      case "POST /api/estate-finance/{entryNo}/decision" -> Map.of("approved", true);
      case "POST /api/ratings/runs" -> Map.of("year", 2019);
      case "POST /api/ratings/{id}/override" -> Map.of("value", "3", "reason", "授权矩阵");
      default -> Map.of();
    };
  }

  static Map<String, Object> item(String name, long priceFen, String changedBy) {
    return Map.of(
        "categoryCode",
        "PLUMBING",
        "name",
        name,
        "pricing",
        "LOW_FEE",
        "referencePriceFen",
        priceFen,
        "unit",
        "次",
        "feeRate",
        0.05,
        "changedBy",
        changedBy);
  }

  static Map<String, Object> fromGrievance(String caseNo) {
    return Map.of(
        "grievanceCaseNo",
        caseNo,
        "category",
        "PUBLIC_FACILITY",
        "title",
        "绿地管护",
        "description",
        "讨论小区绿地的管护办法");
  }

  static String created(HttpResponse<String> r, String field) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return JSON.readTree(r.body()).get(field).asText();
  }

  static String problem(HttpResponse<String> r) throws Exception {
    JsonNode n = JSON.readTree(r.body());
    return n.path("status").asText()
        + " "
        + n.path("title").asText()
        + " "
        + n.path("detail").asText();
  }

  static String abbreviate(String s) {
    return s == null ? "" : s.length() > 160 ? s.substring(0, 160) + "…" : s;
  }

  HttpResponse<String> send(String method, String path, String token, Object body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(path))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    if (token != null) b.header("Authorization", "Bearer " + token);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
