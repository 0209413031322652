package io.linli.grievance;

import static io.linli.grievance.GrievanceProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linli.LinliSpringTest;
import io.linli.TestHttp;
import io.linli.caselog.CaseLog;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Process tier, over the API: the handler's moves on a grievance with their clocks — 退单 back to
 * 分流定级 continues the response clock (due from the report), 转单 to another group of the community
 * keeps the open task and its clock and routes the later tasks to the new group; each move in the
 * case log and in the supervisors' count per company.
 */
@LinliSpringTest
class GrievanceMovesTest {

  static final String OTHER_TEAM = "tfsq-property-staff-b";

  @LocalServerPort int port;
  @Autowired GrievanceScenario scenario;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired CaseLog caseLog;
  @Autowired org.camunda.bpm.engine.HistoryService history;

  RestClient http;

  @BeforeEach
  void init() {
    http = TestHttp.client(port);
    scenario.pinClock();
    if (identity.createGroupQuery().groupId(OTHER_TEAM).count() == 0) {
      Group g = identity.newGroup(OTHER_TEAM);
      g.setName("天府社区 物业二组");
      identity.saveGroup(g);
      identity.saveUser(identity.newUser("propb"));
      identity.createMembership("propb", OTHER_TEAM);
    }
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  int post(String path, String user, Map<String, Object> body) {
    return http.post()
        .uri(path)
        .header("X-Linli-User", user)
        .contentType(MediaType.APPLICATION_JSON)
        .body(body)
        .exchange((req, res) -> res.getStatusCode().value());
  }

  Date timerDue(GrievanceScenario.Case c, String timer) {
    Job job =
        management
            .createJobQuery()
            .processInstanceId(c.instance().getId())
            .activityId(timer)
            .singleResult();
    assertThat(job).as("timer %s", timer).isNotNull();
    return job.getDuedate();
  }

  @Test
  @DisplayName("退单：响应环节退回分流定级，须写原因；响应时限从上报起继续计算，不重新起算")
  void returnToTriageContinuesTheResponseClock() {
    GrievanceScenario.Case c = scenario.report(Category.FACILITY);
    Instant reported = scenario.now();
    scenario.advance(Duration.ofHours(1));
    scenario.triage(c, Tier.MEDIUM);
    tasks.claim(scenario.task(c, TASK_RESPOND).getId(), "property1");
    scenario.advance(Duration.ofHours(1));
    String path = "/api/grievances/" + c.caseNo() + "/return";

    assertThat(post(path, "property1", Map.of())).as("no reason").isEqualTo(400);
    assertThat(post(path, "grid1", Map.of("reason", "x")))
        .as("not the task's holder")
        .isEqualTo(404);
    assertThat(post(path, "property1", Map.of("reason", "不属物业职责，应由社区协调"))).isEqualTo(200);

    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceId(c.instance().getId())
                .taskDefinitionKey(TASK_RESPOND)
                .count())
        .isZero();
    assertThat(scenario.task(c, TASK_TRIAGE).getDueDate().toInstant())
        .isEqualTo(reported.plus(Duration.ofHours(4)));
    assertThat(timerDue(c, TIMER_TRIAGE_SLA).toInstant())
        .as("the clock continues")
        .isEqualTo(reported.plus(Duration.ofHours(4)));
    assertThat(caseLog.history(c.caseNo()))
        .anyMatch(e -> e.type() == GrievanceEvent.RETURNED && e.note().contains("不属物业职责"));

    // triaged again, the response still runs from the report
    scenario.advance(Duration.ofMinutes(30));
    scenario.triage(c, Tier.GENERAL);
    assertThat(timerDue(c, TIMER_HANDLE_GENERAL_SLA).toInstant())
        .isEqualTo(reported.plus(Duration.ofHours(4)));
    tasks.claim(scenario.task(c, TASK_HANDLE_GENERAL).getId(), "property1");
    scenario.advance(Duration.ofHours(1)); // 3.5 h after the report
    assertThat(scenario.executeDueJobs(c)).as("not yet due").isZero();
    scenario.advance(Duration.ofMinutes(31));
    assertThat(scenario.executeDueJobs(c))
        .as("the continued clock breaches at 4 h from the report")
        .isPositive();
  }

  @Test
  @DisplayName("退单：一般问题和疑难问题的处置人同样可退回分流；响应后（办结环节）不能退单")
  void returnFromEveryResponseTask() {
    for (Tier tier : new Tier[] {Tier.GENERAL, Tier.DIFFICULT}) {
      GrievanceScenario.Case c = scenario.report(Category.NOISE);
      scenario.triage(c, tier);
      String key = tier == Tier.GENERAL ? TASK_HANDLE_GENERAL : TASK_CONTACT_RESIDENT;
      tasks.claim(scenario.task(c, key).getId(), "property1");
      assertThat(
              post(
                  "/api/grievances/" + c.caseNo() + "/return",
                  "property1",
                  Map.of("reason", "噪音属城管执法范围")))
          .as(tier.name())
          .isEqualTo(200);
      scenario.task(c, TASK_TRIAGE);
    }
    GrievanceScenario.Case c = scenario.report(Category.NOISE);
    scenario.triage(c, Tier.MEDIUM);
    scenario.complete(
        c, TASK_RESPOND, "property1", Map.of("responseNote", "已联系", "feedbackMethod", "PHONE"));
    tasks.claim(scenario.task(c, TASK_RESOLVE).getId(), "property1");
    assertThat(
            post("/api/grievances/" + c.caseNo() + "/return", "property1", Map.of("reason", "x")))
        .isEqualTo(409);
  }

