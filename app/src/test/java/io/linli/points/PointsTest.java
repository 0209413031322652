package io.linli.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.linli.LinliSpringTest;
import io.linli.TestHttp;
import io.linli.caselog.CaseLog;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

/**
 * Integration tier: the points economy through its API on the real database and engine — earning by
 * each rule (a grievance accepted at triage, volunteer hours), the daily and monthly caps, no
 * points for a case voided as duplicate or spam, wallet tokens, 爱心商铺 redemption codes (a race of 20
 * concurrent redemptions of one code has one winner), spends beyond the balance, 绿能卡 fee offsets in
 * the settlement, the supervision report, validation and the ledger's append-only table. After
 * every test the ledger's balances equal the sums of its entries ({@link LedgerInvariant}).
 */
@LinliSpringTest
class PointsTest {

  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired TaskService tasks;
  @Autowired CaseLog caseLog;
  @Autowired TransactionTemplate tx;
  @Autowired PointsHousekeeping housekeeping;

  RestClient http() {
    return TestHttp.client(port);
  }

  @AfterEach
  void ledgerBalancesEqualTheSumOfEntries() {
    ClockUtil.reset();
    LedgerInvariant.check(jdbc);
  }

  // ---- helpers -------------------------------------------------------------------------------

  static String phone() {
    return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
  }

  static String unique(String prefix) {
    return prefix + Long.toString(System.nanoTime(), 36);
  }

  String report(String phone) {
    ResponseEntity<JsonNode> r =
        http()
            .post()
            .uri("/api/grievances")
            .header("Content-Type", "application/json")
            .body(
                Map.of(
                    "communityCode",
                    "tfsq",
                    "estateCode",
                    "dtsz",
                    "buildingCode",
                    "b3",
                    "category",
                    "FACILITY",
                    "description",
                    "3栋电梯停运两天了，老人上下楼困难",
                    "contactName",
                    "周女士",
                    "contactPhone",
                    phone))
            .retrieve()
            .toEntity(JsonNode.class);
    assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
    return r.getBody().get("caseNo").asText();
  }

  void triage(String caseNo) {
    Task t =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(caseNo)
            .taskDefinitionKey("Task_Triage")
            .singleResult();
    assertThat(t).as("triage task of %s", caseNo).isNotNull();
    tasks.claim(t.getId(), "grid1");
    tasks.complete(t.getId(), Map.of("category", "FACILITY", "tier", "GENERAL", "triageNote", ""));
  }

  String wallet(String caseNo, String phone) {
    ResponseEntity<JsonNode> r =
        http()
            .post()
            .uri("/api/points/wallet")
            .header("Content-Type", "application/json")
            .body(Map.of("caseNo", caseNo, "phone", phone))
            .retrieve()
            .toEntity(JsonNode.class);
    assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
    return r.getBody().get("token").asText();
  }

  JsonNode me(String header, String value) {
    ResponseEntity<JsonNode> r =
        http()
            .get()
            .uri("/api/points/me")
            .header(header, value)
            .retrieve()
            .toEntity(JsonNode.class);
    assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
    return r.getBody();
  }

  int balanceOfWallet(String token) {
    return me(Callers.WALLET, token).get("balance").asInt();
  }

  int balanceOfUser(String user) {
    return me(Callers.USER, user).get("balance").asInt();
  }

  ResponseEntity<JsonNode> post(String uri, String user, Object body) {
    var req = http().post().uri(uri).header("Content-Type", "application/json");
    if (user != null) req = req.header(Callers.USER, user);
    return req.body(body).retrieve().toEntity(JsonNode.class);
  }

  ResponseEntity<JsonNode> get(String uri, String user) {
    var req = http().get().uri(uri);
    if (user != null) req = req.header(Callers.USER, user);
    return req.retrieve().toEntity(JsonNode.class);
  }

  void at(LocalDateTime beijing) {
    ClockUtil.setCurrentTime(Date.from(beijing.atZone(BEIJING).toInstant()));
  }

