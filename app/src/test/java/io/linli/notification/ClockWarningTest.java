package io.linli.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linli.CaseClock;
import io.linli.LinliSpringTest;
import io.linli.TestHttp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Integration tier (PostgreSQL, engine): 临期预警. A clock's holder is warned once, at the share of the
 * clock's length the policy gives (75% by default), the assignee when the task is claimed, else
 * every member of its candidate groups; a clock that stopped first warns nobody; Tasklist's 即将超时
 * filter lists a task from its warning time on. Time is moved with ClockUtil; the warning pass is
 * run by the test (the scheduler may run one too: a claimed row is skipped, never sent twice).
 */
@LinliSpringTest
class ClockWarningTest {

  @LocalServerPort int port;
  @Autowired CaseClock clock;
  @Autowired ClockWarningDispatcher warnings;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired FilterService filters;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void secondGridWorker() {
    // a second member of the estate's grid-worker group, so that "every member" means two
    if (identity.createUserQuery().userId("grid1b").count() == 0) {
      User u = identity.newUser("grid1b");
      u.setFirstName("王晓东");
      u.setLastName("网格员");
      u.setEmail("grid1b@demo.linli.invalid");
      identity.saveUser(u);
      identity.createMembership("grid1b", "tfsq-grid-worker");
    }
  }

  @AfterEach
  void resetClock() {
    identity.clearAuthentication();
    ClockUtil.reset();
  }

