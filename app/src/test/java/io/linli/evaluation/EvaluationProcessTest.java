package io.linli.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linli.CaseClock;
import io.linli.LinliSpringTest;
import io.linli.TestHttp;
import io.linli.sla.SlaLedger;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * Integration tier: the annual evaluation (processes/evaluation.bpmn) and its rectification cases
 * (processes/rectification.bpmn) on the real engine and PostgreSQL, with the demo estate 地铁首座 (33
 * building representatives, quorum 2/3 = 22). Each test evaluates another year, so the evaluations
 * of one estate and company never meet. Time is moved with the engine clock.
 */
@LinliSpringTest
class EvaluationProcessTest {

  @LocalServerPort int port;
  @Autowired CaseClock clock;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired SlaLedger ledger;
  @Autowired JdbcClient jdbc;

  RestClient http;

  @BeforeEach
  void setUp() {
    clock.pin();
    http = TestHttp.client(port);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  @DisplayName("33名代表全部评分：达到法定人数，按权重计算综合得分并公布，无须整改")
  void quorumMet() {
    String no = open(2021);
    assertThat(scoreTasks(no)).hasSize(33);

    for (Task t : scoreTasks(no)) score(t, 4, 4);

    JsonNode d = detail(no);
    assertThat(d.at("/result/state").asText()).isEqualTo("PUBLISHED");
    assertThat(d.at("/result/answered").asInt()).isEqualTo(33);
    assertThat(d.at("/result/quorumMet").asBoolean()).isTrue();
    assertThat(d.at("/result/overall").decimalValue()).isEqualByComparingTo("4.00");
    assertThat(d.at("/result/aspects/0/name").asText()).isEqualTo("公共秩序维护");
    assertThat(d.at("/result/aspects/3/name").asText()).isEqualTo("问题整改");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(no).count())
        .isZero();
    assertThat(ended(no)).contains(EvaluationProcess.END_PUBLISHED);
    assertThat(
            jdbc.sql("select closed_at is not null from case_file where case_no = ?")
                .param(no)
                .query(Boolean.class)
                .single())
        .isTrue();

    // the 公示 lists it without an account
    JsonNode published =
        http.get()
            .uri("/api/evaluations/published?communityCode=tfsq&year=2021")
            .retrieve()
            .body(JsonNode.class);
    assertThat(published).anySatisfy(r -> assertThat(r.get("evaluationNo").asText()).isEqualTo(no));
  }

  @Test
  @DisplayName("评分截止时只有21/33名代表评分：未达三分之二法定人数，不出结果")
  void quorumMissed() {
    String no = open(2022);
    List<Task> open = scoreTasks(no);
    for (Task t : open.subList(0, 21)) score(t, 5, 5);

    // the scoring closes 21 days after opening (after the reminder and the 督办)
    clock.advance(Duration.ofDays(21).plusSeconds(1));
    clock.executeDueJobs(no);

    JsonNode d = detail(no);
    assertThat(d.at("/result/state").asText()).isEqualTo("NO_QUORUM");
    assertThat(d.at("/result/answered").asInt()).isEqualTo(21);
    assertThat(d.at("/result/quorumMet").asBoolean()).isFalse();
    assertThat(d.at("/result/overall").isNull()).isTrue();
    assertThat(scoreTasks(no)).isEmpty();
    assertThat(ended(no)).contains(EvaluationProcess.END_NO_QUORUM);
    JsonNode published =
        http.get()
            .uri("/api/evaluations/published?communityCode=tfsq&year=2022")
            .retrieve()
            .body(JsonNode.class);
    assertThat(published)
        .noneSatisfy(r -> assertThat(r.get("evaluationNo").asText()).isEqualTo(no));

    // 社区党委 may hold the year's evaluation again: a new case, a new roll
    String again = open(2022);
    assertThat(again).isNotEqualTo(no);
    assertThat(scoreTasks(again)).hasSize(33);
  }

