package io.linli.grievance;

import static org.assertj.core.api.Assertions.assertThat;

import io.linli.LinliSpringTest;
import io.linli.system.Browser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Browser tier (headless Chromium, skipped without it): a grid worker registers a 热线 call with
 * Tasklist's start form 热线/窗口登记诉求; the case records her as the one who registered it. Screenshots
 * go to target/screenshots.
 */
@LinliSpringTest
class StaffIntakeBrowserTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  WebDriver browser;

  @AfterEach
  void quit() throws Exception {
    if (browser != null) {
      Browser.screenshot(browser, "staff-intake-last");
      browser.quit();
    }
  }

  @Test
  @DisplayName("网格员在任务列表中用启动表单登记热线诉求，登记人是她的登录")
  void gridWorkerRegistersACall() throws Exception {
    browser = Browser.start();
    WebDriverWait wait = Browser.signIntoTasklist(browser, port, "grid1");

    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//a[contains(normalize-space(.), '启动流程')]")))
        .click();
    // the dialog lists the deployed processes as they load: a click while the list still moves can
    // land beside the entry, so click it again until its form shows
    wait.until(
        d -> {
          if (!d.findElements(By.xpath("//label[contains(normalize-space(.), '社区代码')]")).isEmpty())
            return true;
          for (WebElement link :
              d.findElements(By.xpath("//a[contains(normalize-space(.), '热线/窗口登记诉求')]"))) {
            try {
              link.click();
            } catch (org.openqa.selenium.WebDriverException moved) {
              // re-rendered under the pointer: the next round finds it again
            }
          }
          return false;
        });
    type(wait, "社区代码", "tfsq");
    type(wait, "小区代码", "dtsz");
    type(wait, "楼栋代码", "b7");
    // form-js draws its own dropdown: open it, pick the option
    field(wait, "问题类别", "div[contains(@class, 'fjs-input-group')]").click();
    WebElement option =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.xpath(
                    "//*[contains(@class, 'fjs-dropdownlist-item') and normalize-space(.)='水电气故障']")));
    // the list opens below the fold of the dialog: pick it as the list listens, on mouse down
    ((JavascriptExecutor) browser)
        .executeScript(
            "arguments[0].scrollIntoView({block: 'center'});"
                + "arguments[0].dispatchEvent(new MouseEvent('mousedown', {bubbles: true, cancelable: true}));",
            option);
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".fjs-select-display"), "水电气故障"));
    WebElement description = field(wait, "问题描述", "textarea");
    description.sendKeys("7栋2单元停水，居民来电反映（浏览器测试）");
    type(wait, "居民称呼", "王阿姨");
    type(wait, "居民手机", "13800006655");
    Browser.screenshot(browser, "staff-intake-form");
    WebElement start =
        wait.until(
            ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space(.)='启动']")));
    ((JavascriptExecutor) browser).executeScript("arguments[0].click();", start);

    wait.until(
        d ->
            jdbc.sql("select count(*) from grievance_case where description like '%（浏览器测试）'")
                    .query(Long.class)
                    .single()
                == 1);
    List<Map<String, Object>> rows =
        jdbc.sql(
                "select channel, recorded_by from grievance_case where description like '%（浏览器测试）'")
            .query()
            .listOfRows();
    assertThat(rows).containsExactly(Map.of("channel", "PHONE", "recorded_by", "grid1"));
    Browser.screenshot(browser, "staff-intake-started");
  }

  private static WebElement field(WebDriverWait wait, String label, String tag) {
    return wait.until(
        ExpectedConditions.visibilityOfElementLocated(
            By.xpath(
                "//label[contains(normalize-space(.), '"
                    + label
                    + "')]/following::"
                    + tag
                    + "[1]")));
  }

  private static void type(WebDriverWait wait, String label, String text) {
    field(wait, label, "input").sendKeys(text);
  }
}