  String report() {
    JsonNode body =
        TestHttp.client(port)
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
                    "b5",
                    "category",
                    "FACILITY",
                    "description",
                    "5栋楼道灯不亮",
                    "contactPhone",
                    "13900002233",
                    "channel",
                    "WEB"))
            .retrieve()
            .body(JsonNode.class);
    return body.get("caseNo").asText();
  }

  Task task(String caseNo, String key) {
    return tasks
        .createTaskQuery()
        .processInstanceBusinessKey(caseNo)
        .taskDefinitionKey(key)
        .singleResult();
  }

  record Warning(String clock, String status, Instant warnAt, Instant dueAt, Integer recipients) {}

  Warning warning(String caseNo, String clockId) {
    return jdbc.sql(
            """
            select clock, status, warn_at, due_at, recipients from sla_warning
            where case_no = ? and clock = ? and level = 0""")
        .params(caseNo, clockId)
        .query(
            (rs, n) ->
                new Warning(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getTimestamp(3).toInstant(),
                    rs.getTimestamp(4).toInstant(),
                    (Integer) rs.getObject(5)))
        .single();
  }

  List<String> warnedUsers(String caseNo) {
    return jdbc.sql(
            """
            select recipient from notification_outbox
            where case_no = ? and event_type = 'SLA_WARNING' and channel = 'EMAIL' order by recipient""")
        .param(caseNo)
        .query(String.class)
        .list();
  }

  /**
   * Runs warning passes until the case's clock warning left PENDING (a scheduler pass may hold it).
   */
  void warnUntilDone(String caseNo, String clockId) throws InterruptedException {
    for (int i = 0; i < 100 && "PENDING".equals(warning(caseNo, clockId).status()); i++) {
      warnings.warnDue();
      if ("PENDING".equals(warning(caseNo, clockId).status())) Thread.sleep(50);
    }
  }

  @Test
  @DisplayName("未认领的任务：在时限的75%时向候选组每位成员预警一次，此前不预警，重复执行不重复预警")
  void unclaimedTaskWarnsEveryGroupMemberOnceAtThreeQuarters() throws Exception {
    clock.pin();
    Instant start = clock.now();
    String caseNo = report();
    Task triage = task(caseNo, "Task_Triage");
    Instant due = triage.getDueDate().toInstant();
    Instant warnAt = start.plusMillis(Duration.between(start, due).toMillis() * 3 / 4);

    Warning w = warning(caseNo, "GRIEVANCE_RESPOND");
    assertThat(w.status()).isEqualTo("PENDING");
    assertThat(w.warnAt()).isEqualTo(warnAt);
    assertThat(w.dueAt()).isEqualTo(due);
    assertThat(triage.getFollowUpDate().toInstant())
        .as("the task carries its warning time")
        .isEqualTo(warnAt);

    // a second before: nothing
    clock.at(warnAt.minusSeconds(1));
    warnings.warnDue();
    assertThat(warning(caseNo, "GRIEVANCE_RESPOND").status()).isEqualTo("PENDING");
    assertThat(warnedUsers(caseNo)).isEmpty();

    // at the warning time: every member of tfsq-grid-worker, once
    clock.at(warnAt);
    warnUntilDone(caseNo, "GRIEVANCE_RESPOND");
    assertThat(warning(caseNo, "GRIEVANCE_RESPOND").status()).isEqualTo("SENT");
    List<String> members =
        identity.createUserQuery().memberOfGroup("tfsq-grid-worker").list().stream()
            .map(User::getId)
            .sorted()
            .toList();
    assertThat(members).contains("grid1", "grid1b");
    assertThat(warnedUsers(caseNo)).containsExactlyElementsOf(members);
    String body =
        jdbc.sql(
                """
            select body from notification_outbox where case_no = ? and event_type = 'SLA_WARNING'
            and recipient = 'grid1'""")
            .param(caseNo)
            .query(String.class)
            .single();
    assertThat(body)
        .contains(caseNo)
        .contains("分流定级")
        .contains("请及时处理")
        .doesNotContain("13900002233");

    clock.advance(Duration.ofMinutes(30));
    warnings.warnDue();
    assertThat(warnedUsers(caseNo)).hasSize(members.size());
  }

  @Test
  @DisplayName("已认领的任务：只向承办人预警")
  void claimedTaskWarnsTheAssigneeOnly() throws Exception {
    clock.pin();
    String caseNo = report();
    Task triage = task(caseNo, "Task_Triage");
    tasks.claim(triage.getId(), "grid1b");
    clock.at(warning(caseNo, "GRIEVANCE_RESPOND").warnAt());
    warnUntilDone(caseNo, "GRIEVANCE_RESPOND");
    assertThat(warnedUsers(caseNo)).containsExactly("grid1b");
    assertThat(warning(caseNo, "GRIEVANCE_RESPOND").recipients()).isEqualTo(1);
  }

  @Test
  @DisplayName("时限已停止（任务办完）：不再预警；下一时限另有自己的预警时间")
  void stoppedClockWarnsNobody() throws Exception {
    clock.pin();
    String caseNo = report();
    Task triage = task(caseNo, "Task_Triage");
    tasks.claim(triage.getId(), "grid1");
    tasks.complete(
        triage.getId(), Map.of("category", "FACILITY", "tier", "MEDIUM", "triageNote", "灯坏"));
    Task respond = task(caseNo, "Task_Respond");
    tasks.claim(respond.getId(), "property1");
    tasks.complete(respond.getId(), Map.of("responseNote", "已联系居民", "feedbackMethod", "PHONE"));
    Warning respondWarning = warning(caseNo, "GRIEVANCE_RESPOND");
    Warning resolveWarning = warning(caseNo, "GRIEVANCE_RESOLVE");

    clock.at(respondWarning.warnAt().plusSeconds(1));
    warnUntilDone(caseNo, "GRIEVANCE_RESPOND");
    assertThat(warning(caseNo, "GRIEVANCE_RESPOND").status()).isEqualTo("STOPPED");
    assertThat(warnedUsers(caseNo)).isEmpty();
    assertThat(resolveWarning.status()).isEqualTo("PENDING");
    assertThat(resolveWarning.warnAt()).isAfter(respondWarning.warnAt());
  }

  @Test
  @DisplayName("即将超时过滤器：到了任务自己的预警时间才列出，到期后不再列出")
  void dueSoonFilterUsesEachClocksWarningTime() {
    clock.pin();
    String caseNo = report();
    Task triage = task(caseNo, "Task_Triage");
    Instant warnAt = triage.getFollowUpDate().toInstant();
    Filter dueSoon = filters.createFilterQuery().filterName("即将超时").singleResult();
    identity.setAuthentication("grid1", List.of("tfsq-grid-worker", "grid-worker"));

    clock.at(warnAt.minusSeconds(60));
    assertThat(ids(dueSoon)).doesNotContain(triage.getId());
    clock.at(warnAt.plusSeconds(60));
    assertThat(ids(dueSoon)).contains(triage.getId());
    clock.at(triage.getDueDate().toInstant().plusSeconds(60));
    assertThat(ids(dueSoon)).doesNotContain(triage.getId());
  }

  List<String> ids(Filter f) {
    return filters.<Task>listPage(f.getId(), 0, 1000).stream().map(Task::getId).toList();
  }
}
