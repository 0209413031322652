package io.linli.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.linli.LinliSpringTest;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Browser tier (headless Chromium, skipped without it): a demo grid worker logs into Tasklist and
 * meets it in Chinese — login, filter names, claim and complete buttons, a relative due date, no
 * Camunda 8 banner — and completes a triage task through its Camunda Form. Screenshots go to
 * target/screenshots.
 */
@LinliSpringTest
class TasklistChineseBrowserTest {

  @LocalServerPort int port;
  @Autowired FilterService filters;
  @Autowired TaskService tasks;

  WebDriver browser;

  @AfterEach
  void quit() throws Exception {
    if (browser != null) {
      Browser.screenshot(browser, "tasklist-zh-last");
      browser.quit();
    }
  }

  @Test
  @DisplayName("网格员在中文任务列表中从登录到完成分流任务")
  void gridWorkerCompletesTriageInChinese() throws Exception {
    String caseNo =
        RestClient.create("http://localhost:" + port)
            .post()
            .uri("/api/grievances")
            .contentType(MediaType.APPLICATION_JSON)
            .body(
                Map.of(
                    "communityCode",
                    "tfsq",
                    "estateCode",
                    "dtsz",
                    "buildingCode",
                    "b7",
                    "category",
                    "FACILITY",
                    "description",
                    "7栋单元门禁损坏，无法刷卡"))
            .retrieve()
            .body(Map.class)
            .get("caseNo")
            .toString();

    browser = Browser.start();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");

    WebElement user =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("form[name='signinForm'] input[type='text']")));
    assertThat(user.getAttribute("placeholder")).isEqualTo("用户名");
    WebElement login =
        browser.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']"));
    assertThat(login.getText()).isEqualTo("登录");
    Browser.screenshot(browser, "tasklist-zh-login");
    user.sendKeys("grid1");
    browser
        .findElement(By.cssSelector("form[name='signinForm'] input[type='password']"))
        .sendKeys("demo");
    login.click();

    for (String filter : new String[] {"我的待办", "本社区待认领", "即将超时", "已超时"}) {
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(text(filter))));
    }
    // Camunda's "migrate to Camunda 8" banner: rendered by the header, hidden by user-styles.css
    assertThat(browser.findElements(By.cssSelector(".ce-eol-banner")))
        .isNotEmpty()
        .noneMatch(WebElement::isDisplayed);
    String filterId = filters.createFilterQuery().filterName("本社区待认领").singleResult().getId();
    // Other tests share the database, so the list holds many 分流定级 tasks: open this case's one.
    String taskId =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(caseNo)
            .taskDefinitionKey("Task_Triage")
            .singleResult()
            .getId();
    browser.get(
        "http://localhost:"
            + port
            + "/camunda/app/tasklist/default/#/?filter="
            + filterId
            + "&task="
            + taskId);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("body"), caseNo));

    WebElement claim = wait.until(ExpectedConditions.elementToBeClickable(By.xpath(button("认领"))));
    assertThat(browser.getPageSource()).contains("小时后");
    Browser.screenshot(browser, "tasklist-zh-task");
    claim.click();
    // claimed, the task leaves 本社区待认领 for 我的待办, where the grid worker completes it
    wait.until(
        d -> "grid1".equals(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()));
    String mine = filters.createFilterQuery().filterName("我的待办").singleResult().getId();
    browser.get(
        "http://localhost:"
            + port
            + "/camunda/app/tasklist/default/#/?filter="
            + mine
            + "&task="
            + taskId);

    // the form renders again once the task is claimed: type into the live, enabled field
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            d -> {
              WebElement note = d.findElement(By.cssSelector("textarea.fjs-textarea"));
              if (!note.isEnabled()) return false;
              note.sendKeys("门禁故障，转物业维修");
              return "门禁故障，转物业维修".equals(note.getAttribute("value"));
            });
    WebElement complete =
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath(button("完成"))));
    Browser.screenshot(browser, "tasklist-zh-form");
    // the "claimed" notice may still cover the button: click it as the user would once it fades
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript("arguments[0].click();", complete);

    wait.until(
        d ->
            tasks
                    .createTaskQuery()
                    .processInstanceBusinessKey(caseNo)
                    .taskDefinitionKey("Task_Respond")
                    .count()
                == 1);
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceBusinessKey(caseNo)
                .taskDefinitionKey("Task_Triage")
                .count())
        .isZero();
    Browser.screenshot(browser, "tasklist-zh-completed");
  }

  private static String text(String s) {
    return "//*[normalize-space(text())='" + s + "']";
  }

  private static String button(String label) {
    return "//button[normalize-space(.)='" + label + "'] | //a[normalize-space(.)='" + label + "']";
  }
}
