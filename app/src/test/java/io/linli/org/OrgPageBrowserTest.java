package io.linli.org;

import static org.assertj.core.api.Assertions.assertThat;

import io.linli.LinliSpringTest;
import io.linli.system.Browser;
import java.time.Duration;
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
 * End-to-end tier: the organisation page in headless Chromium (default profile, no sign-in): 天府社区's
 * demo tree with its grids, estates, companies and groups; a refused edit shows the field message.
 */
@LinliSpringTest
class OrgPageBrowserTest {

  @LocalServerPort int port;
  WebDriver browser;

  @BeforeEach
  void start() {
    browser = Browser.start();
  }

  @AfterEach
  void stop() {
    if (browser != null) browser.quit();
  }

  @Test
  @DisplayName("组织架构页面：显示天府社区的网格、小区、物业和组；把网格设为自己的上级被拒绝并说明原因")
  void showsTheTreeAndRefusesACycle() throws Exception {
    browser.get("http://localhost:" + port + "/org/");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    wait.until(d -> !d.findElements(By.cssSelector("#pick option[value=tfsq]")).isEmpty());
    new Select(browser.findElement(By.cssSelector("#pick select"))).selectByValue("tfsq");
    browser.findElement(By.cssSelector("#pick button")).click();
    wait.until(d -> d.findElement(By.id("title")).getText().contains("天府社区"));

    String tree = browser.findElement(By.id("tree")).getText();
    assertThat(tree)
        .contains(
            "第一网格",
            "地铁首座小区",
            "东方花苑",
            "新桥北村物业服务社",
            "tfsq-grid-g1-grid-worker",
            "tfsq-company-rcwy-property-staff");
    assertThat(tree).contains("蓉城物业服务有限公司 2021-01-01 至 2024-01-01");

    WebElement grid = browser.findElement(By.cssSelector("form[data-action=grid]"));
    grid.findElement(By.name("code")).sendKeys("g1");
    grid.findElement(By.name("name")).sendKeys("第一网格");
    grid.findElement(By.name("parentGridCode")).sendKeys("g1");
    grid.findElement(By.cssSelector("button")).click();
    wait.until(d -> d.findElement(By.id("error")).isDisplayed());
    assertThat(browser.findElement(By.id("error")).getText())
        .contains("parentGridCode")
        .contains("环");
    Browser.screenshot(browser, "org-page");
  }
}
