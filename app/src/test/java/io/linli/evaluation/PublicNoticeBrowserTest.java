package io.linli.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linli.LinliSpringTest;
import io.linli.TestHttp;
import io.linli.system.Browser;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

/**
 * End-to-end tier: the resident page's 公示 tab in headless Chromium, without an account — the 红黑榜 of
 * the quarter, 物业定星·小区定级 with their basis, the published evaluation results and the quarter's 双晒
 * (report links, and 收支 only once 社区党委 approved them), all read from the public 公示 API
 * (/api/public-notice, no account in any profile), and the report's page and PDF (its text read
 * back with PDFBox). The data is made through the API and the engine first: a 2026 evaluation of
 * 地铁首座 scored by all 33 representatives, a rating run, and an approved 收支 of 五间安置小区 for 2026-Q2.
 */
@LinliSpringTest
class PublicNoticeBrowserTest {

  @LocalServerPort int port;
  @Autowired TaskService tasks;

  WebDriver browser;
  RestClient http;

  @BeforeEach
  void start() {
    browser = Browser.start(414, 1400);
    http = TestHttp.client(port);
  }

  @AfterEach
  void stop() {
    if (browser != null) browser.quit();
  }

  @Test
  @DisplayName("居民页面公示：红黑榜、物业星级和小区等级及依据、年度考评结果、双晒季报与审核后的收支")
  void residentsSeeTheNotices() throws Exception {
    // given: a published evaluation, ratings, an approved 收支
    var opened =
        http.post()
            .uri("/api/evaluations")
            .header("X-Linli-User", "committee1")
            .body(Map.of("communityCode", "tfsq", "estateCode", "dtsz", "year", 2026))
            .retrieve()
            .body(JsonNode.class);
    String no = opened.get("evaluationNo").asText();
    for (Task t :
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(no)
            .taskDefinitionKey("Task_Score")
            .list()) {
      Map<String, Object> v = new HashMap<>();
      for (int n = 1; n <= 12; n++) v.put(String.format("score%02d", n), "4");
      tasks.complete(t.getId(), v);
    }
    assertThat(
            http.post()
                .uri("/api/ratings/runs")
                .header("X-Linli-User", "supervisor1")
                .body(Map.of("year", 2026))
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value())
        .isEqualTo(200);
    var entry =
        http.post()
            .uri("/api/estate-finance")
            .header("X-Linli-User", "property1")
            .body(
                Map.of(
                    "communityCode",
                    "tfsq",
                    "estateCode",
                    "wjaz",
                    "quarter",
                    "2026-Q2",
                    "fees",
                    List.of(
                        Map.of(
                            "month",
                            "2026-04",
                            "householdsBilled",
                            260,
                            "householdsPaid",
                            221,
                            "billedFen",
                            780_000,
                            "collectedFen",
                            663_000)),
                    "expenses",
                    List.of(
                        Map.of("month", "2026-04", "category", "CLEANING", "amountFen", 99_450))))
            .retrieve()
            .body(JsonNode.class);
    String entryNo = entry.get("entryNo").asText();

    // the page before approval: no 收支 for 五间安置小区
    browser.get("http://localhost:" + port + "/resident/?community=tfsq&quarter=2026-Q2#notice");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    wait.until(
        d -> "tfsq/2026-Q2".equals(d.findElement(By.id("notice")).getAttribute("data-loaded")));
    assertThat(text("[data-estate=wjaz]")).contains("尚未经审核公布");

    http.post()
        .uri("/api/estate-finance/" + entryNo + "/decision")
        .header("X-Linli-User", "committee1")
        .body(Map.of("approved", true))
        .retrieve()
        .toBodilessEntity();
    browser.navigate().refresh();
    wait.until(
        d -> "tfsq/2026-Q2".equals(d.findElement(By.id("notice")).getAttribute("data-loaded")));
    Browser.screenshot(browser, "notice-01");

    // 红黑榜 of the quarter, with its rule
    assertThat(browser.findElement(By.id("gs-ranking")).getText())
        .contains("红榜：按时办结率不低于 95%")
        .doesNotContain("暂未向公众开放");
    // ratings with their basis
    String company = text(".rating-COMPANY[data-name='蓉城物业服务有限公司']");
    assertThat(company).containsPattern("[1-5]星");
    browser.findElement(By.cssSelector(".rating-COMPANY[data-name='蓉城物业服务有限公司'] summary")).click();
    assertThat(text(".rating-COMPANY[data-name='蓉城物业服务有限公司']")).contains("年度综合考评：4.00分", "权重 30");
    assertThat(text(".rating-ESTATE[data-name='地铁首座小区']")).containsPattern("[A-D]级");
    // 服务之星 of the quarter's year, with its rule
    assertThat(browser.findElement(By.id("gs-stars")).getText()).contains("1. 何经理", "服务之星：");
    // the evaluation result
    assertThat(browser.findElement(By.id("gs-evaluations")).getText())
        .contains("地铁首座小区 · 蓉城物业服务有限公司", "33/33名楼栋代表评分", "综合得分 4.00", "公共秩序维护");
    // 双晒: report links, the approved 收支
    assertThat(text("[data-estate=wjaz]")).contains(entryNo, "实收 6630.00 元", "保洁 994.50");
    String pdf =
        browser
            .findElement(By.cssSelector("[data-estate=wjaz] a[href$='.pdf']"))
            .getAttribute("href");
    assertThat(pdf).endsWith("/api/public-notice/reports/wjaz/2026-Q2.pdf");
    var report =
        http.get()
            .uri(pdf.replace("http://localhost:" + port, ""))
            .retrieve()
            .toEntity(byte[].class);
    assertThat(report.getStatusCode().value()).isEqualTo(200);
    try (var doc = org.apache.pdfbox.Loader.loadPDF(report.getBody())) {
      assertThat(
              new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("[ \\t]+", " "))
          .contains("天府社区", "五间安置小区", "2026年第二季度双晒报告", entryNo, "6,630.00");
    }
    // the report page, opened from the tab as a resident would
    browser.findElement(By.cssSelector("[data-estate=wjaz] a[href$='.html']")).click();
    var tabs = new java.util.ArrayList<>(browser.getWindowHandles());
    browser.switchTo().window(tabs.get(tabs.size() - 1));
    wait.until(d -> d.findElement(By.tagName("h1")).getText().contains("双晒报告"));
    assertThat(browser.findElement(By.tagName("body")).getText())
        .contains("一、物业服务季报", "二、收支季报", "本季度收支经社区党委审核后公布（" + entryNo);
    Browser.screenshot(browser, "notice-03-report");
    browser.close();
    browser.switchTo().window(tabs.get(0));
    Browser.screenshot(browser, "notice-02");
  }

  private String text(String css) {
    return browser.findElement(By.cssSelector(css)).getText();
  }
}
