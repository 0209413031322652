package io.linli.points;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linli.LinliSpringTest;
import io.linli.TestHttp;
import io.linli.system.Browser;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * End-to-end tier: the resident page 我的积分 in headless Chromium (Debian's {@code chromium} and
 * {@code chromedriver}, Selenium) against the running app — the resident opens their points with a
 * case number and the phone, sees the balance and the history, the community's volunteer activities
 * and 爱心商铺, signs up for an activity, shows a one-time redemption code (digits and QR code) that a
 * shop then redeems, and sees the new balance. Screenshots go to {@code target/screenshots};
 * without Chromium the test is skipped and says so. The ledger's balances equal the sums of its
 * entries after.
 */
@LinliSpringTest
class PointsPageBrowserTest {

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired JdbcClient jdbc;

  WebDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void startBrowser() {
    browser = Browser.start(414, 1400);
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  @AfterEach
  void stopBrowserAndCheckLedger() {
    if (browser != null) browser.quit();
    LedgerInvariant.check(jdbc);
  }

  RestClient http() {
    return TestHttp.client(port);
  }

  WebElement el(String id) {
    return browser.findElement(By.id(id));
  }

  ResponseEntity<JsonNode> post(String uri, String user, Object body) {
    return http()
        .post()
        .uri(uri)
        .header("Content-Type", "application/json")
        .header(Callers.USER, user)
        .body(body)
        .retrieve()
        .toEntity(JsonNode.class);
  }

  @Test
  @DisplayName("我的积分：凭案件编号和手机号查看余额和明细，报名志愿活动，出示兑换码由爱心商铺兑换后余额减少")
  void myPoints() throws Exception {
    // given: a resident whose grievance was accepted at triage (10 points), an activity and a shop
    String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    ResponseEntity<JsonNode> g =
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
                    "ENVIRONMENT",
                    "description",
                    "垃圾桶满溢无人清运",
                    "contactPhone",
                    phone))
            .retrieve()
            .toEntity(JsonNode.class);
    String caseNo = g.getBody().get("caseNo").asText();
    Task triage =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(caseNo)
            .taskDefinitionKey("Task_Triage")
            .singleResult();
    tasks.claim(triage.getId(), "grid1");
    tasks.complete(
        triage.getId(), Map.of("category", "ENVIRONMENT", "tier", "GENERAL", "triageNote", ""));
    String title = "垃圾分类督导 " + Long.toString(System.nanoTime(), 36);
    Instant now = Instant.now();
    assertThat(
            post(
                    "/api/points/activities",
                    "grid1",
                    Map.of(
                        "communityCode",
                        "tfsq",
                        "estateCode",
                        "dtsz",
                        "title",
                        title,
                        "startsAt",
                        now.plus(Duration.ofDays(1)).toString(),
                        "endsAt",
                        now.plus(Duration.ofDays(1)).plus(Duration.ofHours(3)).toString(),
                        "capacity",
                        10))
                .getStatusCode()
                .value())
        .isEqualTo(201);
    String shopUser = "shop-" + Long.toString(System.nanoTime(), 36);
    String shopName = "爱心粮油店 " + shopUser.substring(5);
    assertThat(
            post(
                    "/api/points/shops",
                    "committee1",
                    Map.of(
                        "communityCode",
                        "tfsq",
                        "name",
                        shopName,
                        "address",
                        "地铁首座小区北门",
                        "userId",
                        shopUser))
                .getStatusCode()
                .value())
        .isEqualTo(201);

    // when: the resident opens 我的积分 from the resident page and proves the phone with the case
    browser.get("http://localhost:" + port + "/resident/");
    wait.until(ExpectedConditions.elementToBeClickable(By.id("points-link"))).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-case"))).sendKeys(caseNo);
    el("login-phone").sendKeys(phone);
    el("login-submit").click();

    // then: balance, history, activities, shops
    wait.until(ExpectedConditions.textToBe(By.id("balance"), "10"));
    assertThat(el("history").getText()).contains("反映问题被受理").contains(caseNo).contains("+10");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("activities"), title));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("shops"), shopName));
    assertThat(el("daily-cap").getText()).isEqualTo("50");
    Browser.screenshot(browser, "points-balance");

    // sign up for the activity
    WebElement activity =
        browser.findElements(By.cssSelector("#activities li")).stream()
            .filter(e -> e.getText().contains(title))
            .findFirst()
            .orElseThrow();
    activity.findElement(By.cssSelector("button.join")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signup-name"))).sendKeys("周阿姨");
    el("signup-phone").sendKeys(phone);
    el("signup-room").sendKeys("302");
    el("signup-submit").click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("signup-done"), "已报名"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("activities"), "已报名 1/10"));

    // a one-time redemption code, as digits and QR code
    el("new-code").click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("code")));
    String shown = el("code").getText();
    assertThat(shown).matches("\\d{5} \\d{5}");
    assertThat(el("code-qr").getAttribute("src")).startsWith("data:image/png;base64,");
    assertThat(el("code-left").getText()).contains("分");
    Browser.screenshot(browser, "points-code");

    // the shop types the code as shown; the resident's page shows the new balance
    ResponseEntity<JsonNode> redeemed =
        post("/api/points/redemptions", shopUser, Map.of("code", shown, "amount", 4));
    assertThat(redeemed.getStatusCode().value())
        .as(String.valueOf(redeemed.getBody()))
        .isEqualTo(201);
    browser.navigate().refresh();
    wait.until(ExpectedConditions.textToBe(By.id("balance"), "6"));
    assertThat(el("history").getText()).contains("爱心商铺兑换").contains("-4").contains(shopName);
    Browser.screenshot(browser, "points-after-redemption");
  }
}
