package io.linli.finance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linli.LinliSpringTest;
import io.linli.TestHttp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * Integration tier: 双晒 收支 entry on the real app. Bad amounts come back field by field; an entry
 * reaches the 双晒 report only once 社区党委 approved it; a correction is a new entry that replaces the
 * published figures when approved, and a sent-back one changes nothing. Each test uses its own
 * estate and quarter of 2025, which the demo books leave empty.
 */
@LinliSpringTest
class FinanceEntryTest {

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired org.camunda.bpm.engine.FormService forms;
  @Autowired org.camunda.bpm.engine.RepositoryService repository;

  RestClient http;

  @BeforeEach
  void setUp() {
    http = TestHttp.client(port);
  }

  @Test
  @DisplayName("收支金额为负、实缴户数多于应缴、月份不在季度内、金额带小数：逐字段退回")
  void badAmountsRejected() {
    Map<String, Object> fee =
        new HashMap<>(
            Map.of(
                "month",
                "2025-04",
                "householdsBilled",
                100,
                "householdsPaid",
                120,
                "billedFen",
                1_500_000,
                "collectedFen",
                -1));
    Map<String, Object> expense =
        Map.of("month", "2025-09", "category", "CLEANING", "amountFen", 100_000_000_000_001L);
    var r = submit("tfsq", "dfhy", "2025-Q1", null, List.of(fee), List.of(expense));
    assertThat(r.getStatusCode().value()).isEqualTo(400);
    Map<String, String> f = fields(r.getBody());
    assertThat(f)
        .containsEntry("fees[0].collectedFen", "实收物业费不能为负数")
        .containsEntry("fees[0].householdsPaid", "实缴户数不能多于应缴户数")
        .containsEntry("fees[0].month", "月份须在2025年第一季度内")
        .containsEntry("expenses[0].month", "月份须在2025年第一季度内")
        .containsEntry("expenses[0].amountFen", "支出金额超出范围（最多10亿元）");

    // fen are whole numbers: 12.5 is refused, not rounded
    var fraction =
        http.post()
            .uri("/api/estate-finance")
            .header("X-Linli-User", "property1")
            .contentType(MediaType.APPLICATION_JSON)
            .body(
                "{\"communityCode\":\"tfsq\",\"estateCode\":\"dfhy\",\"quarter\":\"2025-Q1\","
                    + "\"expenses\":[{\"month\":\"2025-01\",\"category\":\"CLEANING\",\"amountFen\":12.5}]}")
            .retrieve()
            .toEntity(JsonNode.class);
    assertThat(fraction.getStatusCode().value()).isEqualTo(400);

    var empty = submit("tfsq", "dfhy", "2025-Q1", null, List.of(), List.of());
    assertThat(fields(empty.getBody())).containsKey("fees");
    var quarter = submit("tfsq", "dfhy", "2025-Q5", null, List.of(), List.of());
    assertThat(fields(quarter.getBody())).containsKey("quarter");
  }

  @Test
  @DisplayName("收支经社区党委审核通过后才进入双晒收支季报；重复提交不重复")
  void publishedOnlyAfterApproval() {
    var r =
        submit(
            "tfsq",
            "dtsz",
            "2025-Q3",
            null,
            fees("2025-07", 10_000_000),
            expenses("2025-07", 3_000_000));
    assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
    String no = r.getBody().get("entryNo").asText();
    assertThat(r.getBody().get("state").asText()).isEqualTo("SUBMITTED");
    var again =
        submit(
            "tfsq",
            "dtsz",
            "2025-Q3",
            null,
            fees("2025-07", 10_000_000),
            expenses("2025-07", 3_000_000));
    assertThat(again.getStatusCode().value()).isEqualTo(200);
    assertThat(again.getBody().get("entryNo").asText()).isEqualTo(no);

    assertThat(report("dtsz", "2025-Q3").at("/finance/collectedFen").asLong()).isZero();
    assertThat(report("dtsz", "2025-Q3").at("/finance/expenseFen").asLong()).isZero();

    Task approve = tasks.createTaskQuery().processInstanceBusinessKey(no).singleResult();
    assertThat(approve.getTaskDefinitionKey()).isEqualTo("Task_ApproveFinance");
    assertThat(tasks.getIdentityLinksForTask(approve.getId()))
        .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("tfsq-community-committee"));

