package io.linli.serviceorder;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linli.LinliSpringTest;
import io.linli.TestHttp;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
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
 * Integration tier (real PostgreSQL): monthly settlement over orders driven through the whole flow,
 * read back over HTTP as JSON and CSV. Expected figures are worked out here — by hand for a small
 * month, and for a generated month from the generated amounts and the catalogue's rates — never by
 * calling the code under test. Each month is years back, so other tests' orders (made "now") do not
 * fall into it.
 */
@LinliSpringTest
class ServiceOrderSettlementTest {

  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  @LocalServerPort int port;
  @Autowired ServiceOrderScenario scenario;
  @Autowired JdbcClient jdbc;
  @Autowired IdentityService identity;

  RestClient http;

  @BeforeEach
  void client() {
    http = TestHttp.client(port);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  @DisplayName("手工核对的月份（2024年6月）：明细、小计、合计与手算一致；月外、未接受报价、未确认的单不计入")
  void handCheckedMonth() {
    // contractor1: 家庭日常保洁 ¥35.00 at 8% → fee 2.80, net 32.20
    //              冰箱维修 ¥123.45 at 10% → 12.345 → fee 12.35 (half up), net 111.10
    // worker1:     免费手机贴膜 ¥0 → 0;  烟雾报警器安装 ¥80.00 at 5% → fee 4.00, net 76.00
    // contractor1 158.45 / 15.15 / 143.30; worker1 80.00 / 4.00 / 76.00; total 238.45 / 19.15 /
    // 219.30
    scenario.smallJobPaidAt(
        "CLEANING-01", "contractor1", "35", 3500, beijing("2024-06-01T00:00:00"));
    scenario.smallJobPaidAt(
        "APPLIANCE-02", "contractor1", "123.45", 12345, beijing("2024-06-12T15:20:00"));
    scenario.smallJobPaidAt("VOLUNTEER-02", "worker1", "0", 0, beijing("2024-06-20T10:00:00"));
    scenario.smallJobPaidAt(
        "HOUSE_SAFETY-04", "worker1", "90", 8000, beijing("2024-06-30T23:59:59"));
    // not June: confirmed at midnight into July, and on the last second of May
    scenario.smallJobPaidAt(
        "CLEANING-01", "contractor1", "35", 3500, beijing("2024-07-01T00:00:00"));
    scenario.smallJobPaidAt(
        "CLEANING-01", "contractor1", "35", 3500, beijing("2024-05-31T23:59:59"));
    // not settled: declined, and done but not yet confirmed by the resident
    scenario.at(beijing("2024-06-15T09:00:00"));
    ServiceOrderScenario.Order declined = upToQuote("PLUMBING-01", "contractor1", "50");
    scenario.decide(declined, false, "太贵");
    ServiceOrderScenario.Order unconfirmed = upToQuote("PLUMBING-01", "worker1", "50");
    scenario.decide(unconfirmed, true, null);
    scenario.fixSmall(unconfirmed);
    ClockUtil.reset();

    JsonNode s = json("2024-06");
    assertThat(s.get("closed").asBoolean()).isTrue();
    assertThat(s.get("orderCount").asInt()).isEqualTo(4);
    assertThat(s.get("paidFen").asLong()).isEqualTo(23845);
    assertThat(s.get("feeFen").asLong()).isEqualTo(1915);
    assertThat(s.get("netFen").asLong()).isEqualTo(21930);
    assertThat(s.get("workers"))
        .extracting(
            w ->
                w.get("workerId").asText()
                    + " "
                    + w.get("orderCount")
                    + " "
                    + w.get("paidFen")
                    + " "
                    + w.get("feeFen")
                    + " "
                    + w.get("netFen"))
        .containsExactly("contractor1 2 15845 1515 14330", "worker1 2 8000 400 7600");
    assertThat(s.get("workers").get(0).get("orders"))
        .extracting(l -> l.get("feeFen").asLong())
        .containsExactly(280L, 1235L);

    List<String[]> csv = csv("2024-06");
    assertThat(Arrays.asList(csv.get(0)))
        .containsExactly(
            "类型", "接单人", "姓名", "服务单号", "服务项目", "完工确认时间", "实收金额（元）", "管理费率", "管理费（元）", "应付净额（元）");
    assertThat(csv)
        .filteredOn(r -> r[0].equals("明细"))
        .extracting(r -> r[4] + " " + r[6] + " " + r[7] + " " + r[8] + " " + r[9])
        .containsExactly(
            "家庭日常保洁 35.00 8% 2.80 32.20",
            "冰箱维修 123.45 10% 12.35 111.10",
            "免费手机贴膜 0.00 5% 0.00 0.00",
            "烟雾报警器安装 80.00 5% 4.00 76.00");
    assertThat(csv)
        .filteredOn(r -> r[0].equals("小计"))
        .extracting(r -> r[1] + " " + r[3] + " " + r[6] + " " + r[8] + " " + r[9])
        .containsExactly("contractor1 2单 158.45 15.15 143.30", "worker1 2单 80.00 4.00 76.00");
    String[] total = csv.get(csv.size() - 1);
    assertThat(total[0]).isEqualTo("合计");
    assertThat(total[2]).isEqualTo("天府社区 2024-06");
    assertThat(List.of(total[3], total[6], total[8], total[9]))
        .containsExactly("4单", "238.45", "19.15", "219.30");
    assertThat(csv)
        .filteredOn(r -> r[0].equals("明细"))
        .extracting(r -> r[5])
        .as("Beijing time")
        .contains("2024年6月1日 00:00", "2024年6月30日 23:59");
  }

  @Test
  @DisplayName("生成的一个月（2024年2月，48单）：按师傅汇总与独立计算一致；重算和改价后重算结果不变")
  void generatedMonth() {
    String worker3 = "so-settle-worker3";
    if (identity.createUserQuery().userId(worker3).count() == 0) {
      User u = identity.newUser(worker3);
      u.setFirstName("孙师傅");
      identity.saveUser(u);
      identity.createMembership(worker3, "tfsq-contractor");
    }
    String ownItem =
        post(
                "/api/service-catalogue/items",
                Map.of(
                    "categoryCode",
                    "CLEANING",
                    "name",
                    "结算测试保洁项目",
                    "pricing",
                    "LOW_FEE",
                    "referencePriceFen",
                    3333,
                    "unit",
                    "次",
                    "feeRate",
                    "0.075",
                    "changedBy",
                    "property1"))
            .get("code")
            .asText();
    List<String> items =
        List.of(
            "CLEANING-01",
            "SANITATION-02",
            "PLUMBING-06",
            "LOCKSMITH-03",
            "APPLIANCE-01",
            "AIR_CONDITIONING-01",
            "MOVING-01",
            "HOUSE_SAFETY-03",
            "VOLUNTEER-01",
            "ELDERLY-04",
            ownItem);
    List<String> workers = List.of("contractor1", "worker1", worker3);
    Map<String, BigDecimal> rate = new HashMap<>();
    Map<String, Long> reference = new HashMap<>();
    for (String code : items) {
      rate.put(
          code,
          jdbc.sql("select fee_rate from service_item where code = ?")
              .param(code)
              .query(BigDecimal.class)
              .single());
      reference.put(
          code,
          jdbc.sql("select reference_price_fen from service_item where code = ?")
              .param(code)
              .query(Long.class)
              .single());
    }

    // 48 orders confirmed in February 2024 (a leap month), first and last second included
    Random random = new Random(20240229L);
    List<Instant> times = new ArrayList<>();
    times.add(beijing("2024-02-01T00:00:00"));
    times.add(beijing("2024-02-29T23:59:59"));
    for (int i = 0; i < 46; i++) {
      times.add(
          beijing("2024-02-01T08:00:00")
              .plus(Duration.ofMinutes(random.nextInt(29 * 24 * 60 - 12 * 60))));
    }
    times.sort(null);
    Map<String, long[]> expected = new TreeMap<>(); // worker → count, paid, fee
    Map<String, Long> expectedFee = new HashMap<>(); // order → fee
    for (Instant at : times) {
      String item = items.get(random.nextInt(items.size()));
      String worker = workers.get(random.nextInt(workers.size()));
      long quote = reference.get(item) == 0 ? 0 : reference.get(item) + 50L * random.nextInt(40);
      long paid = quote - (random.nextBoolean() ? 0 : Math.min(quote, 10L * random.nextInt(100)));
      String orderNo = scenario.smallJobPaidAt(item, worker, yuan(quote), paid, at).orderNo();
      long fee =
          new BigDecimal(paid)
              .multiply(rate.get(item))
              .setScale(0, RoundingMode.HALF_UP)
              .longValue();
      long[] w = expected.computeIfAbsent(worker, k -> new long[3]);
      w[0]++;
      w[1] += paid;
      w[2] += fee;
      expectedFee.put(orderNo, fee);
    }
    // outside February or never settled
    scenario.smallJobPaidAt("CLEANING-01", "worker1", "30", 3000, beijing("2024-01-31T23:59:59"));
    scenario.smallJobPaidAt("CLEANING-01", "worker1", "30", 3000, beijing("2024-03-01T00:00:00"));
    scenario.at(beijing("2024-02-10T10:00:00"));
    scenario.decide(upToQuote("MOVING-01", "contractor1", "100"), false, "不需要了");
    ClockUtil.reset();

    String first = raw("2024-02");
    JsonNode s = json("2024-02");
    long count = expected.values().stream().mapToLong(w -> w[0]).sum();
    long paid = expected.values().stream().mapToLong(w -> w[1]).sum();
    long fee = expected.values().stream().mapToLong(w -> w[2]).sum();
    assertThat(count).isEqualTo(48);
    assertThat(s.get("orderCount").asLong()).isEqualTo(count);
    assertThat(s.get("paidFen").asLong()).isEqualTo(paid);
    assertThat(s.get("feeFen").asLong()).isEqualTo(fee);
    assertThat(s.get("netFen").asLong()).isEqualTo(paid - fee);
    Map<String, long[]> actual = new TreeMap<>();
    s.get("workers")
        .forEach(
            w ->
                actual.put(
                    w.get("workerId").asText(),
                    new long[] {
                      w.get("orderCount").asLong(),
                      w.get("paidFen").asLong(),
                      w.get("feeFen").asLong()
                    }));
    assertThat(actual).usingRecursiveComparison().isEqualTo(expected);
    s.get("workers")
        .forEach(
            w ->
                w.get("orders")
                    .forEach(
                        l ->
                            assertThat(l.get("feeFen").asLong())
                                .as(l.get("orderNo").asText())
                                .isEqualTo(expectedFee.get(l.get("orderNo").asText()))));

    List<String[]> csv = csv("2024-02");
    assertThat(csv).filteredOn(r -> r[0].equals("明细")).hasSize(48);
    String[] total = csv.get(csv.size() - 1);
    assertThat(List.of(total[0], total[3], total[6], total[8], total[9]))
        .containsExactly("合计", "48单", yuan(paid), yuan(fee), yuan(paid - fee));

    // the same month again, then after the centre changed the item's price and rate
    assertThat(raw("2024-02")).isEqualTo(first);
    put(
        "/api/service-catalogue/items/" + ownItem,
        Map.of(
            "categoryCode",
            "CLEANING",
            "name",
            "结算测试保洁项目",
            "pricing",
            "LOW_FEE",
            "referencePriceFen",
            4000,
            "unit",
            "次",
            "feeRate",
            "0.1",
            "changedBy",
            "property1"));
    assertThat(raw("2024-02")).as("orders keep the rate they were placed with").isEqualTo(first);
  }

  private ServiceOrderScenario.Order upToQuote(String item, String worker, String quoteYuan) {
    ServiceOrderScenario.Order o = scenario.order(item);
    scenario.dispatchTo(o, worker);
    scenario.accept(o, worker);
    scenario.checkIn(o);
    scenario.assessSmall(o, quoteYuan);
    return o;
  }

  private static Instant beijing(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(BEIJING).toInstant();
  }

  /** Fen as yuan text, worked out without the code under test. */
  private static String yuan(long fen) {
    return String.format("%d.%02d", fen / 100, fen % 100);
  }

  private String raw(String month) {
    var r =
        http.get().uri("/api/service-settlements/tfsq/" + month).retrieve().toEntity(String.class);
    assertThat(r.getStatusCode().value()).isEqualTo(200);
    return r.getBody();
  }

  private JsonNode json(String month) {
    var r =
        http.get()
            .uri("/api/service-settlements/tfsq/" + month)
            .retrieve()
            .toEntity(JsonNode.class);
    assertThat(r.getStatusCode().value()).isEqualTo(200);
    return r.getBody();
  }

  private List<String[]> csv(String month) {
    var r =
        http.get()
            .uri("/api/service-settlements/tfsq/" + month + ".csv")
            .retrieve()
            .toEntity(byte[].class);
    assertThat(r.getStatusCode().value()).isEqualTo(200);
    assertThat(
            r.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv")))
        .isTrue();
    assertThat(r.getHeaders().getContentDisposition().getFilename())
        .isEqualTo("settlement-tfsq-" + month + ".csv");
    String text = new String(r.getBody(), StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF");
    List<String[]> rows = new ArrayList<>();
    for (String line : text.substring(1).split("\r\n")) {
      rows.add(line.split(",", -1)); // no cell of these months holds a comma or a quote
    }
    return rows;
  }

  private JsonNode post(String path, Map<String, ?> body) {
    var r =
        http.post()
            .uri(path)
            .contentType(MediaType.APPLICATION_JSON)
            .body(body)
            .retrieve()
            .toEntity(JsonNode.class);
    assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
    return r.getBody();
  }

  private void put(String path, Map<String, ?> body) {
    var r =
        http.put()
            .uri(path)
            .contentType(MediaType.APPLICATION_JSON)
            .body(body)
            .retrieve()
            .toEntity(JsonNode.class);
    assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
  }
}
