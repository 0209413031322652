package io.linli.grievance;

import static io.linli.grievance.GrievanceProcess.TASK_RESPOND;
import static org.assertj.core.api.Assertions.assertThat;

import io.linli.LinliSpringTest;
import io.linli.caselog.CaseLog;
import io.linli.system.Browser;
import java.util.Date;
import java.util.Objects;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

/**
 * 转单 from Tasklist: the handler form links to the transfer page, which moves the task as the API
 * does, as the staff member signed into the webapps. Browser tier (headless Chromium) for the page
 * from the form; the refusals without a browser. Screenshots go to target/screenshots.
 */
@LinliSpringTest
class GrievanceTransferPageBrowserTest {

  static final String OTHER_TEAM = "tfsq-property-staff-b";

  @LocalServerPort int port;
  @Autowired GrievanceScenario scenario;
  @Autowired TaskService tasks;
  @Autowired FilterService filters;
  @Autowired IdentityService identity;
  @Autowired CaseLog caseLog;

  WebDriver browser;

  @BeforeEach
  void secondTeam() {
    if (identity.createGroupQuery().groupId(OTHER_TEAM).count() == 0) {
      Group g = identity.newGroup(OTHER_TEAM);
      g.setName("天府社区 物业二组");
      g.setType("WORKFLOW");
      identity.saveGroup(g);
    }
  }

  @AfterEach
  void quit() throws Exception {
    if (browser != null) {
      Browser.screenshot(browser, "transfer-last");
      browser.quit();
    }
  }

  @Test
  @DisplayName("转单页：未登录工作台或从外站发起都不能打开，不泄露案件")
  void refusedWithoutTheWebappLoginOrFromAnotherSite() {
    GrievanceScenario.Case c = scenario.report(Category.FACILITY);
    scenario.triage(c, Tier.MEDIUM);
    String path = "/staff/grievances/" + c.caseNo() + "/transfer";
    RestClient http =
        RestClient.builder()
            .baseUrl("http://localhost:" + port)
            .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> {})
            .build();

    assertThat(http.get().uri(path).retrieve().toBodilessEntity().getStatusCode().value())
        .as("no webapp session")
        .isEqualTo(404);
    assertThat(
            http.get()
                .uri(path)
                .header("Sec-Fetch-Site", "cross-site")
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value())
        .as("opened from another site")
        .isEqualTo(403);
    assertThat(
            http.post()
                .uri(path)
                .header("Sec-Fetch-Site", "same-site")
                .contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
                .body("toGroup=" + OTHER_TEAM + "&reason=x")
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value())
        .as("a write from a sibling site")
        .isEqualTo(403);
    assertThat(scenario.task(c, TASK_RESPOND).getAssignee()).isNull();
    assertThat(caseLog.history(c.caseNo())).noneMatch(e -> e.type() == GrievanceEvent.TRANSFERRED);
  }

  @Test
  @DisplayName("物业人员在响应表单里点“转单”，选接收单位、写原因后转出：同一任务换组、时限不变，案件日志记下原因；不写原因时页面提示")
  void transferFromTheTaskForm() throws Exception {
    GrievanceScenario.Case c = scenario.report(Category.FACILITY);
    scenario.triage(c, Tier.MEDIUM);
    String taskId = scenario.task(c, TASK_RESPOND).getId();
    tasks.claim(taskId, "property1");
    Date due = tasks.createTaskQuery().taskId(taskId).singleResult().getDueDate();

    browser = Browser.start();
    WebDriverWait wait = Browser.signIntoTasklist(browser, port, "property1");
    wait.until(
        ExpectedConditions.visibilityOfElementLocated(
            By.xpath("//*[normalize-space(text())='我的待办']")));
    String mine = filters.createFilterQuery().filterName("我的待办").singleResult().getId();
    browser.get(
        "http://localhost:"
            + port
            + "/camunda/app/tasklist/default/#/?filter="
            + mine
            + "&task="
            + taskId);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("body"), "转单"));
    Browser.clickFormLink(wait, "转交其他班组或物业公司");
    wait.until(ExpectedConditions.urlContains("/staff/grievances/" + c.caseNo() + "/transfer"));
    Select target =
        new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("toGroup"))));
    assertThat(target.getOptions())
        .extracting(o -> o.getAttribute("value"))
        .contains(OTHER_TEAM)
        .doesNotContain("tfsq-resident", "jdsq-property-staff");

    // without a reason: the page says so and nothing moves
    target.selectByValue(OTHER_TEAM);
    browser.findElement(By.id("submit")).click();
    assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error"))).getText())
        .contains("请填写原因");
    assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee())
        .isEqualTo("property1");

    new Select(browser.findElement(By.id("toGroup"))).selectByValue(OTHER_TEAM);
    browser.findElement(By.id("reason")).sendKeys("该楼栋由物业二组负责");
    Browser.screenshot(browser, "transfer-form");
    browser.findElement(By.id("submit")).click();
    assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("done"))).getText())
        .contains("天府社区 物业二组");
    Browser.screenshot(browser, "transfer-done");

    var respond = scenario.task(c, TASK_RESPOND);
    assertThat(respond.getId()).as("the same task").isEqualTo(taskId);
    assertThat(respond.getAssignee()).isNull();
    assertThat(respond.getDueDate()).as("the clock continues").isEqualTo(due);
    assertThat(
            tasks.getIdentityLinksForTask(taskId).stream()
                .map(IdentityLink::getGroupId)
                .filter(Objects::nonNull)
                .toList())
        .containsExactly(OTHER_TEAM);
    assertThat(caseLog.history(c.caseNo()))
        .anyMatch(
            e ->
                e.type() == GrievanceEvent.TRANSFERRED
                    && e.note().contains(OTHER_TEAM)
                    && e.note().contains("物业二组负责"));
  }
}
