package io.linli.dailycheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linli.CaseClock;
import io.linli.LinliSpringTest;
import io.linli.TestHttp;
import io.linli.sla.SlaLedger;
import io.linli.system.Times;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * Integration tier (PostgreSQL, engine): 每日巡查. The community committee gets one check per working
 * day of the business calendar (none on the 2026 Spring Festival, on a weekend; one on a 调休
 * Saturday), listing every open case with its clocks and holder; completing it records the check;
 * 督促 notifies the holder and writes the case log; a day without a completed check is a ledger
 * breach in the supervision API. Time is moved with ClockUtil.
 */
@LinliSpringTest
class DailyInspectionTest {

  @LocalServerPort int port;
  @Autowired DailyInspections inspections;
  @Autowired CaseClock clock;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired SlaLedger ledger;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  void beijing(String dateTime) {
    clock.at(ZonedDateTime.of(LocalDateTime.parse(dateTime), Times.BEIJING).toInstant());
  }

  RestClient http() {
    return TestHttp.client(port);
  }

  String report() {
    return report("tfsq", "dtsz");
  }

  String report(String community, String estate) {
    JsonNode body =
        http()
            .post()
            .uri("/api/grievances")
            .contentType(MediaType.APPLICATION_JSON)
            .body(
                Map.of(
                    "communityCode",
                    community,
                    "estateCode",
                    estate,
                    "buildingCode",
                    "b5",
                    "category",
                    "FACILITY",
                    "description",
                    "5栋电梯异响",
                    "contactPhone",
                    "13900004455",
                    "channel",
                    "WEB"))
            .retrieve()
            .body(JsonNode.class);
    return body.get("caseNo").asText();
  }

  Task checkTask(String checkNo) {
    return tasks
        .createTaskQuery()
        .processInstanceBusinessKey(checkNo)
        .taskDefinitionKey(DailyInspectionProcess.TASK_DAILY_CHECK)
        .singleResult();
  }

  String tfsqCheck(List<String> opened) {
    return check(opened, "tfsq");
  }

  String check(List<String> opened, String community) {
    return opened.stream()
        .filter(
            no ->
                jdbc.sql("select community_code from daily_check where case_no = ?")
                    .param(no)
                    .query(String.class)
                    .single()
                    .equals(community))
        .findFirst()
        .orElseThrow();
  }

  @Test
  @DisplayName("春节假期和周末不开巡查；调休上班的周六开巡查，社区党委待办，次一工作日开始时到期")
  void checksFollowTheBusinessCalendar() {
    beijing("2026-02-18T09:00:00");
    assertThat(inspections.openFor(LocalDate.parse("2026-02-18"))).as("春节 (Wed)").isEmpty();
    assertThat(inspections.openFor(LocalDate.parse("2026-02-21"))).as("春节 (Sat)").isEmpty();
    assertThat(inspections.openFor(LocalDate.parse("2026-03-07")))
        .as("an ordinary Saturday")
        .isEmpty();

    beijing("2026-02-14T08:30:00");
    List<String> opened = inspections.openFor(LocalDate.parse("2026-02-14"));
    assertThat(opened).as("调休上班 Saturday: one per community").hasSizeGreaterThanOrEqualTo(2);
    assertThat(inspections.openFor(LocalDate.parse("2026-02-14"))).as("opened once").isEmpty();
    Task task = checkTask(tfsqCheck(opened));
    assertThat(tasks.getIdentityLinksForTask(task.getId()))
        .extracting(l -> l.getGroupId())
        .contains("tfsq-community-committee");
    assertThat(task.getDueDate().toInstant())
        .as("due when the next working day (after the holiday) begins")
        .isEqualTo(
            ZonedDateTime.of(LocalDateTime.parse("2026-02-24T08:30:00"), Times.BEIJING)
                .toInstant());
  }

  @Test
  @DisplayName("每日排班：工作日上班后开启当天巡查，上班前不开")
  void theDailyRoundOpensTodaysChecksOnceTheDayBegins() {
    Job round =
        management
            .createJobQuery()
            .processDefinitionKey("Process_DailyInspectionRound")
            .singleResult();
    assertThat(round).as("the round's timer").isNotNull();
    beijing("2026-03-03T07:00:00");
    management.executeJob(round.getId());
    assertThat(
            jdbc.sql("select count(*) from daily_check where check_date = '2026-03-03'")
                .query(Long.class)
                .single())
        .isZero();

    beijing("2026-03-03T09:00:00");
    round =
        management
            .createJobQuery()
            .processDefinitionKey("Process_DailyInspectionRound")
            .singleResult();
    management.executeJob(round.getId());
    assertThat(
            jdbc.sql(
                    "select community_code from daily_check where check_date = '2026-03-03' order by 1")
                .query(String.class)
                .list())
        .contains("jdsq", "tfsq")
        .doesNotHaveDuplicates();
  }

