package io.linli.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import io.linli.LinliSpringTest;
import io.linli.system.Browser;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Browser tier (headless Debian Chromium): the supervisor page over the demo history — rates table,
 * a chart per rate, the breach list with its links — and the printable 红黑榜 and 双晒 pages.
 * Screenshots in target/screenshots (supervisor-page, ranking-print, shuangshai-print).
 */
@LinliSpringTest
class SupervisorPageBrowserTest {

  @LocalServerPort int port;
  WebDriver browser;

  @BeforeEach
  void open() {
    browser = Browser.start(1400, 2200);
  }

  @AfterEach
  void close() {
    if (browser != null) browser.quit();
  }

  @Test
  @DisplayName("督查台：按小区的比率表、每个比率一张按月走势图、超时台账带案件和 Cockpit 链接")
  void supervisorPage() throws Exception {
    browser.get("http://localhost:" + port + "/supervision/");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    WebElement from = browser.findElement(By.name("from"));
    wait.until(
        d -> d.findElements(By.cssSelector("#filters select[name=community] option")).size() > 1);
    setDate(from, "2026-01-01");
    setDate(browser.findElement(By.name("to")), "2026-06-30");
    new Select(browser.findElement(By.cssSelector("#filters select[name=community]")))
        .selectByValue("tfsq");
    // The unfiltered first load may finish after this point: wait for the load the click starts.
    wait.until(
        d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript("document.body.removeAttribute('data-loaded')");
    browser.findElement(By.cssSelector("#filters button[type=submit]")).click();
    wait.until(
        d ->
            "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-loaded"))
                && d.findElement(By.cssSelector("#rates tbody")).getText().contains("东方花苑"));

    String rates = browser.findElement(By.cssSelector("#rates tbody")).getText();
    assertThat(rates).contains("地铁首座小区", "东方花苑", "五间安置小区", "合计").doesNotContain("华熙");
    assertThat(browser.findElements(By.cssSelector("#charts .chart svg"))).hasSize(4);
    assertThat(browser.findElements(By.cssSelector("#charts .chart h3")))
        .extracting(WebElement::getText)
        .containsExactly("按时办结率", "居民满意率", "回访满意率", "整改率");
    assertThat(browser.findElements(By.cssSelector("#charts .chart polyline"))).isNotEmpty();
    assertThat(browser.findElement(By.id("rules")).getText()).contains("按时办结率 =", "整改率 =");

    List<WebElement> rows = browser.findElements(By.cssSelector("#breaches tbody tr"));
    assertThat(rows).isNotEmpty();
    assertThat(rows.get(0).getText()).contains("GR-2026-D");
    assertThat(browser.findElement(By.cssSelector("#breaches tbody a")).getDomAttribute("href"))
        .startsWith("/api/grievances/GR-2026-D");
    assertThat(browser.findElement(By.id("page-info")).getText()).contains("共");
    Browser.screenshot(browser, "supervisor-page");
  }

  @Test
  @DisplayName("可打印的红黑榜和双晒季报页面")
  void printablePages() throws Exception {
    browser.get(
        "http://localhost:" + port + "/supervision/api/ranking.html?from=2026-01-01&to=2026-06-30");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("物业服务红黑榜");
    assertThat(browser.findElement(By.className("rule")).getText()).contains("综合得分");
    String ranking = browser.findElement(By.tagName("body")).getText();
    assertThat(ranking).contains("蓉城物业服务有限公司", "新桥北村物业服务社", "五间社区上游物业服务中心", "地铁首座小区");
    Browser.screenshot(browser, "ranking-print");

    browser.get("http://localhost:" + port + "/supervision/api/reports/dtsz/2026-Q2.html");
    assertThat(browser.findElement(By.tagName("h1")).getText()).contains("地铁首座小区", "2026年第二季度双晒报告");
    assertThat(browser.findElement(By.tagName("body")).getText()).contains("收支季报", "540,000.00");
    Browser.screenshot(browser, "shuangshai-print");
  }

  private void setDate(WebElement input, String iso) {
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript("arguments[0].value = arguments[1]", input, iso);
  }
}
