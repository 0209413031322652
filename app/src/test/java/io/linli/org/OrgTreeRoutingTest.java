package io.linli.org;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linli.LinliSpringTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Integration tier: a community's tree built through the admin API alone (路由社区 {@code rtsq}: two
 * grids, two estates served by two property companies, a third estate whose company has no people
 * yet), the groups the tree creates, and the routing decision table putting each case only into the
 * lists of those who can act on it — seen as each user sees it: the Tasklist filter 本社区待认领 run as
 * that user, the engine's candidate-user query, and {@code /engine-rest/task}. Then the admin's
 * refusals, each a 400 naming the field.
 */
@LinliSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrgTreeRoutingTest {

  static final String C = "rtsq";
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired IdentityService identity;
  @Autowired FilterService filters;
  @Autowired OrgTree orgTree;
  @Autowired OrgGroups orgGroups;
  @Autowired io.linli.system.StartupLock startupLock;
  @Autowired org.springframework.transaction.PlatformTransactionManager transactions;

  record Answer(int status, JsonNode body) {}

  @BeforeAll
  void buildTree() throws Exception {
    ok(send("PUT", "/api/org/communities/" + C, Map.of("name", "路由社区", "streetCode", "tianfu")));
    ok(
        send(
            "PUT",
            "/api/org/communities/" + C + "/grids/g1",
            Map.of("name", "第一网格", "households", 420)));
    ok(
        send(
            "PUT",
            "/api/org/communities/" + C + "/grids/g2",
            Map.of("name", "第二网格", "households", 380)));
    ok(send("PUT", "/api/org/companies/rtwya", Map.of("name", "甲物业有限公司", "kind", "COMPANY")));
    ok(send("PUT", "/api/org/companies/rtwyb", Map.of("name", "乙物业服务社", "kind", "COMMUNITY_RUN")));
    ok(send("PUT", "/api/org/companies/rtwyc", Map.of("name", "丙物业", "kind", "COMPANY")));
    estate("rtaa", "甲苑", "g1", "rtwya");
    estate("rtbb", "乙苑", "g2", "rtwyb");
    estate("rtcc", "丙苑", null, "rtwyc");
    member("GRID", "g1", "grid-worker", "rt-grid-a", "网格员甲");
    member("GRID", "g2", "grid-worker", "rt-grid-b", "网格员乙");
    member("COMPANY", "rtwya", "property-staff", "rt-prop-a", "甲物业客服");
    member("COMPANY", "rtwyb", "property-staff", "rt-prop-b", "乙物业客服");
  }

  private void estate(String code, String name, String grid, String company) throws Exception {
    Map<String, Object> body =
        new HashMap<>(
            Map.of(
                "communityCode", C, "name", name, "estateType", "COMMERCIAL", "households", 400));
    if (grid != null) body.put("gridCode", grid);
    ok(send("PUT", "/api/org/estates/" + code, body));
    ok(send("PUT", "/api/org/estates/" + code + "/buildings/b1", Map.of("name", "1栋")));
    ok(
        send(
            "POST",
            "/api/org/estates/" + code + "/property-terms",
            Map.of("companyCode", company, "from", "2025-01-01")));
  }

  private void member(String kind, String unit, String role, String user, String name)
      throws Exception {
    ok(
        send(
            "POST",
            "/api/org/communities/" + C + "/members",
            Map.of(
                "unitKind",
                kind,
                "unitCode",
                unit,
                "role",
                role,
                "userId",
                user,
                "displayName",
                name)));
  }

  @Test
  @Order(1)
  @DisplayName("组织树生成 Camunda 组和成员：网格、物业公司各一组，成员也在社区的角色组里")
  void treeMakesGroups() {
    assertThat(groupsOf("rt-prop-a"))
        .contains("rtsq-company-rtwya-property-staff", "rtsq-property-staff", "property-staff")
        .doesNotContain("rtsq-company-rtwyb-property-staff");
    assertThat(groupsOf("rt-grid-b"))
        .contains("rtsq-grid-g2-grid-worker", "rtsq-grid-worker")
        .doesNotContain("rtsq-grid-g1-grid-worker");
    assertThat(identity.createGroupQuery().groupId("rtsq-company-rtwyc-property-staff").count())
        .isOne();
  }

  @Test
  @Order(1)
  @DisplayName("组织架构页面和页面所用的接口可以打开")
  void pageServes() throws Exception {
    HttpResponse<String> page =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/org/")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("邻里 · 组织架构").contains("org.js");
    JsonNode tree = send("GET", "/org/api/communities/" + C, null).body();
    assertThat(tree.get("name").asText()).isEqualTo("路由社区");
    assertThat(tree.get("groups").has("rtsq-grid-g1-grid-worker")).isTrue();
    assertThat(send("GET", "/org/api/csrf", null).status()).isEqualTo(200);
  }

  @Test
  @Order(2)
  @DisplayName("同一社区的两家物业：分流只到案件所在网格，处置和派单只到本公司小区的物业，各自的待办里只有自己的案件")
  void twoCompaniesSeeOnlyTheirEstates() throws Exception {
    String a = report("rtaa");
    String b = report("rtbb");
    String pa = instance(a);
    String pb = instance(b);

    // 分流定级: the case's grid, nobody else
    assertThat(candidateGroups(pa, "Task_Triage")).containsExactly("rtsq-grid-g1-grid-worker");
    assertThat(candidateGroups(pb, "Task_Triage")).containsExactly("rtsq-grid-g2-grid-worker");
    assertThat(unclaimedListOf("rt-grid-a")).contains(pa).doesNotContain(pb);
    assertThat(unclaimedListOf("rt-grid-b")).contains(pb).doesNotContain(pa);

    triage(pa, "rt-grid-a");
    triage(pb, "rt-grid-b");

    // 响应: the company of the case's estate
    assertThat(candidateGroups(pa, "Task_Respond"))
        .containsExactly("rtsq-company-rtwya-property-staff");
    assertThat(candidateGroups(pb, "Task_Respond"))
        .containsExactly("rtsq-company-rtwyb-property-staff");
    assertThat(unclaimedListOf("rt-prop-a")).contains(pa).doesNotContain(pb);
    assertThat(unclaimedListOf("rt-prop-b")).contains(pb).doesNotContain(pa);
    assertThat(candidateUserQuery("rt-prop-a")).contains(pa).doesNotContain(pb);
    assertThat(engineRestList("rt-prop-b")).contains(pb).doesNotContain(pa);
    assertThat(engineRestList("rt-prop-a")).contains(pa).doesNotContain(pb);

    // 物业派单 of a service order in 甲苑: 甲物业 only
    String order = order("rtaa");
    String po =
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(order)
            .singleResult()
            .getId();
    assertThat(candidateGroups(po, "Task_Dispatch"))
        .containsExactly("rtsq-company-rtwya-property-staff");
    assertThat(unclaimedListOf("rt-prop-a")).contains(po);
    assertThat(unclaimedListOf("rt-prop-b")).doesNotContain(po);
  }

  @Test
  @Order(3)
  @DisplayName("树中无人的单位不接案件：没有网格的小区、无人登记的物业公司回落到社区的组")
  void emptyUnitsFallBackToTheCommunity() {
    String c = report("rtcc");
    String pc = instance(c);
    assertThat(candidateGroups(pc, "Task_Triage")).containsExactly("rtsq-grid-worker");
    triage(pc, "rt-grid-a");
    assertThat(candidateGroups(pc, "Task_Respond")).containsExactly("rtsq-property-staff");
  }

  @Test
  @Order(4)
  @DisplayName("物业更替：新公司自接管日起接新案件，原公司的任期留档")
  void companyChangeRoutesNewCases() throws Exception {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    Answer changed =
        send(
            "POST",
            "/api/org/estates/rtcc/property-terms",
            Map.of("companyCode", "rtwya", "from", today.toString()));
    assertThat(changed.status()).isEqualTo(200);
    JsonNode rtcc = estateNode(changed.body(), "rtcc");
    assertThat(rtcc.get("companyCode").asText()).isEqualTo("rtwya");
    assertThat(rtcc.get("terms"))
        .extracting(t -> t.get("companyCode").asText() + "@" + t.get("to").asText())
        .containsExactly("rtwyc@" + today, "rtwya@null");

    String pc = instance(report("rtcc"));
    triage(pc, "rt-grid-a");
    assertThat(candidateGroups(pc, "Task_Respond"))
        .containsExactly("rtsq-company-rtwya-property-staff");

    // a second change dated before the open term is refused
    Answer back =
        send(
            "POST",
            "/api/org/estates/rtcc/property-terms",
            Map.of("companyCode", "rtwyc", "from", "2025-06-01"));
    assertThat(back.status()).isEqualTo(400);
    assertThat(fields(back)).containsKey("from");
  }

  @Test
  @Order(5)
  @DisplayName("组织树拒绝环、没有社区的小区、社区外的网格，逐项说明字段")
  void refusals() throws Exception {
    ok(
        send(
            "PUT",
            "/api/org/communities/" + C + "/grids/g1",
            Map.of("name", "第一网格", "households", 420, "parentGridCode", "g2")));
    Answer cycle =
        send(
            "PUT",
            "/api/org/communities/" + C + "/grids/g2",
            Map.of("name", "第二网格", "parentGridCode", "g1"));
    assertThat(cycle.status()).isEqualTo(400);
    assertThat(fields(cycle).get("parentGridCode")).contains("环");
    Answer self =
        send(
            "PUT",
            "/api/org/communities/" + C + "/grids/g1",
            Map.of("name", "第一网格", "parentGridCode", "g1"));
    assertThat(fields(self).get("parentGridCode")).contains("环");
    ok(
        send(
            "PUT",
            "/api/org/communities/" + C + "/grids/g1",
            Map.of("name", "第一网格", "households", 420)));

    Answer orphan =
        send("PUT", "/api/org/estates/rtzz", Map.of("name", "无主小区", "estateType", "OLD"));
    assertThat(orphan.status()).isEqualTo(400);
    assertThat(fields(orphan).get("communityCode")).isEqualTo("小区须属于一个社区");

    // g4 is a grid of 天府社区 (demo data), not of this community
    Answer foreignGrid =
        send(
            "PUT",
            "/api/org/estates/rtzz",
            Map.of("communityCode", C, "name", "无主小区", "estateType", "OLD", "gridCode", "g4"));
    assertThat(foreignGrid.status()).isEqualTo(400);
    assertThat(fields(foreignGrid).get("gridCode")).startsWith("网格须在小区所属的社区内");
    Answer foreignBuildingGrid =
        send("PUT", "/api/org/estates/rtaa/buildings/b2", Map.of("name", "2栋", "gridCode", "g4"));
    assertThat(fields(foreignBuildingGrid)).containsKey("gridCode");

    Answer badMember =
        send(
            "POST",
            "/api/org/communities/" + C + "/members",
            Map.of(
                "unitKind",
                "COMPANY",
                "unitCode",
                "sywy",
                "role",
                "property-staff",
                "userId",
                "x1",
                "displayName",
                "某人"));
    assertThat(fields(badMember).get("unitCode")).contains("没有服务本社区");

    JsonNode tree = send("GET", "/api/org/communities/" + C, null).body();
    assertThat(tree.get("estates")).extracting(e -> e.get("code").asText()).doesNotContain("rtzz");
    assertThat(tree.get("grids"))
        .allSatisfy(g -> assertThat(g.get("parentGridCode").isNull()).isTrue());
  }

  @Test
  @Order(6)
  @DisplayName("成员移出组织树后离开单位的组，新案件回落到社区的组")
  void removedMemberLeavesTheGroup() throws Exception {
    ok(
        send(
            "POST",
            "/api/org/communities/" + C + "/members/removal",
            Map.of(
                "unitKind",
                "COMPANY",
                "unitCode",
                "rtwyb",
                "role",
                "property-staff",
                "userId",
                "rt-prop-b")));
    assertThat(groupsOf("rt-prop-b")).doesNotContain("rtsq-company-rtwyb-property-staff");
    String pb = instance(report("rtbb"));
    triage(pb, "rt-grid-b");
    assertThat(candidateGroups(pb, "Task_Respond")).containsExactly("rtsq-property-staff");
  }

  @Test
  @Order(8)
  @DisplayName("Keycloak 不可达：同步很快放弃，只记警告不抛出，下次启动或修改再同步；无密钥则不同步")
  void keycloakSyncFailsQuietly() throws Exception {
    int closed;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      closed = s.getLocalPort(); // nothing listens there once closed
    }
    KeycloakOrgSync down =
        new KeycloakOrgSync(
            orgTree,
            orgGroups,
            startupLock,
            transactions,
            "http://127.0.0.1:" + closed,
            "linli",
            "linli-org-sync",
            "some-secret");
    assertThat(down.enabled()).isTrue();
    long t0 = System.nanoTime();
    // the after-commit listener of an edit: it must not throw into the committed request
    down.treeEdited(new OrgGroups.TreeEdited("rtsq"));
    assertThat(down.syncQuietly("rtsq")).isEmpty();
    assertThat(java.time.Duration.ofNanos(System.nanoTime() - t0))
        .isLessThan(java.time.Duration.ofSeconds(10));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> down.sync("rtsq"))
        .isInstanceOf(org.springframework.web.client.ResourceAccessException.class);

    KeycloakOrgSync off =
        new KeycloakOrgSync(
            orgTree,
            orgGroups,
            startupLock,
            transactions,
            "http://127.0.0.1:" + closed,
            "linli",
            "linli-org-sync",
            "");
    assertThat(off.enabled()).isFalse();
    off.atStart(); // logs that the realm is kept by hand
    off.treeEdited(new OrgGroups.TreeEdited("rtsq"));
  }

  @Test
  @Order(7)
  @DisplayName("服务队和能工巧匠进组；楼栋代表按任期选举，由社区党委替换，原代表留档")
  void teamsWorkersAndRepresentatives() throws Exception {
    member("TEAM", "repair", "contractor", "rt-fix-1", "维修队李师傅");
    member("INDIVIDUAL", "", "contractor", "rt-craft-1", "能工巧匠赵师傅");
    assertThat(groupsOf("rt-fix-1"))
        .contains("rtsq-contractor-repair", "rtsq-contractor", "contractor");
    assertThat(groupsOf("rt-craft-1"))
        .contains("rtsq-contractor", "contractor")
        .doesNotContain("rtsq-contractor-repair");

    ok(
        send(
            "POST",
            "/api/org/estates/rtaa/representatives",
            Map.of(
                "userId",
                "rt-rep-1",
                "displayName",
                "王先生",
                "buildingCode",
                "b1",
                "termFrom",
                "2024-07-01",
                "termTo",
                "2027-06-30")));
    Answer replaced =
        send(
            "POST",
            "/api/org/estates/rtaa/representatives",
            Map.of(
                "userId",
                "rt-rep-2",
                "displayName",
                "李女士",
                "buildingCode",
                "b1",
                "termFrom",
                "2026-01-01",
                "termTo",
                "2027-06-30",
                "replacesUserId",
                "rt-rep-1"));
    assertThat(replaced.status()).isEqualTo(200);
    assertThat(estateNode(replaced.body(), "rtaa").get("representatives"))
        .extracting(
            r ->
                r.get("userId").asText()
                    + ":"
                    + r.get("active").asBoolean()
                    + ":"
                    + r.get("replacedBy").asText())
        .containsExactly("rt-rep-2:true:null", "rt-rep-1:false:rt-rep-2");
    assertThat(groupsOf("rt-rep-2")).contains("rtsq-building-rep");

    Answer backwards =
        send(
            "POST",
            "/api/org/estates/rtaa/representatives",
            Map.of(
                "userId",
                "rt-rep-3",
                "displayName",
                "张先生",
                "buildingCode",
                "b1",
                "termFrom",
                "2027-01-01",
                "termTo",
                "2026-01-01",
                "replacesUserId",
                "rt-rep-1"));
    assertThat(fields(backwards)).containsKeys("termTo", "replacesUserId");
  }

  // ---- helpers ----

  private String report(String estate) {
    try {
      Answer a =
          send(
              "POST",
              "/api/grievances",
              Map.of(
                  "communityCode",
                  C,
                  "estateCode",
                  estate,
                  "buildingCode",
                  "b1",
                  "category",
                  "FACILITY",
                  "description",
                  "1栋电梯停运，请尽快维修",
                  "contactName",
                  "周女士",
                  "contactPhone",
                  "13800001234"));
      assertThat(a.status()).isEqualTo(201);
      return a.body().get("caseNo").asText();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private String order(String estate) throws Exception {
    Answer a =
        send(
            "POST",
            "/api/service-orders",
            Map.of(
                "communityCode",
                C,
                "estateCode",
                estate,
                "buildingCode",
                "b1",
                "itemCode",
                "APPLIANCE-01",
                "description",
                "洗衣机不脱水",
                "contactName",
                "周女士",
                "contactPhone",
                "13800001234",
                "channel",
                "MINI_PROGRAM"));
    assertThat(a.status()).isEqualTo(201);
    return a.body().get("orderNo").asText();
  }

  private String instance(String caseNo) {
    return runtime
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(caseNo)
        .processDefinitionKey("Process_Grievance")
        .singleResult()
        .getId();
  }

  private void triage(String pi, String user) {
    Task t = task(pi, "Task_Triage");
    tasks.claim(t.getId(), user);
    tasks.complete(t.getId(), Map.of("category", "FACILITY", "tier", "MEDIUM", "triageNote", ""));
  }

  private Task task(String pi, String key) {
    return tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).singleResult();
  }

  private List<String> candidateGroups(String pi, String key) {
    return tasks.getIdentityLinksForTask(task(pi, key).getId()).stream()
        .filter(l -> "candidate".equals(l.getType()))
        .map(IdentityLink::getGroupId)
        .toList();
  }

  private List<String> groupsOf(String user) {
    return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
  }

  /** Tasklist's saved filter 本社区待认领, run as the user with the groups the identity gives them. */
  private Set<String> unclaimedListOf(String user) {
    String filterId = filters.createFilterQuery().filterName("本社区待认领").singleResult().getId();
    identity.setAuthentication(user, groupsOf(user));
    try {
      List<Task> list = filters.listPage(filterId, 0, 1000);
      return list.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
    } finally {
      identity.clearAuthentication();
    }
  }

  private Set<String> candidateUserQuery(String user) {
    return tasks.createTaskQuery().taskCandidateUser(user).listPage(0, 1000).stream()
        .map(Task::getProcessInstanceId)
        .collect(Collectors.toSet());
  }

  private Set<String> engineRestList(String user) throws Exception {
    Answer a = send("GET", "/engine-rest/task?maxResults=1000&candidateUser=" + user, null);
    assertThat(a.status()).isEqualTo(200);
    return StreamSupport.stream(a.body().spliterator(), false)
        .map(t -> t.get("processInstanceId").asText())
        .collect(Collectors.toSet());
  }

  private static JsonNode estateNode(JsonNode community, String code) {
    for (JsonNode e : community.get("estates")) if (e.get("code").asText().equals(code)) return e;
    throw new AssertionError("no estate " + code);
  }

  private static Map<String, String> fields(Answer a) {
    assertThat(a.status()).isEqualTo(400);
    Map<String, String> out = new HashMap<>();
    for (JsonNode f : a.body().get("errors"))
      out.put(f.get("field").asText(), f.get("message").asText());
    return out;
  }

  private static void ok(Answer a) {
    assertThat(a.status()).as(String.valueOf(a.body())).isEqualTo(200);
  }

  private Answer send(String method, String path, Object body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Accept", "application/json")
            .header("X-Linli-User", "committee1");
    if (body == null) b.method(method, HttpRequest.BodyPublishers.noBody());
    else
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode json = r.body().isBlank() ? null : JSON.readTree(r.body());
    return new Answer(r.statusCode(), json);
  }
}
