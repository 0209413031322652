package io.linli.resident;

import static org.assertj.core.api.Assertions.assertThat;

import io.linli.LinliSpringTest;
import io.linli.system.Browser;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.imageio.ImageIO;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * End-to-end tier: the resident page in headless Chromium (Debian's {@code chromium} and its {@code
 * chromedriver}, driven by Selenium) against the running app — report a grievance from a QR-style
 * link with the location prefilled, see the case number, track it, see the status change live
 * (server-sent events) as staff complete triage, response and resolution through the engine, rate
 * it; with a photo. Screenshots go to {@code target/screenshots}. Without Chromium the test is
 * skipped and says so ({@code .ci/run} installs it).
 */
@LinliSpringTest
class ResidentPageBrowserTest {

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired JdbcClient jdbc;

  WebDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void startBrowser() {
    browser = Browser.start(414, 1000);
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) browser.quit();
  }

  void shot(String name) throws Exception {
    Browser.screenshot(browser, name);
  }

  WebElement el(String id) {
    return browser.findElement(By.id(id));
  }

  void waitForStatus(String label) {
    wait.until(ExpectedConditions.textToBe(By.id("status-label"), label));
  }

  void complete(String caseNo, String taskKey, String user, Map<String, Object> form) {
    Task t =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(caseNo)
            .taskDefinitionKey(taskKey)
            .singleResult();
    assertThat(t).as(taskKey).isNotNull();
    tasks.claim(t.getId(), user);
    tasks.complete(t.getId(), form);
  }

  @Test
  @DisplayName("居民页面默认打开天府社区（最先设立的社区），链接指定社区时打开该社区")
  void opensOnTheFirstCommunityUnlessTheLinkNamesOne() {
    // (each link differs from the one before in its query, so each is a fresh page load)
    for (String[] link :
        new String[][] {
          {"", "tfsq"},
          {"?community=nope", "tfsq"},
          {"?community=jdsq", "jdsq"},
          {"#community=jdsq", "jdsq"}
        }) {
      browser.get("http://localhost:" + port + "/resident/" + link[0]);
      wait.until(d -> new Select(el("category")).getOptions().size() > 1);
      for (String chooser : new String[] {"community", "so-community", "yi-community"}) {
        assertThat(new Select(el(chooser)).getFirstSelectedOption().getAttribute("value"))
            .as("%s of /resident/%s", chooser, link[0])
            .isEqualTo(link[1]);
      }
    }
  }

  @Test
  @DisplayName("居民页面：扫码上报、得到案件编号、实时看到状态变化、评价")
  void reportTrackAndRateInTheBrowser() throws Exception {
    // given: a QR-style link for 地铁首座小区 3栋
    browser.get(
        "http://localhost:" + port + "/resident/?community=tfsq&estate=dtsz&building=b3&qr=1");
    wait.until(d -> new Select(el("category")).getOptions().size() > 1);
    assertThat(new Select(el("estate")).getFirstSelectedOption().getAttribute("value"))
        .isEqualTo("dtsz");
    assertThat(new Select(el("building")).getFirstSelectedOption().getAttribute("value"))
        .isEqualTo("b3");

    // when: the resident reports
    new Select(el("category")).selectByValue("FACILITY");
    el("description").sendKeys("3栋电梯停运两天了，老人上下楼困难 𠀀😀");
    el("contactName").sendKeys("周女士");
    el("contactPhone").sendKeys("138 0000 5678");
    Path photo = Files.createTempFile("elevator", ".jpg");
    BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.GRAY);
    g.fillRect(0, 0, 320, 240);
    g.setColor(Color.RED);
    g.fillRect(100, 60, 120, 120);
    g.dispose();
    ImageIO.write(img, "jpeg", photo.toFile());
    el("photos").sendKeys(photo.toAbsolutePath().toString());
    shot("01-report-form");
    el("submit-report").click();

    // then: the case number
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt")));
    String caseNo = el("receipt-case-no").getText();
    assertThat(caseNo).matches("GR-\\d{4}-\\d{6}");
    wait.until(ExpectedConditions.textToBe(By.id("receipt-photos"), "已上传照片 1 张"));
    assertThat(
            jdbc.sql("select description from grievance_case where case_no = ?")
                .param(caseNo)
                .query(String.class)
                .single())
        .isEqualTo("3栋电梯停运两天了，老人上下楼困难 𠀀😀");
    shot("02-case-number");

    el("receipt-track").click();
    waitForStatus("待分流");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#status-photos img")));
    wait.until(ExpectedConditions.attributeContains(By.id("live"), "class", "on"));
    assertThat(browser.findElements(By.cssSelector("#deadlines .countdown"))).isNotEmpty();
    String before = browser.findElement(By.cssSelector("#deadlines .countdown")).getText();
    wait.until(
        d -> !d.findElement(By.cssSelector("#deadlines .countdown")).getText().equals(before));
    shot("03-tracking");

    // when: staff triage through the engine; the page follows by server-sent events
    complete(
        caseNo,
        "Task_Triage",
        "grid1",
        Map.of("category", "FACILITY", "tier", "MEDIUM", "triageNote", "电梯故障"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("history"), "已分流定级"));
    wait.until(d -> !el("status-label").getText().equals("待分流"));
    assertThat(el("status-tier").getText()).contains("中等问题");
    assertThat(el("history").getText()).contains("已分流定级").contains("网格员").doesNotContain("grid1");
    shot("04-triaged-live");

    complete(
        caseNo,
        "Task_Respond",
        "property1",
        Map.of("responseNote", "已联系维保单位", "feedbackMethod", "PHONE"));
    complete(caseNo, "Task_Resolve", "property1", Map.of("handlingResult", "电梯已修复"));
    waitForStatus("待评价");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rate")));
    shot("05-asked-to-rate");

    // when: the resident rates
    browser.findElement(By.cssSelector("input[name=rating][value=SATISFIED]")).click();
    el("rating-comment").sendKeys("修得很快，谢谢");
    el("submit-rating").click();

    // then
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rated")));
    waitForStatus("待回访");
    assertThat(
            jdbc.sql("select rating from grievance_case where case_no = ?")
                .param(caseNo)
                .query(String.class)
                .single())
        .isEqualTo("SATISFIED");
    shot("06-rated");
  }

  @Test
  @DisplayName("居民页面：预约服务、确认报价、确认完工、评价；提出议题并用另一个号码附议")
  void orderAServiceAndProposeATopicInTheBrowser() throws Exception {
    browser.get("http://localhost:" + port + "/resident/?community=tfsq&estate=dtsz&building=b5");
    el("tab-order").click();
    wait.until(d -> new Select(el("so-item")).getOptions().size() > 1);
    new Select(el("so-item")).selectByValue("APPLIANCE-01");
    assertThat(el("so-item-info").getText()).contains("参考价");
    assertThat(new Select(el("so-building")).getFirstSelectedOption().getAttribute("value"))
        .isEqualTo("b5");
    el("so-description").sendKeys("5栋1203洗衣机不脱水");
    el("so-contactPhone").sendKeys("13800007890");
    shot("11-order-form");
    el("submit-order").click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("order-receipt")));
    String orderNo = el("order-receipt-no").getText();
    assertThat(orderNo).matches("SO-\\d{4}-\\d{6}");

    el("order-track").click();
    waitForStatus("待派单");
    wait.until(ExpectedConditions.attributeContains(By.id("live"), "class", "on"));

    complete(
        orderNo,
        "Task_Dispatch",
        "property1",
        Map.of("dispatchMode", "TEAM", "dispatchTeam", "repair", "dispatchNote", ""));
    complete(orderNo, "Task_Accept", "contractor1", Map.of("acceptNote", "马上到"));
    var checkIn =
        io.linli.TestHttp.client(port)
            .post()
            .uri("/api/service-orders/" + orderNo + "/check-in")
            .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
            .body(Map.of("workerId", "contractor1"))
            .retrieve()
            .toBodilessEntity();
    assertThat(checkIn.getStatusCode().value()).isEqualTo(200);
    complete(
        orderNo,
        "Task_Assess",
        "contractor1",
        Map.of("jobSize", "SMALL", "quoteYuan", "35.5", "assessmentNote", "排水泵堵塞"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("quote")));
    assertThat(el("quote-text").getText()).contains("35.50");
    shot("12-order-quote");

    el("accept-quote").click();
    waitForStatus("服务中");
    complete(orderNo, "Task_FixSmall", "contractor1", Map.of("workResult", "已清理排水泵"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm")));
    assertThat(el("paid-yuan").getAttribute("value")).isEqualTo("35.50");
    el("confirm-done").click();
    waitForStatus("待您评价");
    assertThat(
            jdbc.sql("select paid_fen from service_order where order_no = ?")
                .param(orderNo)
                .query(Long.class)
                .single())
        .isEqualTo(3550L);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rate")));
    browser.findElement(By.cssSelector("input[name=rating][value=SATISFIED]")).click();
    el("submit-rating").click();
    waitForStatus("待回访");
    assertThat(
            jdbc.sql("select rating from service_order where order_no = ?")
                .param(orderNo)
                .query(String.class)
                .single())
        .isEqualTo("SATISFIED");
    assertThat(el("history").getText())
        .contains("已派单")
        .contains("接单机构")
        .doesNotContain("contractor1");
    shot("13-order-confirmed");

    // 议事协商: propose, then support from a second phone
    el("tab-topics").click();
    el("yi-phone").sendKeys("13800007891");
    new Select(el("yi-category")).selectByValue("PUBLIC_FACILITY");
    el("yi-title").sendKeys("南门增设电动自行车充电桩");
    el("yi-description").sendKeys("楼道飞线充电有火灾隐患");
    el("submit-propose").click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("propose-receipt")));
    String topicNo = el("propose-receipt-no").getText();
    assertThat(topicNo).matches("YS-\\d{4}-\\d{6}");
    By support = By.cssSelector("button.support[data-topic='" + topicNo + "']");
    wait.until(ExpectedConditions.visibilityOfElementLocated(support));
    el("yi-phone").clear();
    el("yi-phone").sendKeys("13800007892");
    browser.findElement(support).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(support, "已附议（2 人）"));
    shot("14-topic-supported");

    el("propose-track").click();
    waitForStatus("征集中");
    assertThat(el("deadlines").getText()).contains("附议征集截止");
    shot("15-topic-tracked");
  }
}