    var decided =
        http.post()
            .uri("/api/estate-finance/" + no + "/decision")
            .header("X-Linli-User", "committee1")
            .body(Map.of("approved", true))
            .retrieve()
            .toEntity(JsonNode.class);
    assertThat(decided.getStatusCode().value())
        .as(String.valueOf(decided.getBody()))
        .isEqualTo(200);
    assertThat(decided.getBody().get("state").asText()).isEqualTo("APPROVED");
    JsonNode finance = report("dtsz", "2025-Q3").get("finance");
    assertThat(finance.get("collectedFen").asLong()).isEqualTo(10_000_000L);
    assertThat(finance.get("expenseFen").asLong()).isEqualTo(3_000_000L);
    assertThat(finance.get("fees")).hasSize(3);
  }

  @Test
  @DisplayName("更正是新的收支：退回的更正不改变已公布数，通过的更正替换已公布数，两条都留档")
  void correctionsAreNewEntries() {
    String first =
        submit(
                "tfsq",
                "dfhy",
                "2025-Q2",
                null,
                fees("2025-04", 2_000_000),
                expenses("2025-04", 500_000))
            .getBody()
            .get("entryNo")
            .asText();
    decideInTasklist(first, "true", null);
    assertThat(report("dfhy", "2025-Q2").at("/finance/collectedFen").asLong())
        .isEqualTo(2_000_000L);

    // a second entry for a published quarter must say which entry it corrects
    var plain =
        submit(
            "tfsq",
            "dfhy",
            "2025-Q2",
            null,
            fees("2025-04", 2_100_000),
            expenses("2025-04", 500_000));
    assertThat(plain.getStatusCode().value()).isEqualTo(400);
    assertThat(fields(plain.getBody())).containsKey("correctsEntryNo");

    var sentBack =
        submit(
            "tfsq",
            "dfhy",
            "2025-Q2",
            first,
            fees("2025-04", 9_900_000),
            expenses("2025-04", 500_000));
    assertThat(sentBack.getStatusCode().value()).isEqualTo(201);
    String wrong = sentBack.getBody().get("entryNo").asText();
    Task t = tasks.createTaskQuery().processInstanceBusinessKey(wrong).singleResult();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> tasks.complete(t.getId(), new HashMap<>(Map.of("approved", "false"))))
        .hasMessageContaining("理由");
    decideInTasklist(wrong, "false", "五月实收与票据不符");
    assertThat(report("dfhy", "2025-Q2").at("/finance/collectedFen").asLong())
        .isEqualTo(2_000_000L);

    String corrected =
        submit(
                "tfsq",
                "dfhy",
                "2025-Q2",
                first,
                fees("2025-04", 2_100_000),
                expenses("2025-05", 600_000))
            .getBody()
            .get("entryNo")
            .asText();
    decideInTasklist(corrected, "true", null);
    assertThat(report("dfhy", "2025-Q2").at("/finance/collectedFen").asLong())
        .isEqualTo(2_100_000L);
    assertThat(report("dfhy", "2025-Q2").at("/finance/expenseFen").asLong()).isEqualTo(600_000L);

    JsonNode list =
        http.get()
            .uri("/api/estate-finance?communityCode=tfsq&estateCode=dfhy&quarter=2025-Q2")
            .retrieve()
            .body(JsonNode.class);
    assertThat(list)
        .extracting(n -> n.get("entryNo").asText() + ":" + n.get("state").asText())
        .containsExactly(corrected + ":APPROVED", wrong + ":REJECTED", first + ":APPROVED");
    assertThat(list.get(0).get("correctsEntryNo").asText()).isEqualTo(first);
  }

  @Test
  @DisplayName("物业在 Tasklist 用开始表单按元填报：超过两位小数退回且不留记录；提交后待社区党委审核")
  void startFormInTasklist() {
    String definition =
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKey("Process_FinanceApproval")
            .latestVersion()
            .singleResult()
            .getId();
    Map<String, Object> form =
        new HashMap<>(
            Map.of(
                "communityCode",
                "tfsq",
                "estateCode",
                "wjaz",
                "quarter",
                "2025-Q4",
                "m1HouseholdsBilled",
                260L,
                "m1HouseholdsPaid",
                221L,
                "m1BilledYuan",
                7800.0,
                "m1CollectedYuan",
                6630.5,
                "expenseCLEANING",
                994.505));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> forms.submitStartForm(definition, form))
        .hasMessageContaining("两位小数");
    assertThat(
            http.get()
                .uri("/api/estate-finance?communityCode=tfsq&estateCode=wjaz&quarter=2025-Q4")
                .retrieve()
                .body(JsonNode.class))
        .isEmpty();

    form.put("expenseCLEANING", 994.5);
    var pi = forms.submitStartForm(definition, form);
    String no = pi.getBusinessKey();
    assertThat(no).startsWith("SZ-2025-");
    JsonNode entry = http.get().uri("/api/estate-finance/" + no).retrieve().body(JsonNode.class);
    assertThat(entry.get("state").asText()).isEqualTo("SUBMITTED");
    assertThat(entry.at("/fees/0/month").asText()).isEqualTo("2025-10");
    assertThat(entry.at("/fees/0/collectedFen").asLong()).isEqualTo(663_050L);
    assertThat(entry.at("/expenses/0/amountFen").asLong()).isEqualTo(99_450L);
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceBusinessKey(no)
                .taskDefinitionKey("Task_ApproveFinance")
                .count())
        .isEqualTo(1);
    // the same form again: refused, naming the entry already made
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> forms.submitStartForm(definition, form))
        .hasMessageContaining(no);
  }

  // --- helpers

  private ResponseEntity<JsonNode> submit(
      String community,
      String estate,
      String quarter,
      String corrects,
      List<?> fees,
      List<?> expenses) {
    Map<String, Object> body =
        new HashMap<>(
            Map.of(
                "communityCode",
                community,
                "estateCode",
                estate,
                "quarter",
                quarter,
                "fees",
                fees,
                "expenses",
                expenses));
    if (corrects != null) body.put("correctsEntryNo", corrects);
    return http.post()
        .uri("/api/estate-finance")
        .header("X-Linli-User", "property1")
        .body(body)
        .retrieve()
        .toEntity(JsonNode.class);
  }

  /**
   * Three months from {@code first}, the first month collecting {@code collectedFen}, the others
   * nothing.
   */
  private static List<Map<String, Object>> fees(String first, long collectedFen) {
    java.time.YearMonth m = java.time.YearMonth.parse(first);
    return List.of(
        Map.of(
            "month",
            m.toString(),
            "householdsBilled",
            100,
            "householdsPaid",
            90,
            "billedFen",
            collectedFen,
            "collectedFen",
            collectedFen),
        Map.of(
            "month",
            m.plusMonths(1).toString(),
            "householdsBilled",
            100,
            "householdsPaid",
            0,
            "billedFen",
            0,
            "collectedFen",
            0),
        Map.of(
            "month",
            m.plusMonths(2).toString(),
            "householdsBilled",
            100,
            "householdsPaid",
            0,
            "billedFen",
            0,
            "collectedFen",
            0));
  }

  private static List<Map<String, Object>> expenses(String month, long cleaningFen) {
    return List.of(Map.of("month", month, "category", "CLEANING", "amountFen", cleaningFen));
  }

  private void decideInTasklist(String entryNo, String approved, String reason) {
    Task t = tasks.createTaskQuery().processInstanceBusinessKey(entryNo).singleResult();
    tasks.claim(t.getId(), "committee1");
    Map<String, Object> v = new HashMap<>();
    v.put("approved", approved);
    v.put("decisionReason", reason);
    tasks.complete(t.getId(), v);
  }

  private JsonNode report(String estate, String quarter) {
    var r =
        http.get()
            .uri("/api/supervision/reports/" + estate + "/" + quarter)
            .retrieve()
            .toEntity(JsonNode.class);
    assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
    return r.getBody();
  }

  private static Map<String, String> fields(JsonNode problem) {
    Map<String, String> out = new HashMap<>();
    problem.get("errors").forEach(e -> out.put(e.get("field").asText(), e.get("message").asText()));
    return out;
  }
}
