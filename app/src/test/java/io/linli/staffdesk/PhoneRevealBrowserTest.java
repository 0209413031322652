package io.linli.staffdesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.linli.LinliSpringTest;
import io.linli.system.Browser;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
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
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Browser tier (headless Chromium, skipped without it): a grid worker opens a triage task in
 * Tasklist, sees the case's photo in the form, claims the task and reveals the resident's full
 * phone number with one click; the reveal's access-log row names her, the case and the task.
 * Screenshots go to target/screenshots.
 */
@LinliSpringTest
class PhoneRevealBrowserTest {

  @LocalServerPort int port;
  @Autowired FilterService filters;
  @Autowired TaskService tasks;
  @Autowired JdbcClient jdbc;

  WebDriver browser;

  @AfterEach
  void quit() throws Exception {
    if (browser != null) {
      Browser.screenshot(browser, "phone-reveal-last");
      browser.quit();
    }
  }

  @Test
  @DisplayName("网格员在任务表单里看到照片，一键查看居民完整电话，访问日志记下这一次")
  void revealFromTheTaskForm() throws Exception {
    RestClient api = RestClient.create("http://localhost:" + port);
    @SuppressWarnings("unchecked")
    Map<String, Object> created =
        api.post()
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
                    "7栋单元门禁损坏，无法刷卡",
                    "contactName",
                    "周女士",
                    "contactPhone",
                    "13900007788"))
            .retrieve()
            .body(Map.class);
    String caseNo = created.get("caseNo").toString();
    var form = new LinkedMultiValueMap<String, Object>();
    form.add(
        "photo",
        new ByteArrayResource(StaffDeskTest.jpeg(640, 480)) {
          @Override
          public String getFilename() {
            return "door.jpg";
          }
        });
    api.post()
        .uri("/api/cases/grievance/{c}/photos?token={t}", caseNo, created.get("watchToken"))
        .contentType(MediaType.MULTIPART_FORM_DATA)
        .body(form)
        .retrieve()
        .toBodilessEntity();
    String taskId =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(caseNo)
            .taskDefinitionKey("Task_Triage")
            .singleResult()
            .getId();

    browser = Browser.start();
    WebDriverWait wait = Browser.signIntoTasklist(browser, port, "grid1");
    wait.until(
        ExpectedConditions.visibilityOfElementLocated(
            By.xpath("//*[normalize-space(text())='我的待办']")));

    String filterId = filters.createFilterQuery().filterName("本社区待认领").singleResult().getId();
    browser.get(
        "http://localhost:"
            + port
            + "/camunda/app/tasklist/default/#/?filter="
            + filterId
            + "&task="
            + taskId);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("body"), caseNo));
    // the photo sheet is in the form and loads
    WebElement photo =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("img[src*='/staff/cases/" + caseNo + "/photos.jpg']")));
    wait.until(
        d ->
            ((Number)
                        ((JavascriptExecutor) d)
                            .executeScript(
                                "return arguments[0].complete ? arguments[0].naturalWidth : 0;",
                                photo))
                    .intValue()
                > 0);
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//button[normalize-space(.)='认领'] | //a[normalize-space(.)='认领']")))
        .click();
    wait.until(
        d -> "grid1".equals(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()));
    // claimed, the task is in 我的待办, where its form is live
    String mine = filters.createFilterQuery().filterName("我的待办").singleResult().getId();
    browser.get(
        "http://localhost:"
            + port
            + "/camunda/app/tasklist/default/#/?filter="
            + mine
            + "&task="
            + taskId);
    wait.until(
        ExpectedConditions.presenceOfElementLocated(By.xpath("//a[normalize-space(.)='显示完整号码']")));
    Browser.screenshot(browser, "phone-reveal-form");
    assertThat(
            jdbc.sql("select count(*) from contact_access_log where case_no = ?")
                .param(caseNo)
                .query(Long.class)
                .single())
        .as("seeing the form reveals nothing")
        .isZero();

    Browser.clickFormLink(wait, "显示完整号码");
    // the form's sanitiser drops target attributes: the reveal opens in place, with a way back
    wait.until(ExpectedConditions.urlContains("/staff/cases/" + caseNo + "/phone"));
    WebElement phone = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("phone")));
    assertThat(phone.getText()).isEqualTo("13900007788");
    assertThat(browser.findElement(By.id("logged")).getText()).contains("grid1").contains("分流定级");
    Browser.screenshot(browser, "phone-reveal-shown");
    browser.findElement(By.linkText("返回任务")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("body"), caseNo));

    List<Map<String, Object>> rows =
        jdbc.sql("select staff_user, task_id, task_key from contact_access_log where case_no = ?")
            .param(caseNo)
            .query()
            .listOfRows();
    assertThat(rows)
        .containsExactly(
            Map.of("staff_user", "grid1", "task_id", taskId, "task_key", "Task_Triage"));
  }
}
