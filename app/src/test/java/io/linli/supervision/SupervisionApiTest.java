package io.linli.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.linli.LinliSpringTest;
import io.linli.TestHttp;
import io.linli.identity.SupervisionAccess;
import io.linli.system.ApiError;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * Integration tier (PostgreSQL): the breach audit, the rates and the 红黑榜 against a hand-computed
 * fixture in a community of its own, written straight into the tables: estates E1 (company C1) and
 * E2 (company C2 now; C1 held it when case D ran, as D's ledger rows record).
 *
 * <pre>
 * case estate reported  respond stop         closed  rating              follow-up           plan
 * A    E1     06-01     MET     +1h (60)     +10h    SATISFIED           SATISFIED           -
 * B    E1     06-01     BREACHED L1 +4h, 督办 done +4.5h, RESOLVED +5h (300)  +30h  DISSATISFIED  BASICALLY_SATISFIED  -
 * C    E1     06-01     MET     +2h (120)    +20h    NONE (not rated)    DISSATISFIED        yes, rectified (MET)
 * D    E2(C1) 06-01     MET     +3h (180)    +40h    BASICALLY_SATISFIED SATISFIED           -
 * E    E2     07-10     RESOLVED +6h (360), late without a breach row  +7h  SATISFIED  -   -
 * F    E2     07-10     (open)                       -                                       yes, not rectified
 * S1   E2     07-10     service order: SERVICE_ORDER_ARRIVE BREACHED L1 07-10 10:00, L2 07-11 10:00 (BJ), both open
 * </pre>
 *
 * All times 2025, reported at 08:00 Beijing. By hand, period 2025-06-01..2025-07-31:
 *
 * <ul>
 *   <li>all: closed 5 (A–E), on time 3 (A, C, D) = 0.6; rated 4 (A, B, D, E), satisfied 3 = 0.75;
 *       followed up 4 (A–D), satisfied 3 (A, B, D) = 0.75; planned 2 (C, F), rectified 1 = 0.5;
 *       respond minutes 60, 120, 180, 300, 360: median 180, p90 at rank 0.9·4 = 3.6 → 300 + 0.6·60
 *       = 336; close minutes 420, 600, 1200, 1800, 2400: median 1200, p90 1800 + 0.6·600 = 2160.
 *   <li>E1 (A, B, C): on time 2/3; satisfied 1/2; follow-up 2/3; rectified 1/1; respond 60, 120,
 *       300: median 120, p90 rank 1.8 → 120 + 0.8·180 = 264; close 600, 1200, 1800: median 1200,
 *       p90 1200 + 0.8·600 = 1680.
 *   <li>E2 (D, E; F planned): on time 1/2; satisfied 2/2; follow-up 1/1; rectified 0/1; respond
 *       180, 360: median 270, p90 180 + 0.9·180 = 342; close 420, 2400: median 1410, p90 420 +
 *       0.9·1980 = 2202.
 *   <li>C1 (A, B, C, D — D by its ledger rows): on time 3/4; satisfied 2/3; follow-up 3/4;
 *       rectified 1/1; respond median (120+180)/2 = 150, p90 rank 2.7 → 180 + 0.7·120 = 264; close
 *       median 1500, p90 1800 + 0.7·600 = 2220. C2 (E; F planned): on time 0/1; satisfied 1/1;
 *       follow-up none (null); rectified 0/1.
 *   <li>months (closing month; rectification by reporting month): 2025-06 closed 4, on time 3 =
 *       0.75, rectified 1/1; 2025-07 closed 1, on time 0, rectified 0/1.
 *   <li>红黑榜 (score = ½ on time + ½ satisfied): E2 0.5·0.5 + 0.5·1 = 0.75 before E1 0.5·(2/3) +
 *       0.5·0.5 = 0.583; both black (on time under 80%). With the default minimum of 3 closed cases
 *       only E1 is ranked; E2 is 样本不足. Companies: C1 0.708 (ranked, black), C2 unranked.
 * </ul>
 */
@LinliSpringTest
class SupervisionApiTest {

  static final Instant JUNE = Instant.parse("2025-06-01T00:00:00Z"); // 08:00 Beijing
  static final Instant JULY = Instant.parse("2025-07-10T00:00:00Z");
  static final String PERIOD = "from=2025-06-01&to=2025-07-31";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired BreachAudit audit;
  @Autowired Dimensions dims;
  @Autowired SupervisionReadModel readModel;

  RestClient http;
  String community;
  String e1, e2, c1, c2;
  long e1Id, e2Id, c1Id, c2Id;

  @BeforeEach
  void fixture() {
    http = TestHttp.client(port);
    String id = UUID.randomUUID().toString().substring(0, 8);
    community = "fx" + id;
    e1 = "e1" + id;
    e2 = "e2" + id;
    c1 = "c1" + id;
    c2 = "c2" + id;
    jdbc.sql("insert into community (code, name, street_code) values (?, '测试社区', 'tianfu')")
        .param(community)
        .update();
    c1Id = company(c1, "测试物业一");
    c2Id = company(c2, "测试物业二");
    e1Id = estate(e1, "测试小区一", c1Id);
    e2Id = estate(e2, "测试小区二", c2Id);

    closedCase("A", e1Id, JUNE, 10, "SATISFIED", "SATISFIED", false);
    run("A", "GRIEVANCE_RESPOND", "MET", 0, hours(JUNE, 1), c1Id, e1Id);
    closedCase("B", e1Id, JUNE, 30, "DISSATISFIED", "BASICALLY_SATISFIED", false);
    run("B", "GRIEVANCE_RESPOND", "BREACHED", 1, hours(JUNE, 4), c1Id, e1Id);
    run("B", "GRIEVANCE_RESPOND", "SUPERVISED", 1, hours(JUNE, 4.5), c1Id, e1Id);
    run("B", "GRIEVANCE_RESPOND", "RESOLVED", 0, hours(JUNE, 5), c1Id, e1Id);
    closedCase("C", e1Id, JUNE, 20, "NONE", "DISSATISFIED", true);
    run("C", "GRIEVANCE_RESPOND", "MET", 0, hours(JUNE, 2), c1Id, e1Id);
    run("C", "GRIEVANCE_COMMITTED", "MET", 0, hours(JUNE, 19), c1Id, e1Id);
    closedCase("D", e2Id, JUNE, 40, "BASICALLY_SATISFIED", "SATISFIED", false);
    run("D", "GRIEVANCE_RESPOND", "STARTED", 0, JUNE, c1Id, e2Id);
    run("D", "GRIEVANCE_RESPOND", "MET", 0, hours(JUNE, 3), c1Id, e2Id);
    closedCase("E", e2Id, JULY, 7, "SATISFIED", null, false);
    run("E", "GRIEVANCE_RESPOND", "RESOLVED", 0, hours(JULY, 6), c2Id, e2Id);
    openCase("F", e2Id, JULY);
    serviceOrderBreach("S1", 1, hours(JULY, 2));
    serviceOrderBreach("S1", 2, hours(JULY, 26));
    readModel.rebuild(); // the fixture wrote the tables, not the app: the read model follows
  }

  @Test
  @DisplayName("按时办结率、满意率、回访满意率、整改率和响应/办结时长与手算一致（合计与按月）")
  void ratesMatchHandComputedFixture() {
    JsonNode r = get("/api/supervision/rates?community={c}&" + PERIOD, community);
    JsonNode t = r.get("total");
    assertRates(t, 5, 0.6, 0.75, 0.75, 0.5);
    assertThat(t.get("onTime").asLong()).isEqualTo(3);
    assertThat(t.get("rated").asLong()).isEqualTo(4);
    assertThat(t.get("planned").asLong()).isEqualTo(2);
    assertMinutes(t, 180, 336, 1200, 2160);
    assertThat(r.get("rules").get("onTimeClosureRate").asText()).contains("按时办结率 =", "÷");

    JsonNode months = r.get("months");
    assertThat(months).hasSize(2);
    assertThat(months.get(0).get("month").asText()).isEqualTo("2025-06");
    assertRates(months.get(0).get("figures"), 4, 0.75, 2.0 / 3, 0.75, 1.0);
    assertThat(months.get(1).get("month").asText()).isEqualTo("2025-07");
    assertThat(months.get(1).get("figures").get("closed").asLong()).isEqualTo(1);
    assertThat(months.get(1).get("figures").get("onTimeClosureRate").asDouble()).isZero();
    assertThat(months.get(1).get("figures").get("followUpSatisfactionRate").isNull())
        .as("nothing to count: null, not 0")
        .isTrue();
    assertThat(months.get(1).get("figures").get("rectificationRate").asDouble()).isZero();

    JsonNode empty =
        get("/api/supervision/rates?community={c}&from=2024-01-01&to=2024-01-31", community);
    assertThat(empty.get("total").get("closed").asLong()).isZero();
    assertThat(empty.get("total").get("onTimeClosureRate").isNull())
        .as("no cases: no rate")
        .isTrue();
  }

  @Test
  @DisplayName("按小区、按物业服务企业分组的比率与手算一致；企业按案件发生时台账记录的企业归属")
  void ratesPerEstateAndCompany() {
    JsonNode byEstate =
        get("/api/supervision/rates?community={c}&groupBy=estate&" + PERIOD, community);
    assertThat(byEstate.get("groupBy").asText()).isEqualTo("ESTATE");
    JsonNode g1 = group(byEstate, e1);
    assertThat(g1.get("name").asText()).isEqualTo("测试小区一");
    assertRates(g1.get("total"), 3, 2.0 / 3, 0.5, 2.0 / 3, 1.0);
    assertMinutes(g1.get("total"), 120, 264, 1200, 1680);
    JsonNode g2 = group(byEstate, e2);
    assertRates(g2.get("total"), 2, 0.5, 1.0, 1.0, 0.0);
    assertMinutes(g2.get("total"), 270, 342, 1410, 2202);
    assertThat(g2.get("months"))
        .extracting(m -> m.get("month").asText())
        .containsExactly("2025-06", "2025-07");

    JsonNode byCompany =
        get("/api/supervision/rates?community={c}&groupBy=company&" + PERIOD, community);
    JsonNode k1 = group(byCompany, c1);
    assertRates(k1.get("total"), 4, 0.75, 2.0 / 3, 0.75, 1.0);
    assertMinutes(k1.get("total"), 150, 264, 1500, 2220);
    JsonNode k2 = group(byCompany, c2);
    assertThat(k2.get("total").get("closed").asLong()).isEqualTo(1);
    assertThat(k2.get("total").get("onTimeClosureRate").asDouble()).isZero();
    assertThat(k2.get("total").get("followUpSatisfactionRate").isNull()).isTrue();
    assertThat(k2.get("total").get("rectificationRate").asDouble()).isZero();

    JsonNode onlyC2 = get("/api/supervision/rates?company={k}&" + PERIOD, c2);
    assertThat(onlyC2.get("total").get("closed").asLong()).isEqualTo(1);
  }

  @Test
  @DisplayName("红黑榜：综合得分排序、样本不足不排名、规则随榜公布，并有可打印页面")
  void ranking() {
    JsonNode all = get("/api/supervision/ranking?community={c}&minClosed=1&" + PERIOD, community);
    assertThat(all.get("rule").asText()).contains("综合得分", "红榜", "黑榜", "不足 1 件");
    JsonNode estates = all.get("estates");
    assertThat(estates).extracting(e -> e.get("code").asText()).containsExactly(e2, e1);
    assertThat(estates.get(0).get("rank").asInt()).isEqualTo(1);
    assertThat(estates.get(0).get("score").asDouble()).isCloseTo(0.75, within(1e-9));
    assertThat(estates.get(1).get("score").asDouble()).isCloseTo((2.0 / 3 + 0.5) / 2, within(1e-9));
    assertThat(estates.get(0).get("list").asText()).isEqualTo("BLACK");
    assertThat(all.get("companies"))
        .extracting(e -> e.get("code").asText())
        .containsExactly(c1, c2);

    JsonNode min3 = get("/api/supervision/ranking?community={c}&" + PERIOD, community);
    JsonNode ranked = min3.get("estates");
    assertThat(ranked.get(0).get("code").asText()).isEqualTo(e1);
    assertThat(ranked.get(0).get("rank").asInt()).isEqualTo(1);
    assertThat(ranked.get(1).get("code").asText()).isEqualTo(e2);
    assertThat(ranked.get(1).get("ranked").asBoolean()).isFalse();
    assertThat(ranked.get(1).get("rank").isNull()).isTrue();

    String page =
        http.get()
            .uri("/supervision/api/ranking.html?community={c}&" + PERIOD, community)
            .retrieve()
            .body(String.class);
    assertThat(page).contains("物业服务红黑榜", "排名规则", "测试小区一", "样本不足", "测试社区");
  }

  @Test
  @DisplayName("超时台账：按社区、小区、企业、流程、时限、级别、期间、督办与办结状态筛选，分页，CSV，链接到案件和 Cockpit")
  void breachAuditFilters() {
    JsonNode all = get("/api/supervision/breaches?community={c}", community);
    assertThat(all.get("total").asLong()).isEqualTo(3);
    assertThat(all.get("items"))
        .extracting(i -> i.get("caseNo").asText() + "/" + i.get("level").asInt())
        .as("newest first")
        .containsExactly(no("S1") + "/2", no("S1") + "/1", no("B") + "/1");
    JsonNode b = all.get("items").get(2);
    assertThat(b.get("open").asBoolean()).isFalse();
    assertThat(b.get("supervisedAt").asText()).isEqualTo(hours(JUNE, 4.5).toString());
    assertThat(b.get("resolvedAt").asText()).isEqualTo(hours(JUNE, 5).toString());
    assertThat(b.get("estateName").asText()).isEqualTo("测试小区一");
    assertThat(b.get("companyName").asText()).isEqualTo("测试物业一");
    assertThat(b.get("clockLabel").asText()).isEqualTo("诉求响应时限");
    assertThat(b.get("caseUrl").asText()).isEqualTo("/api/grievances/" + no("B"));
    assertThat(b.get("residentUrl").asText()).isEqualTo("/resident/#track=" + no("B"));
    assertThat(b.get("cockpitUrl").asText())
        .isEqualTo("/camunda/app/cockpit/default/#/process-instance/pi-B");
    assertThat(all.get("items").get(0).get("caseUrl").asText())
        .isEqualTo("/api/service-orders/" + no("S1"));

    assertThat(total("community={c}&estate=" + e1)).isEqualTo(1);
    assertThat(total("community={c}&company=" + c2)).isEqualTo(2);
    assertThat(total("community={c}&flow=SERVICE_ORDER")).isEqualTo(2);
    assertThat(total("community={c}&clock=GRIEVANCE_RESPOND")).isEqualTo(1);
    assertThat(total("community={c}&level=2")).isEqualTo(1);
    assertThat(total("community={c}&open=true")).isEqualTo(2);
    assertThat(total("community={c}&open=false")).isEqualTo(1);
    assertThat(total("community={c}&resolved=true")).isEqualTo(1);
    assertThat(total("community={c}&resolved=false")).isEqualTo(2);
    assertThat(total("community={c}&from=2025-07-01")).isEqualTo(2);
    assertThat(total("community={c}&to=2025-06-30")).isEqualTo(1);
    assertThat(total("community={c}&from=2025-07-11&to=2025-07-11"))
        .as("one Beijing day")
        .isEqualTo(1);

    JsonNode paged = get("/api/supervision/breaches?community={c}&size=1&page=1", community);
    assertThat(paged.get("total").asLong()).isEqualTo(3);
    assertThat(paged.get("items"))
        .singleElement()
        .satisfies(i -> assertThat(i.get("level").asInt()).isEqualTo(1))
        .satisfies(i -> assertThat(i.get("caseNo").asText()).isEqualTo(no("S1")));
    assertThat(get("/api/supervision/breaches?community={c}&size=2&page=5", community).get("items"))
        .isEmpty();

    String csv =
        http.get()
            .uri("/api/supervision/breaches.csv?community={c}", community)
            .retrieve()
            .body(String.class);
    assertThat(csv.lines()).hasSize(4);
    assertThat(csv.lines().findFirst().orElseThrow()).contains("案件编号", "小区", "物业服务企业", "办结时间");
    assertThat(csv)
        .contains(
            no("B"), "督办中", "已督办", "测试物业二", "/camunda/app/cockpit/default/#/process-instance/pi-B");
  }

  @Test
  @DisplayName("错误的筛选值一次性返回400并逐项说明字段")
  void badFiltersAre400WithFieldMessages() {
    var bad =
        http.get()
            .uri(
                "/api/supervision/breaches?flow=FOO&clock=NOPE&level=3&from=2025-13-01"
                    + "&open=maybe&estate=nowhere&company=nobody&community=nocommunity")
            .retrieve()
            .toEntity(JsonNode.class);
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat(bad.getBody().get("errors"))
        .extracting(e -> e.get("field").asText())
        .containsExactlyInAnyOrder(
            "community", "estate", "company", "flow", "clock", "level", "from", "open");
    assertThat(bad.getBody().get("errors").findValuesAsText("message"))
        .allSatisfy(m -> assertThat(m).isNotBlank());

    assertThat(fields("/api/supervision/breaches?size=100000")).containsExactly("size");
    assertThat(fields("/api/supervision/breaches?page=-1")).containsExactly("page");
    assertThat(fields("/api/supervision/breaches?from=2025-07-02&to=2025-07-01"))
        .containsExactly("to");
    assertThat(fields("/api/supervision/rates?from=2025-06-01")).containsExactly("to");
    assertThat(fields("/api/supervision/rates?groupBy=street&" + PERIOD))
        .containsExactly("groupBy");
    assertThat(fields("/api/supervision/ranking?minClosed=0&" + PERIOD))
        .containsExactly("minClosed");
  }

  @Test
  @DisplayName("社区党委的查询范围只含本社区：不指定社区时只看到本社区，指定其他社区被拒绝")
  void scopeNarrowsToCommunitiesInReach() {
    var mine = new SupervisionAccess.Scope(false, Set.of(community));
    AuditQuery q = AuditQuery.read(params(null), dims, mine, false);
    BreachAudit.Page page = audit.find(q, null, 0, 500);
    assertThat(page.total()).isEqualTo(3);
    assertThat(page.items()).allSatisfy(i -> assertThat(i.communityCode()).isEqualTo(community));

    assertThatThrownBy(() -> AuditQuery.read(params("tfsq"), dims, mine, false))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.status().value()).isEqualTo(403));
    assertThatThrownBy(
            () ->
                AuditQuery.read(
                    params(null), dims, new SupervisionAccess.Scope(false, Set.of()), false))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.status().value()).isEqualTo(403));
  }

  // --- fixture ---------------------------------------------------------------------------------

  private static AuditQuery.Params params(String community) {
    return new AuditQuery.Params(community, null, null, null, null, null, null, null, null, null);
  }

  private JsonNode get(String uri, Object... vars) {
    return http.get().uri(uri, vars).retrieve().body(JsonNode.class);
  }

  private long total(String query) {
    return get("/api/supervision/breaches?" + query, community).get("total").asLong();
  }

  private List<String> fields(String uri) {
    var r = http.get().uri(uri).retrieve().toEntity(JsonNode.class);
    assertThat(r.getStatusCode().value()).as(uri).isEqualTo(400);
    List<String> out = new ArrayList<>();
    r.getBody().get("errors").forEach(e -> out.add(e.get("field").asText()));
    return out;
  }

  private static JsonNode group(JsonNode table, String key) {
    for (JsonNode g : table.get("groups")) if (g.get("key").asText().equals(key)) return g;
    throw new AssertionError("no group " + key + " in " + table);
  }

  private static void assertRates(
      JsonNode f, long closed, double onTime, double satisfied, double followUp, double rectified) {
    assertThat(f.get("closed").asLong()).isEqualTo(closed);
    assertThat(f.get("onTimeClosureRate").asDouble()).isCloseTo(onTime, within(1e-9));
    assertThat(f.get("satisfactionRate").asDouble()).isCloseTo(satisfied, within(1e-9));
    assertThat(f.get("followUpSatisfactionRate").asDouble()).isCloseTo(followUp, within(1e-9));
    assertThat(f.get("rectificationRate").asDouble()).isCloseTo(rectified, within(1e-9));
  }

  private static void assertMinutes(
      JsonNode f, double respondMedian, double respondP90, double closeMedian, double closeP90) {
    assertThat(f.get("respondMinutesMedian").asDouble()).isCloseTo(respondMedian, within(1e-6));
    assertThat(f.get("respondMinutesP90").asDouble()).isCloseTo(respondP90, within(1e-6));
    assertThat(f.get("closeMinutesMedian").asDouble()).isCloseTo(closeMedian, within(1e-6));
    assertThat(f.get("closeMinutesP90").asDouble()).isCloseTo(closeP90, within(1e-6));
  }

  private String no(String name) {
    return "FX-" + community + "-" + name;
  }

  private static Instant hours(Instant from, double h) {
    return from.plus(Duration.ofMinutes((long) (h * 60)));
  }

  private long company(String code, String name) {
    return jdbc.sql("insert into property_company (code, name) values (?, ?) returning id")
        .params(code, name)
        .query(Long.class)
        .single();
  }

  private long estate(String code, String name, long companyId) {
    return jdbc.sql(
            """
        insert into estate (community_code, code, name, estate_type, property_company_id)
        values (?, ?, ?, 'OLD', ?) returning id""")
        .params(community, code, name, companyId)
        .query(Long.class)
        .single();
  }

  private void closedCase(
      String name,
      long estateId,
      Instant reported,
      int closeHours,
      String rating,
      String followUp,
      boolean plan) {
    long id =
        jdbc.sql(
                """
        insert into grievance_case (case_no, community_code, estate_id, category, tier, description,
          channel, status, reported_at, committed_deadline, rating, follow_up_satisfaction,
          closed_at, process_instance_id)
        values (?, ?, ?, 'FACILITY', ?, '测试', 'API', 'CLOSED', ?, ?, ?, ?, ?, ?) returning id""")
            .params(
                no(name),
                community,
                estateId,
                plan ? "DIFFICULT" : "MEDIUM",
                Timestamp.from(reported),
                plan ? Timestamp.from(hours(reported, 72)) : null,
                rating,
                followUp,
                Timestamp.from(hours(reported, closeHours)),
                "pi-" + name)
            .query(Long.class)
            .single();
    file(id, name, estateId, "CLOSED", reported, hours(reported, closeHours), rating, followUp);
    if (plan) committed(name, reported, hours(reported, 72), estateId);
  }

  private void openCase(String name, long estateId, Instant reported) {
    long id =
        jdbc.sql(
                """
        insert into grievance_case (case_no, community_code, estate_id, category, tier, description,
          channel, status, reported_at, committed_deadline, process_instance_id)
        values (?, ?, ?, 'FACILITY', 'DIFFICULT', '测试', 'API', 'RECTIFYING', ?, ?, ?) returning id""")
            .params(
                no(name),
                community,
                estateId,
                Timestamp.from(reported),
                Timestamp.from(hours(reported, 240)),
                "pi-" + name)
            .query(Long.class)
            .single();
    file(id, name, estateId, "RECTIFYING", reported, null, null, null);
    committed(name, reported, hours(reported, 240), estateId);
  }

  /** The case's case_file row, as the grievance intake and its listeners keep it. */
  private void file(
      long id,
      String name,
      long estateId,
      String status,
      Instant reported,
      Instant closed,
      String rating,
      String followUp) {
    jdbc.sql(
            """
        insert into case_file (flow, case_id, case_no, community_code, estate_id,
          property_company_id, category, service_code, status, reported_at, closed_at,
          process_instance_id, rating, follow_up_rating)
        values ('GRIEVANCE', ?, ?, ?, ?, (select property_company_id from estate where id = ?),
          'FACILITY', 'FACILITY', ?, ?, ?, ?, ?, ?)""")
        .params(
            id,
            no(name),
            community,
            estateId,
            estateId,
            status,
            Timestamp.from(reported),
            closed == null ? null : Timestamp.from(closed),
            "pi-" + name,
            rating,
            followUp)
        .update();
  }

  /** The committed deadline's clock starting, as the SLA listener records the plan's task. */
  private void committed(String name, Instant reported, Instant due, long estateId) {
    jdbc.sql(
            """
        insert into sla_ledger (flow, case_id, case_no, community_code, clock, event, level, due_at,
          occurred_at, holder, process_instance_id, estate_id, property_company_id)
        values ('GRIEVANCE', 0, ?, ?, 'GRIEVANCE_COMMITTED', 'STARTED', 0, ?, ?, 'group:test', ?, ?,
          (select property_company_id from estate where id = ?))""")
        .params(
            no(name),
            community,
            Timestamp.from(due),
            Timestamp.from(hours(reported, 1)),
            "pi-" + name,
            estateId,
            estateId)
        .update();
  }

  private void run(
      String name,
      String clock,
      String event,
      int level,
      Instant at,
      long companyId,
      long estateId) {
    jdbc.sql(
            """
        insert into sla_ledger (flow, case_id, case_no, community_code, clock, event, level, due_at,
          occurred_at, holder, actor, process_instance_id, estate_id, property_company_id)
        values ('GRIEVANCE', 0, ?, ?, ?, ?, ?, ?, ?, 'group:test', ?, ?, ?, ?)""")
        .params(
            no(name),
            community,
            clock,
            event,
            level,
            Timestamp.from(hours(JUNE, -100)),
            Timestamp.from(at),
            event.equals("SUPERVISED") ? "committee1" : null,
            "pi-" + name,
            estateId,
            companyId)
        .update();
  }

  private void serviceOrderBreach(String name, int level, Instant at) {
    jdbc.sql(
            """
        insert into sla_ledger (flow, case_id, case_no, community_code, clock, event, level, due_at,
          occurred_at, holder, process_instance_id, estate_id, property_company_id)
        values ('SERVICE_ORDER', 0, ?, ?, 'SERVICE_ORDER_ARRIVE', 'BREACHED', ?, ?, ?, 'user:worker1', ?, ?, ?)""")
        .params(
            no(name),
            community,
            level,
            Timestamp.from(at),
            Timestamp.from(at),
            "pi-" + name,
            e2Id,
            c2Id)
        .update();
  }
}