  @Test
  @DisplayName("转单：转给本社区另一处置单位，须写原因；任务和时限不变，后续环节也由新单位处置；督查按公司统计转单")
  void transferKeepsTheClockAndRoutesOn() {
    String today = LocalDate.now(io.linli.system.Times.BEIJING).toString();
    long before = transfers(today);
    GrievanceScenario.Case c = scenario.report(Category.FACILITY);
    Instant reported = scenario.now();
    scenario.triage(c, Tier.MEDIUM);
    String respondId = scenario.task(c, TASK_RESPOND).getId();
    tasks.claim(respondId, "property1");
    Date due = timerDue(c, TIMER_RESPOND_SLA);
    scenario.advance(Duration.ofMinutes(30));
    String path = "/api/grievances/" + c.caseNo() + "/transfer";

    assertThat(post(path, "property1", Map.of("toGroup", "jdsq-property-staff", "reason", "x")))
        .as("another community's group")
        .isEqualTo(400);
    assertThat(post(path, "property1", Map.of("toGroup", OTHER_TEAM)))
        .as("no reason")
        .isEqualTo(400);
    assertThat(post(path, "property1", Map.of("toGroup", OTHER_TEAM, "reason", "该楼栋由物业二组负责")))
        .isEqualTo(200);

    var respond = scenario.task(c, TASK_RESPOND);
    assertThat(respond.getId()).as("the same task").isEqualTo(respondId);
    assertThat(respond.getAssignee()).isNull();
    assertThat(
            tasks.getIdentityLinksForTask(respondId).stream()
                .map(IdentityLink::getGroupId)
                .filter(java.util.Objects::nonNull)
                .toList())
        .containsExactly(OTHER_TEAM);
    assertThat(timerDue(c, TIMER_RESPOND_SLA)).as("the clock continues").isEqualTo(due);
    assertThat(respond.getDueDate().toInstant()).isEqualTo(reported.plus(Duration.ofHours(4)));
    assertThat(caseLog.history(c.caseNo()))
        .anyMatch(
            e ->
                e.type() == GrievanceEvent.TRANSFERRED
                    && e.note().contains(OTHER_TEAM)
                    && e.note().contains("物业二组负责"));

    assertThat(post(path, "property1", Map.of("toGroup", "tfsq-property-staff", "reason", "x")))
        .as("property1 no longer holds the task")
        .isEqualTo(404);
    scenario.complete(
        c, TASK_RESPOND, "propb", Map.of("responseNote", "已联系居民", "feedbackMethod", "PHONE"));
    var resolve = scenario.task(c, TASK_RESOLVE);
    assertThat(
            tasks.getIdentityLinksForTask(resolve.getId()).stream()
                .map(IdentityLink::getGroupId)
                .filter(java.util.Objects::nonNull)
                .toList())
        .as("later tasks follow the transfer")
        .containsExactly(OTHER_TEAM);

    assertThat(transfers(today)).as("supervisors' count per company").isEqualTo(before + 1);
  }

  /** TRANSFERRED moves of 地铁首座's company today, as the supervisors' API counts them. */
  long transfers(String day) {
    JsonNode counts =
        http.get()
            .uri("/api/staff/moves?from={d}&to={d}", day, day)
            .retrieve()
            .body(JsonNode.class);
    long n = 0;
    for (JsonNode row : counts) {
      if (row.get("flow").asText().equals(FLOW)
          && row.get("kind").asText().equals("TRANSFERRED")
          && !row.get("companyId").isNull()) {
        n += row.get("moves").asLong();
      }
    }
    return n;
  }

  @Test
  @DisplayName("任务列表表单退单：三个响应环节的表单选“退单”须写原因，与接口同一规则和记录，退回分流定级，响应时限继续；原因不进流程历史")
  void returnInTheTaskForm() {
    Map<Tier, String[]> stages =
        Map.of(
            Tier.GENERAL, new String[] {TASK_HANDLE_GENERAL},
            Tier.MEDIUM, new String[] {TASK_RESPOND},
            Tier.DIFFICULT, new String[] {TASK_CONTACT_RESIDENT});
    for (var stage : stages.entrySet()) {
      GrievanceScenario.Case c = scenario.report(Category.FACILITY);
      Instant reported = scenario.now();
      scenario.advance(Duration.ofMinutes(30));
      scenario.triage(c, stage.getKey());
      String task = scenario.task(c, stage.getValue()[0]).getId();
      tasks.claim(task, "property1");

      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> tasks.complete(task, Map.of("handlerMove", "RETURN")))
          .hasMessageContaining("请填写退单原因");
      tasks.complete(task, Map.of("handlerMove", "RETURN", "moveReason", "属供水公司职责，请重新分流"));

      org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(c.instance())
          .as(stage.getValue()[0])
          .isWaitingAt(TASK_TRIAGE)
          .hasNotPassed("Gateway_Handled");
      assertThat(timerDue(c, TIMER_TRIAGE_SLA).toInstant())
          .as("the response clock continues")
          .isEqualTo(reported.plus(Duration.ofHours(4)));
      assertThat(caseLog.history(c.caseNo()))
          .filteredOn(e -> e.type() == GrievanceEvent.RETURNED)
          .singleElement()
          .satisfies(e -> assertThat(e.note()).endsWith("：属供水公司职责，请重新分流"));
      assertThat(caseLog.history(c.caseNo())).noneMatch(e -> e.type() == GrievanceEvent.RESPONDED);
      assertThat(
              history
                  .createHistoricVariableInstanceQuery()
                  .processInstanceId(c.instance().getId())
                  .variableName("moveReason")
                  .includeDeleted()
                  .count())
          .isZero();
    }
  }
}