  /**
   * Publishes an activity running now, signs the user up and records the hours; the points granted.
   */
  int volunteer(String user, String estate, String hours) {
    long id = activity(estate, "垃圾分类督导");
    Map<String, Object> signup =
        new java.util.HashMap<>(
            Map.of(
                "name",
                "志愿者" + user.substring(user.length() - 3),
                "phone",
                phone(),
                "buildingCode",
                "b1",
                "room",
                "301"));
    if (estate != null) signup.put("estateCode", estate);
    ResponseEntity<JsonNode> s = post("/api/points/activities/" + id + "/signups", user, signup);
    assertThat(s.getStatusCode().value()).as(String.valueOf(s.getBody())).isEqualTo(201);
    long signupId = s.getBody().get("signupId").asLong();
    ResponseEntity<JsonNode> r =
        post(
            "/api/points/activities/" + id + "/attendance",
            "grid1",
            Map.of(
                "attendance",
                List.of(Map.of("signupId", signupId, "hours", new java.math.BigDecimal(hours)))));
    assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
    return r.getBody().get(0).get("points").asInt();
  }

  long activity(String estate, String title) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Map<String, Object> body =
        new java.util.HashMap<>(
            Map.of(
                "communityCode",
                "tfsq",
                "title",
                title,
                "description",
                "小区垃圾分类投放点值守",
                "startsAt",
                now.minus(Duration.ofHours(1)).toString(),
                "endsAt",
                now.plus(Duration.ofHours(8)).toString(),
                "capacity",
                20,
                "organiser",
                "grid-worker"));
    if (estate != null) body.put("estateCode", estate);
    ResponseEntity<JsonNode> r = post("/api/points/activities", "grid1", body);
    assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
    return r.getBody().get("id").asLong();
  }

  String shop(String name) {
    String user = unique("shop-");
    ResponseEntity<JsonNode> r =
        post(
            "/api/points/shops",
            "committee1",
            Map.of("communityCode", "tfsq", "name", name, "address", "地铁首座小区南门", "userId", user));
    assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
    return user;
  }

  String code(String walletToken) {
    ResponseEntity<JsonNode> r =
        http()
            .post()
            .uri("/api/points/me/codes")
            .header(Callers.WALLET, walletToken)
            .retrieve()
            .toEntity(JsonNode.class);
    assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
    assertThat(r.getBody().get("qr").asText()).startsWith("data:image/png;base64,");
    return r.getBody().get("code").asText();
  }

  ResponseEntity<JsonNode> redeem(String shopUser, String code, Object amount) {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("code", code);
    body.put("amount", amount);
    return post("/api/points/redemptions", shopUser, body);
  }

  /** A resident with a wallet and {@code cases} grievances accepted (10 points each). */
  record Resident(String phone, String caseNo, String wallet) {}

  Resident residentWithAcceptedCases(int cases) {
    String phone = phone();
    String caseNo = null;
    for (int i = 0; i < cases; i++) {
      caseNo = report(phone);
      triage(caseNo);
    }
    return new Resident(phone, caseNo, wallet(caseNo, phone));
  }

  // ---- earning ---------------------------------------------------------------------------------

  @Test
  @DisplayName("诉求经分流受理后，留下的手机号得10积分；同一手机号再反映再得；居民凭案件编号和手机号查看我的积分")
  void grievanceAcceptedEarnsThePhone() {
    String phone = phone();
    String first = report(phone);
    assertThat(
            jdbc.sql("select count(*) from points_entry where cause like ?")
                .param("case:GRIEVANCE:" + first + ":%")
                .query(Long.class)
                .single())
        .as("nothing before triage")
        .isZero();
    triage(first);
    String token = wallet(first, phone);
    JsonNode me = me(Callers.WALLET, token);
    assertThat(me.get("balance").asInt()).isEqualTo(10);
    assertThat(me.get("history").get(0).get("label").asText()).isEqualTo("反映问题被受理");
    assertThat(me.get("history").get(0).get("note").asText()).contains(first);

    String second = report(" +86 " + phone.substring(0, 3) + " " + phone.substring(3));
    triage(second);
    assertThat(balanceOfWallet(token))
        .as("the same phone, however typed, is one account")
        .isEqualTo(20);

    // the account is keyed by a pseudonym, never the clear phone
    assertThat(
            jdbc.sql("select count(*) from points_account where ref like ?")
                .param("%" + phone.substring(3) + "%")
                .query(Long.class)
                .single())
        .isZero();
    // a wrong phone opens nothing, as if the case did not exist
    ResponseEntity<JsonNode> wrong =
        http()
            .post()
            .uri("/api/points/wallet")
            .header("Content-Type", "application/json")
            .body(Map.of("caseNo", first, "phone", "13900000000"))
            .retrieve()
            .toEntity(JsonNode.class);
    assertThat(wrong.getStatusCode().value()).isEqualTo(404);
  }

  @Test
  @DisplayName("被认定为重复或无效反映的案件不得积分：受理后被认定则收回，先被认定则受理也不得分")
  void voidedCasesEarnNothing() {
    String phone = phone();
    String accepted = report(phone);
    triage(accepted);
    String token = wallet(accepted, phone);
    assertThat(balanceOfWallet(token)).isEqualTo(10);

    tx.executeWithoutResult(
        s ->
            caseLog.record(
                "GRIEVANCE", accepted, TriageRejections.Rejection.REJECTED_SPAM, "网格员", "无效反映"));
    assertThat(balanceOfWallet(token)).as("taken back").isZero();
    assertThat(me(Callers.WALLET, token).get("history").get(0).get("label").asText())
        .isEqualTo("积分收回");

    String duplicate = report(phone);
    tx.executeWithoutResult(
        s ->
            caseLog.record(
                "GRIEVANCE",
                duplicate,
                TriageRejections.Rejection.REJECTED_DUPLICATE,
                "网格员",
                "重复反映"));
    triage(duplicate);
    assertThat(balanceOfWallet(token))
        .as("a voided case earns nothing when accepted later")
        .isZero();
    assertThat(
            http()
                .get()
                .uri("/api/grievances/" + accepted)
                .retrieve()
                .toEntity(JsonNode.class)
                .getStatusCode()
                .value())
        .as("the case's history reads back its rejection")
        .isEqualTo(200);
  }

  @Test
  @DisplayName("志愿服务时长按每小时10积分；每日上限50分、每月上限300分，次月重新计算")
  void volunteerHoursEarnUnderDailyAndMonthlyCaps() {
    String user = unique("volunteer-");
    at(LocalDateTime.of(2031, 5, 10, 10, 0));
    assertThat(volunteer(user, null, "2")).isEqualTo(20);
    assertThat(volunteer(user, null, "4")).as("the daily cap leaves 30").isEqualTo(30);
    assertThat(volunteer(user, null, "1")).as("at the daily cap").isZero();
    assertThat(balanceOfUser(user)).isEqualTo(50);

    for (int day = 11; day <= 15; day++) {
      at(LocalDateTime.of(2031, 5, day, 9, 0));
      assertThat(volunteer(user, null, "8"))
          .as("day %d: 80 points capped at 50", day)
          .isEqualTo(50);
    }
    assertThat(balanceOfUser(user)).isEqualTo(300);
    at(LocalDateTime.of(2031, 5, 16, 9, 0));
    assertThat(volunteer(user, null, "3")).as("the monthly cap of 300 is reached").isZero();
    JsonNode me = me(Callers.USER, user);
    assertThat(me.get("earnedThisMonth").asInt()).isEqualTo(300);
    assertThat(me.get("monthlyCap").asInt()).isEqualTo(300);

    at(LocalDateTime.of(2031, 6, 1, 9, 0));
    assertThat(volunteer(user, null, "1.5")).as("a new month").isEqualTo(15);
    assertThat(balanceOfUser(user)).isEqualTo(315);

    // supervision lists the account at the cap on six days of May
    JsonNode report = get("/api/points/supervision/2031-05", "supervisor1").getBody();
    assertThat(report.get("atCapEveryDay").findValuesAsText("daysAtCap")).contains("6");
    JsonNode tfsq = null;
    for (JsonNode c : report.get("communities"))
      if (c.get("communityCode").asText().equals("tfsq")) tfsq = c;
    assertThat(tfsq.get("issued").asInt()).isGreaterThanOrEqualTo(300);
  }

  // ---- shops and redemption codes
  // ----------------------------------------------------------------

  @Test
  @DisplayName("20个并发兑换同一兑换码：恰好一个成功，其余19个409；积分只扣一次")
  void concurrentRedemptionsOfOneCodeHaveOneWinner() throws Exception {
    Resident r = residentWithAcceptedCases(1);
    String shop = shop("王记粮油店");
    String code = code(r.wallet());
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(20);
    List<Future<Integer>> answers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      answers.add(
          pool.submit(
              () -> {
                go.await();
                return redeem(shop, code, 6).getStatusCode().value();
              }));
    }
    go.countDown();
    AtomicInteger won = new AtomicInteger();
    AtomicInteger conflict = new AtomicInteger();
    for (Future<Integer> f : answers) {
      int status = f.get();
      if (status == 201) won.incrementAndGet();
      else if (status == 409) conflict.incrementAndGet();
    }
    pool.shutdown();
    assertThat(won.get()).isEqualTo(1);
    assertThat(conflict.get()).isEqualTo(19);
    assertThat(balanceOfWallet(r.wallet())).isEqualTo(4);
    ResponseEntity<JsonNode> replay = redeem(shop, code, 1);
    assertThat(replay.getStatusCode().value())
        .as("a used code is never spent again")
        .isEqualTo(409);
    assertThat(replay.getBody().get("title").asText())
        .as("the shop learns what its own redemption got")
        .contains("由本店兑换 6 分");
  }

  @Test
  @DisplayName("超出余额的兑换409并告知余额，兑换码不作废；过期的码409；无效码404；商铺只看到自己的兑换和月度对账单")
  void spendsBeyondTheBalanceExpiryAndStatements() {
    Resident r = residentWithAcceptedCases(2);
    String shopA = shop("李记米面店");
    String shopB = shop("张姐便利店");
    String code = code(r.wallet());

    ResponseEntity<JsonNode> tooMuch = redeem(shopA, code, 25);
    assertThat(tooMuch.getStatusCode().value()).isEqualTo(409);
    assertThat(tooMuch.getBody().get("balance").asInt()).isEqualTo(20);
    assertThat(tooMuch.getBody().get("title").asText()).contains("当前余额 20 分");

    ResponseEntity<JsonNode> ok = redeem(shopA, code, 15);
    assertThat(ok.getStatusCode().value())
        .as("the code was not used by the refused spend")
        .isEqualTo(201);
    assertThat(balanceOfWallet(r.wallet())).isEqualTo(5);
    assertThat(me(Callers.WALLET, r.wallet()).get("history").get(0).get("amount").asInt())
        .isEqualTo(-15);

    // a code expires after linli.points.code-ttl (5 minutes)
    String late = code(r.wallet());
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(6))));
    ResponseEntity<JsonNode> expired = redeem(shopB, late, 1);
    assertThat(expired.getStatusCode().value()).isEqualTo(409);
    assertThat(expired.getBody().get("title").asText()).contains("过期");
    ClockUtil.reset();
    assertThat(redeem(shopB, "0000000000", 1).getStatusCode().value()).isEqualTo(404);
    assertThat(housekeeping.purge(Instant.now().plus(Duration.ofMinutes(6)))).isPositive();
    assertThat(redeem(shopB, late, 1).getStatusCode().value())
        .as("an expired code is forgotten")
        .isEqualTo(404);
    assertThat(redeem(shopA, code, 1).getStatusCode().value())
        .as("a used code is kept: still 409")
        .isEqualTo(409);

    String month = java.time.YearMonth.now(BEIJING).toString();
    JsonNode a = get("/api/points/shop/statements/" + month, shopA).getBody();
    JsonNode b = get("/api/points/shop/statements/" + month, shopB).getBody();
    assertThat(a.get("count").asInt()).isEqualTo(1);
    assertThat(a.get("total").asInt()).isEqualTo(15);
    assertThat(b.get("count").asInt()).as("shop B redeemed nothing and sees nothing of A").isZero();
    assertThat(get("/api/points/shop/statements/" + month, "grid1").getStatusCode().value())
        .as("not a shop")
        .isEqualTo(403);
    assertThat(redeem("resident1", code(r.wallet()), 1).getStatusCode().value())
        .as("only a registered shop redeems")
        .isEqualTo(403);
  }

  @Test
  @DisplayName("金额和兑换码逐项校验并给出字段提示；没有凭证看不到任何人的积分")
  void badInputGetsFieldMessages() {
    String shop = shop("赵家粮油");
    ResponseEntity<JsonNode> bad = redeem(shop, "12ab", 0);
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat(bad.getBody().get("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("code", "amount");
    assertThat(redeem(shop, null, null).getBody().get("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("code", "amount");
    assertThat(
            redeem(shop, "1234567890", 999999).getBody().get("errors").findValuesAsText("message"))
        .containsExactly("兑换积分须为1到2000之间的整数");
    ResponseEntity<JsonNode> text =
        post("/api/points/redemptions", shop, Map.of("code", "1234567890", "amount", "十"));
    assertThat(text.getStatusCode().value()).isEqualTo(400);

    ResponseEntity<JsonNode> wallet = post("/api/points/wallet", null, Map.of("caseNo", ""));
    assertThat(wallet.getStatusCode().value()).isEqualTo(400);
    assertThat(wallet.getBody().get("errors").findValuesAsText("field"))
        .contains("caseNo", "phone");

    assertThat(
            http()
                .get()
                .uri("/api/points/me")
                .retrieve()
                .toEntity(JsonNode.class)
                .getStatusCode()
                .value())
        .isEqualTo(403);
    assertThat(
            http()
                .get()
                .uri("/api/points/me")
                .header(Callers.WALLET, "forged-token")
                .retrieve()
                .toEntity(JsonNode.class)
                .getStatusCode()
                .value())
        .isEqualTo(403);

    ResponseEntity<JsonNode> activity =
        post(
            "/api/points/activities",
            "grid1",
            Map.of(
                "communityCode",
                "tfsq",
                "title",
                "",
                "startsAt",
                "明天",
                "endsAt",
                "2026-01-01T08:00:00+08:00",
                "capacity",
                0));
    assertThat(activity.getStatusCode().value()).isEqualTo(400);
    assertThat(activity.getBody().get("errors").findValuesAsText("field"))
        .contains("title", "startsAt", "capacity");
    long id = activity("dtsz", "交通劝导");
    ResponseEntity<JsonNode> hours =
        post(
            "/api/points/activities/" + id + "/attendance",
            "grid1",
            Map.of("attendance", List.of(Map.of("signupId", 1, "hours", 30))));
    assertThat(hours.getBody().get("errors").findValuesAsText("field"))
        .containsExactly("attendance[0].hours");
    ResponseEntity<JsonNode> shopUser =
        post(
            "/api/points/shops",
            "committee1",
            Map.of("communityCode", "tfsq", "name", "重复商铺", "userId", shop));
    assertThat(shopUser.getStatusCode().value()).as("one user, one shop").isEqualTo(409);
  }

  // ---- volunteer activities and 绿能卡
  // ---------------------------------------------------------------

  @Test
  @DisplayName("志愿活动：居民报名，组织者记录时长；运行绿能卡的小区时长抵扣物业费，进入物业公司月度结算")
  void greenCardOffsetsReachTheSettlement() {
    String user = unique("greencard-");
    at(LocalDateTime.of(2031, 7, 3, 9, 0));
    long dfhy = activity("dfhy", "雨季巡逻");
    String phone = phone();
    ResponseEntity<JsonNode> s =
        post(
            "/api/points/activities/" + dfhy + "/signups",
            user,
            Map.of("name", "孙大姐", "phone", phone, "buildingCode", "b2", "room", "502"));
    assertThat(s.getStatusCode().value()).isEqualTo(201);
    assertThat(
            post(
                    "/api/points/activities/" + dfhy + "/signups",
                    user,
                    Map.of("name", "孙大姐", "phone", phone))
                .getStatusCode()
                .value())
        .as("one sign-up per account")
        .isEqualTo(409);
    long signup = s.getBody().get("signupId").asLong();

    JsonNode list = get("/api/points/activities/" + dfhy + "/signups", "grid1").getBody();
    assertThat(list.get(0).get("name").asText()).isEqualTo("孙大姐");
    assertThat(list.get(0).get("maskedPhone").asText())
        .isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));

    ResponseEntity<JsonNode> rec =
        post(
            "/api/points/activities/" + dfhy + "/attendance",
            "party1",
            Map.of("attendance", List.of(Map.of("signupId", signup, "hours", 3))));
    assertThat(rec.getStatusCode().value()).isEqualTo(200);
    assertThat(rec.getBody().get(0).get("points").asInt()).isEqualTo(30);
    assertThat(rec.getBody().get(0).get("feeOffsetFen").asInt()).isEqualTo(3000);
    assertThat(
            post(
                    "/api/points/activities/" + dfhy + "/attendance",
                    "party1",
                    Map.of("attendance", List.of(Map.of("signupId", signup, "hours", 5))))
                .getStatusCode()
                .value())
        .as("hours are recorded once")
        .isEqualTo(409);
    assertThat(balanceOfUser(user)).isEqualTo(30);

    // 地铁首座 does not run 绿能卡: points only
    at(LocalDateTime.of(2031, 7, 4, 9, 0));
    assertThat(volunteer(user, "dtsz", "2")).isEqualTo(20);

    JsonNode statement = get("/api/points/green-card/tfsq/2031-07", "property1").getBody();
    assertThat(statement.get("count").asInt()).isEqualTo(1);
    assertThat(statement.get("totalFen").asInt()).isEqualTo(3000);
    JsonNode line = statement.get("offsets").get(0);
    assertThat(line.get("estateName").asText()).isEqualTo("东方花苑");
    assertThat(line.get("propertyCompany").isNull()).isFalse();
    assertThat(line.get("room").asText()).isEqualTo("502");
    assertThat(line.get("activity").asText()).isEqualTo("雨季巡逻");
    assertThat(get("/api/points/green-card/tfsq/2031-7", "property1").getStatusCode().value())
        .isEqualTo(400);

    // the fee offsets are append-only as well
    assertThatThrownBy(() -> jdbc.sql("update points_fee_offset set amount_fen = 1").update())
        .hasMessageContaining("append-only");
  }

  @Test
  @DisplayName("督查：一家商铺的兑换远高于本社区其他商铺时列入待核查")
  void supervisionListsAShopFarAboveOthers() {
    at(LocalDateTime.of(2031, 8, 5, 9, 0));
    String busy = shop("刘记粮油批发");
    String quiet1 = shop("社区小超市");
    String quiet2 = shop("老街面馆");
    for (int i = 0; i < 3; i++) {
      String user = unique("shopper-");
      volunteer(user, null, "5");
      // a realm user's own code through the X-Linli-User header of the default profile
      String code =
          http()
              .post()
              .uri("/api/points/me/codes")
              .header(Callers.USER, user)
              .retrieve()
              .toEntity(JsonNode.class)
              .getBody()
              .get("code")
              .asText();
      assertThat(
              redeem(i == 0 ? quiet1 : i == 1 ? quiet2 : busy, code, i < 2 ? 5 : 50)
                  .getStatusCode()
                  .value())
          .isEqualTo(201);
    }
    for (int i = 0; i < 2; i++) {
      String user = unique("shopper-");
      volunteer(user, null, "5");
      String code =
          http()
              .post()
              .uri("/api/points/me/codes")
              .header(Callers.USER, user)
              .retrieve()
              .toEntity(JsonNode.class)
              .getBody()
              .get("code")
              .asText();
      assertThat(redeem(busy, code, 50).getStatusCode().value()).isEqualTo(201);
    }
    JsonNode report = get("/api/points/supervision/2031-08", "supervisor1").getBody();
    assertThat(report.get("shopsFarAbove").findValuesAsText("name")).containsExactly("刘记粮油批发");
    assertThat(report.get("shopsFarAbove").get(0).get("redeemed").asInt()).isEqualTo(150);
    JsonNode tfsq = null;
    for (JsonNode c : report.get("communities"))
      if (c.get("communityCode").asText().equals("tfsq")) tfsq = c;
    assertThat(tfsq.get("issued").asInt()).isEqualTo(250);
    assertThat(tfsq.get("redeemed").asInt()).isEqualTo(160);
  }

  @Test
  @DisplayName("积分分录只能追加：改写或删除被数据库拒绝")
  void theLedgerIsAppendOnly() {
    String user = unique("appendonly-");
    volunteer(user, null, "1");
    assertThatThrownBy(() -> jdbc.sql("update points_entry set amount = 1000").update())
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.sql("delete from points_entry").update())
        .hasMessageContaining("append-only");
    assertThat(balanceOfUser(user)).isEqualTo(10);
  }
}