  @Test
  @DisplayName("第10天提醒未评分代表，第14天评分超时：未评分代表提请社区党委督办并记入台账")
  void nonRespondersEscalated() {
    java.time.Instant opened = clock.now();
    String no = open(2023);
    List<Task> open = scoreTasks(no);
    for (Task t : open.subList(0, 30)) score(t, 4, 4);
    List<String> silent = scoreTasks(no).stream().map(Task::getAssignee).sorted().toList();
    assertThat(silent).hasSize(3);

    // 提醒: day 10
    clock.advance(Duration.ofDays(10).plusSeconds(1));
    clock.executeDueJobs(no);
    assertThat(scoreTasks(no))
        .allSatisfy(
            t -> {
              assertThat(t.getPriority()).isEqualTo(RemindRepresentatives.REMINDED_PRIORITY);
              assertThat(t.getDescription()).startsWith("提醒：");
            });
    assertThat(events(no)).contains("REMINDED");
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceBusinessKey(no)
                .taskDefinitionKey("Task_SuperviseCommunity")
                .count())
        .isZero();

    // 督办: day 14
    clock.advance(Duration.ofDays(4));
    clock.executeDueJobs(no);
    Task supervise =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(no)
            .taskDefinitionKey("Task_SuperviseCommunity")
            .singleResult();
    assertThat(supervise).isNotNull();
    assertThat(tasks.getIdentityLinksForTask(supervise.getId()))
        .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("tfsq-community-committee"));
    String summary = (String) runtime.getVariable(supervise.getExecutionId(), "summary");
    assertThat(summary).contains("3/33名楼栋代表未评分").contains(silent.toArray(String[]::new));
    assertThat(runtime.getVariable(supervise.getExecutionId(), "clockLabel")).isEqualTo("楼栋代表评分时限");
    assertThat(ledger.allEntriesOf(no))
        .anySatisfy(
            e -> {
              assertThat(e.clock()).isEqualTo(EvaluationFlow.CLOCK_SCORING);
              assertThat(e.event()).isEqualTo("BREACHED");
            });
    assertThat(ledger.allEntriesOf(no))
        .anySatisfy(
            e -> {
              assertThat(e.clock()).isEqualTo(EvaluationFlow.CLOCK_SCORING);
              assertThat(e.event()).isEqualTo("STARTED");
              assertThat(e.dueAt()).isEqualTo(opened.plus(Duration.ofDays(14)));
            });
    assertThat(events(no)).contains("NON_RESPONDERS", "ESCALATED");

    // a late answer still counts; the evaluation goes on to its tally when all have answered
    for (Task t : scoreTasks(no)) score(t, 4, 4);
    assertThat(detail(no).at("/result/state").asText()).isEqualTo("PUBLISHED");
    assertThat(detail(no).at("/result/answered").asInt()).isEqualTo(33);
    clock.superviseAll(no);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(no).count())
        .isZero();
    assertThat(ended(no))
        .contains(EvaluationProcess.END_SCORING_ESCALATED, EvaluationProcess.END_PUBLISHED);
  }

  @Test
  @DisplayName("公共秩序维护均分2分：物业须答复整改方案，方案立为整改事项并按承诺时限督办")
  void rectificationCase() {
    String no = open(2024);
    List<Task> open = scoreTasks(no);
    for (Task t : open.subList(0, 22)) score(t, 2, 4); // aspect 1 at 2, the other eleven at 4
    clock.advance(Duration.ofDays(21).plusSeconds(1));
    clock.executeDueJobs(no);

    JsonNode d = detail(no);
    assertThat(d.at("/result/state").asText()).isEqualTo("ANSWERING");
    // (2 × 10 + 4 × 90) / 100, the weights of the default aspects
    assertThat(d.at("/result/overall").decimalValue()).isEqualByComparingTo(new BigDecimal("3.80"));
    assertThat(d.at("/result/aspects/0/rectify").asBoolean()).isTrue();
    assertThat(d.at("/result/aspects/1/rectify").asBoolean()).isFalse();
    Task answer =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(no)
            .taskDefinitionKey(EvaluationProcess.TASK_ANSWER)
            .singleResult();
    assertThat(answer).isNotNull();
    assertThat(tasks.getIdentityLinksForTask(answer.getId()))
        .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("tfsq-property-staff"));

    // the answer is late: 督办 to 社区党委 under the answer clock
    clock.advance(Duration.ofDays(15).plusSeconds(1));
    clock.executeDueJobs(no);
    assertThat(ledger.allEntriesOf(no))
        .anySatisfy(
            e -> {
              assertThat(e.clock()).isEqualTo(EvaluationFlow.CLOCK_ANSWER);
              assertThat(e.event()).isEqualTo("BREACHED");
            });
    clock.superviseAll(no);

    // a missing plan and a deadline beyond 90 days are refused field by field
    var bad =
        http.post()
            .uri("/api/evaluations/" + no + "/rectification-plans")
            .header("X-Linli-User", "property1")
            .body(Map.of("plans", List.of(Map.of("aspect", 2, "plan", "无关方面", "days", 10))))
            .retrieve()
            .toEntity(JsonNode.class);
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat(bad.getBody().get("errors").get(0).get("field").asText()).isEqualTo("plans[01]");
    assertThat(bad.getBody().get("errors").get(0).get("message").asText()).contains("公共秩序维护");
    var tooLong =
        http.post()
            .uri("/api/evaluations/" + no + "/rectification-plans")
            .header("X-Linli-User", "property1")
            .body(Map.of("plans", List.of(Map.of("aspect", 1, "plan", "增加夜间巡逻", "days", 200))))
            .retrieve()
            .toEntity(JsonNode.class);
    assertThat(tooLong.getStatusCode().value()).isEqualTo(400);
    assertThat(tooLong.getBody().get("errors").get(0).get("message").asText()).contains("1至90天");

    var ok =
        http.post()
            .uri("/api/evaluations/" + no + "/rectification-plans")
            .header("X-Linli-User", "property1")
            .body(
                Map.of(
                    "plans", List.of(Map.of("aspect", 1, "plan", "增加夜间巡逻，门岗24小时值守", "days", 20))))
            .retrieve()
            .toEntity(JsonNode.class);
    assertThat(ok.getStatusCode().value()).as(String.valueOf(ok.getBody())).isEqualTo(200);
    JsonNode rect = ok.getBody().at("/rectifications/0");
    String zg = rect.get("rectificationNo").asText();
    assertThat(zg).startsWith("ZG-");
    assertThat(ok.getBody().at("/rectifications").size()).isEqualTo(1);
    assertThat(ok.getBody().at("/result/state").asText()).isEqualTo("CLOSED");
    assertThat(ended(no))
        .contains(EvaluationProcess.END_ANSWERED, EvaluationProcess.END_ANSWER_ESCALATED);

    // the rectification is a case of its own on the committed deadline
    Task rectify =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(zg)
            .taskDefinitionKey(RectificationProcess.TASK_RECTIFY)
            .singleResult();
    assertThat(rectify.getDueDate().toInstant()).isEqualTo(clock.now().plus(Duration.ofDays(20)));
    assertThat(
            jdbc.sql("select flow || ':' || origin_case_no from case_file where case_no = ?")
                .param(zg)
                .query(String.class)
                .single())
        .isEqualTo("RECTIFICATION:" + no);
    assertThat(ledger.allEntriesOf(zg))
        .anySatisfy(
            e -> {
              assertThat(e.clock()).isEqualTo(RectificationFlow.CLOCK);
              assertThat(e.event()).isEqualTo("STARTED");
            });

    // late: 督办; then done
    clock.advance(Duration.ofDays(20).plusSeconds(1));
    clock.executeDueJobs(zg);
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceBusinessKey(zg)
                .taskDefinitionKey("Task_SuperviseCommunity")
                .count())
        .isEqualTo(1);
    tasks.complete(rectify.getId(), new HashMap<>(Map.of("rectificationResult", "已增设夜间巡逻岗")));
    assertThat(
            jdbc.sql("select state from rectification where rectification_no = ?")
                .param(zg)
                .query(String.class)
                .single())
        .isEqualTo("DONE");
    assertThat(
            jdbc.sql("select status from case_file where case_no = ?")
                .param(zg)
                .query(String.class)
                .single())
        .isEqualTo("DONE");
    clock.superviseAll(zg);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(zg).count())
        .isZero();
  }

  @Test
  @DisplayName("重复发起同一小区、物业和年度的考评，返回已有考评；评分不能重复提交")
  void openingIsIdempotent() {
    String no = open(2020);
    var again =
        http.post()
            .uri("/api/evaluations")
            .header("X-Linli-User", "committee1")
            .body(Map.of("communityCode", "tfsq", "estateCode", "dtsz", "year", 2020))
            .retrieve()
            .toEntity(JsonNode.class);
    assertThat(again.getStatusCode().value()).isEqualTo(200);
    assertThat(again.getBody().get("evaluationNo").asText()).isEqualTo(no);
    var future =
        http.post()
            .uri("/api/evaluations")
            .header("X-Linli-User", "committee1")
            .body(Map.of("communityCode", "tfsq", "estateCode", "dtsz", "year", 2999))
            .retrieve()
            .toEntity(JsonNode.class);
    assertThat(future.getStatusCode().value()).isEqualTo(400);
    assertThat(future.getBody().get("errors").get(0).get("field").asText()).isEqualTo("year");

    // the street committee opens the year for every estate of 天府街道 at once: the estates without
    // a roster are named, the one already open is answered as it is
    var street =
        http.post()
            .uri("/api/evaluations/street-openings")
            .header("X-Linli-User", "street1")
            .body(Map.of("streetCode", "tianfu", "year", 2020))
            .retrieve()
            .toEntity(JsonNode.class);
    assertThat(street.getStatusCode().value()).as(String.valueOf(street.getBody())).isEqualTo(200);
    assertThat(street.getBody().get("opened"))
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.get("evaluationNo").asText()).isEqualTo(no);
              assertThat(o.get("created").asBoolean()).isFalse();
            });
    assertThat(street.getBody().get("skipped"))
        .anySatisfy(
            k -> {
              assertThat(k.get("estateCode").asText()).isEqualTo("hxjd");
              assertThat(k.get("reason").asText()).isEqualTo("没有楼栋代表名册");
            });

    Task t = scoreTasks(no).get(0);
    Map<String, Object> bad = scores(2, 4);
    bad.put("score05", "6");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> tasks.complete(t.getId(), bad))
        .hasMessageContaining("1–5分");
    assertThat(
            jdbc.sql(
                    "select count(*) from evaluation_score s join evaluation v on v.id = s.evaluation_id where v.evaluation_no = ?")
                .param(no)
                .query(Long.class)
                .single())
        .isZero();
  }

  // --- helpers

  private String open(int year) {
    var r =
        http.post()
            .uri("/api/evaluations")
            .header("X-Linli-User", "committee1")
            .body(Map.of("communityCode", "tfsq", "estateCode", "dtsz", "year", year))
            .retrieve()
            .toEntity(JsonNode.class);
    assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
    assertThat(r.getBody().get("eligible").asInt()).isEqualTo(33);
    return r.getBody().get("evaluationNo").asText();
  }

  private List<Task> scoreTasks(String no) {
    return tasks
        .createTaskQuery()
        .processInstanceBusinessKey(no)
        .taskDefinitionKey(EvaluationProcess.TASK_SCORE)
        .orderByTaskAssignee()
        .asc()
        .list();
  }

  private static Map<String, Object> scores(int first, int others) {
    Map<String, Object> v = new HashMap<>();
    for (int n = 1; n <= 12; n++)
      v.put(String.format("score%02d", n), String.valueOf(n == 1 ? first : others));
    v.put("comment01", "门岗夜间无人");
    return v;
  }

  private void score(Task t, int first, int others) {
    tasks.complete(t.getId(), scores(first, others));
  }

  private JsonNode detail(String no) {
    var r = http.get().uri("/api/evaluations/" + no).retrieve().toEntity(JsonNode.class);
    assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
    return r.getBody();
  }

  private List<String> ended(String no) {
    return history.createHistoricActivityInstanceQuery().finished().list().stream()
        .filter(a -> a.getProcessDefinitionKey().equals(EvaluationProcess.KEY))
        .filter(
            a ->
                no.equals(
                    history
                        .createHistoricProcessInstanceQuery()
                        .processInstanceId(a.getProcessInstanceId())
                        .singleResult()
                        .getBusinessKey()))
        .map(a -> a.getActivityId())
        .toList();
  }

  private List<String> events(String no) {
    return jdbc.sql("select event_type from case_event where case_no = ? order by id")
        .param(no)
        .query(String.class)
        .list();
  }
}