  @Test
  @DisplayName("巡查单列出本社区在办案件的时限与承办人；完成巡查记入巡查记录，巡查单结案")
  void checkListsOpenCasesAndCompletionIsRecorded() {
    // 锦都社区, which the other tests leave nearly empty, so the form's list (at most 60 cases) has it
    beijing("2026-03-02T09:00:00");
    String caseNo = report("jdsq", "hxjd");
    List<String> opened = inspections.openFor(LocalDate.parse("2026-03-02"));
    String checkNo = check(opened, "jdsq");
    Task task = checkTask(checkNo);

    String list = (String) tasks.getVariable(task.getId(), "openCasesList");
    assertThat(list)
        .contains(caseNo)
        .contains("诉求响应时限")
        .contains("group:jdsq-grid-worker")
        .doesNotContain("13900004455");
    JsonNode view =
        http().get().uri("/api/daily-checks/" + checkNo).retrieve().body(JsonNode.class);
    JsonNode line = null;
    for (JsonNode c : view.get("openCases")) if (c.get("caseNo").asText().equals(caseNo)) line = c;
    assertThat(line).as("the case in the check's list").isNotNull();
    assertThat(line.get("holders").get(0).asText()).isEqualTo("group:jdsq-grid-worker");
    assertThat(line.get("clocks").get(0).get("clock").asText()).isEqualTo("GRIEVANCE_RESPOND");

    tasks.claim(task.getId(), "committee2");
    tasks.complete(task.getId(), Map.of("checkNote", "各案件均在办理中"));

    var row =
        jdbc.sql(
                "select completed_by, note, completed_at is not null from daily_check where case_no = ?")
            .param(checkNo)
            .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
            .single();
    assertThat(row).containsExactly("committee2", "各案件均在办理中", true);
    assertThat(
            jdbc.sql("select status from case_file where case_no = ?")
                .param(checkNo)
                .query(String.class)
                .single())
        .isEqualTo("DONE");
    assertThat(ledger.allEntriesOf(checkNo))
        .extracting(SlaLedger.Entry::event)
        .containsExactly("STARTED", "MET");
  }

  @Test
  @DisplayName("督促：承办人收到通知、案件日志留痕；重复督促不重复通知；错误输入得到字段提示")
  void urgingNotifiesTheHolderAndWritesTheCaseLog() {
    beijing("2026-03-09T09:00:00");
    String caseNo = report();
    String checkNo = tfsqCheck(inspections.openFor(LocalDate.parse("2026-03-09")));

    var first =
        http()
            .post()
            .uri("/api/daily-checks/" + checkNo + "/urges")
            .contentType(MediaType.APPLICATION_JSON)
            .header("X-Linli-User", "committee1")
            .body(Map.of("caseNo", caseNo, "note", "请今天内联系居民"))
            .exchange(
                (req, res) -> Map.entry(res.getStatusCode().value(), res.bodyTo(JsonNode.class)));
    assertThat(first.getKey()).isEqualTo(201);
    assertThat(first.getValue().get("reached").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(
            jdbc.sql(
                    """
            select recipient from notification_outbox where case_no = ? and event_type = 'URGE'
            and channel = 'EMAIL'""")
                .param(caseNo)
                .query(String.class)
                .list())
        .contains("grid1");
    assertThat(
            jdbc.sql("select note from case_event where case_no = ? and event_type = 'URGED'")
                .param(caseNo)
                .query(String.class)
                .list())
        .containsExactly("请今天内联系居民");

    var again =
        http()
            .post()
            .uri("/api/daily-checks/" + checkNo + "/urges")
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("caseNo", caseNo))
            .exchange(
                (req, res) -> Map.entry(res.getStatusCode().value(), res.bodyTo(JsonNode.class)));
    assertThat(again.getKey()).isEqualTo(200);
    assertThat(again.getValue().get("repeated").asBoolean()).isTrue();
    assertThat(
            jdbc.sql("select count(*) from case_event where case_no = ? and event_type = 'URGED'")
                .param(caseNo)
                .query(Long.class)
                .single())
        .isEqualTo(1);

    for (Map<String, Object> bad :
        List.<Map<String, Object>>of(Map.of(), Map.of("caseNo", "GR-2026-999999"))) {
      var r =
          http()
              .post()
              .uri("/api/daily-checks/" + checkNo + "/urges")
              .contentType(MediaType.APPLICATION_JSON)
              .body(bad)
              .exchange(
                  (req, res) -> Map.entry(res.getStatusCode().value(), res.bodyTo(String.class)));
      assertThat(r.getKey()).as(bad.toString()).isEqualTo(400);
      assertThat(r.getValue()).contains("caseNo");
    }
    var missing =
        http()
            .post()
            .uri("/api/daily-checks/XJ-2026-999999/urges")
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("caseNo", caseNo))
            .exchange((req, res) -> res.getStatusCode().value());
    assertThat(missing).isEqualTo(404);
  }

  @Test
  @DisplayName("当日未完成巡查：次一工作日开始时记为超时，进入台账和督查接口的超时清单")
  void aMissedDayIsALedgerBreachInSupervision() {
    beijing("2026-03-04T08:30:00");
    String checkNo = tfsqCheck(inspections.openFor(LocalDate.parse("2026-03-04")));

    beijing("2026-03-05T08:30:01");
    clock.executeDueJobs(checkNo);
    assertThat(ledger.entriesOf(checkNo))
        .extracting(SlaLedger.Entry::clock, SlaLedger.Entry::event)
        .contains(org.assertj.core.groups.Tuple.tuple("DAILY_INSPECTION_DONE", "BREACHED"));

    JsonNode breaches =
        http()
            .get()
            .uri(
                "/api/supervision/breaches?flow=DAILY_INSPECTION&clock=DAILY_INSPECTION_DONE&community=tfsq")
            .retrieve()
            .body(JsonNode.class);
    assertThat(breaches.get("items").findValuesAsText("caseNo")).contains(checkNo);
    assertThat(breaches.get("items").findValuesAsText("clockLabel")).contains("每日巡查完成时限");

    // the 督办 is done and the late check still completed: the escalation ends, the check is recorded
    clock.superviseAll(checkNo);
    Task late = checkTask(checkNo);
    tasks.claim(late.getId(), "committee1");
    tasks.complete(late.getId());
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(checkNo).count())
        .isZero();
    assertThat(ledger.allEntriesOf(checkNo))
        .extracting(SlaLedger.Entry::event)
        .contains("RESOLVED");
  }
}
