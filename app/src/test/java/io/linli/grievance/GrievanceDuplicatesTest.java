package io.linli.grievance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linli.LinliSpringTest;
import io.linli.TestHttp;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/**
 * Integration tier: duplicate suggestion at 分流定级 — similar open cases of the same building and
 * category are listed (API and the triage form's variable); a different problem, another building
 * or another category are not.
 */
@LinliSpringTest
class GrievanceDuplicatesTest {

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;

  String report(String building, String category, String text) {
    return TestHttp.client(port)
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
                building,
                "category",
                category,
                "description",
                text))
        .retrieve()
        .body(JsonNode.class)
        .get("caseNo")
        .asText();
  }

  @Test
  @DisplayName("分流时列出同楼栋、同类别、近期未办结且内容相似的诉求；不同问题、其他楼栋、其他类别不列")
  void similarOpenCasesOfTheBuilding() {
    String original = report("b7", "FACILITY", "7栋1单元电梯停运，有老人上不了楼，请尽快维修电梯");
    String otherProblem = report("b7", "FACILITY", "7栋楼道感应灯不亮，晚上看不见台阶");
    String otherBuilding = report("b3", "FACILITY", "7栋1单元电梯停运，请尽快维修电梯");
    String otherCategory = report("b7", "SECURITY", "7栋1单元电梯停运，请尽快维修电梯");
    String duplicate = report("b7", "FACILITY", "7栋1单元电梯又停运了，请物业尽快维修");

    JsonNode found =
        TestHttp.client(port)
            .get()
            .uri("/api/grievances/{c}/duplicates", duplicate)
            .retrieve()
            .body(JsonNode.class);

    List<String> numbers = found.findValuesAsText("caseNo");
    assertThat(numbers)
        .contains(original)
        .doesNotContain(otherProblem, otherBuilding, otherCategory, duplicate);
    assertThat(found.get(numbers.indexOf(original)).get("similarity").asDouble())
        .isGreaterThanOrEqualTo(0.3);
    String label =
        (String)
            runtime.getVariable(
                tasks
                    .createTaskQuery()
                    .processInstanceBusinessKey(duplicate)
                    .singleResult()
                    .getProcessInstanceId(),
                GrievanceDuplicates.LABEL);
    assertThat(label).contains(original).doesNotContain(otherProblem);
    String none =
        (String)
            runtime.getVariable(
                tasks
                    .createTaskQuery()
                    .processInstanceBusinessKey(otherProblem)
                    .singleResult()
                    .getProcessInstanceId(),
                GrievanceDuplicates.LABEL);
    assertThat(none).doesNotContain(original);
  }

  @Autowired GrievanceScenario scenario;
  @Autowired org.camunda.bpm.engine.HistoryService history;
  @Autowired org.camunda.bpm.engine.ManagementService management;
  @Autowired io.linli.caselog.CaseLog caseLog;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  int merge(String caseNo, String user, Map<String, Object> body) {
    return TestHttp.client(port)
        .post()
        .uri("/api/grievances/{c}/merge", caseNo)
        .header("X-Linli-User", user)
        .contentType(MediaType.APPLICATION_JSON)
        .body(body)
        .exchange((req, res) -> res.getStatusCode().value());
  }

  @Test
  @DisplayName("合并：分流时把重复诉求并入原诉求；重复诉求结束（已合并办理，分流时限随之停止），其居民收到原诉求的进展")
  void mergeFollowsTheOriginal() {
    String original = report("b7", "WATER_POWER", "7栋3单元整栋停水，已经一天了");
    String duplicate =
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
                    "b7",
                    "category",
                    "WATER_POWER",
                    "description",
                    "7栋3单元停水一天了，请尽快恢复供水",
                    "contactPhone",
                    "13900004455",
                    "notifyBy",
                    List.of("SMS")))
            .retrieve()
            .body(JsonNode.class)
            .get("caseNo")
            .asText();
    String dupInstance =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(duplicate)
            .singleResult()
            .getProcessInstanceId();

    assertThat(merge(duplicate, "grid1", Map.of())).as("no original").isEqualTo(400);
    assertThat(merge(duplicate, "grid1", Map.of("originalCaseNo", duplicate)))
        .as("itself")
        .isEqualTo(400);
    assertThat(merge(duplicate, "property1", Map.of("originalCaseNo", original)))
        .as("no triage task of theirs")
        .isEqualTo(404);
    assertThat(merge(duplicate, "grid1", Map.of("originalCaseNo", original, "reason", "同一停水问题")))
        .isEqualTo(200);

    assertThat(
            history
                .createHistoricProcessInstanceQuery()
                .processInstanceId(dupInstance)
                .singleResult()
                .getEndActivityId())
        .isEqualTo(GrievanceProcess.END_MERGED);
    assertThat(management.createJobQuery().processInstanceId(dupInstance).count())
        .as("the duplicate's triage clock stopped")
        .isZero();
    assertThat(
            jdbc.sql("select status from case_file where case_no = ?")
                .param(duplicate)
                .query(String.class)
                .single())
        .isEqualTo("MERGED");
    assertThat(caseLog.history(duplicate))
        .anyMatch(e -> e.type() == GrievanceEvent.MERGED && original.equals(e.note()));
    assertThat(
            merge(original, "grid1", Map.of("originalCaseNo", report("b7", "WATER_POWER", "别的停水"))))
        .as("a case others follow is not merged")
        .isEqualTo(409);

    // the original moves on: the duplicate's resident hears of it
    var pi =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(original)
            .singleResult()
            .getProcessInstanceId();
    scenario.triage(
        new GrievanceScenario.Case(
            original, runtime.createProcessInstanceQuery().processInstanceId(pi).singleResult()),
        Tier.GENERAL);
    assertThat(caseLog.history(duplicate))
        .anyMatch(
            e ->
                e.type() == GrievanceEvent.ORIGINAL_PROGRESS
                    && e.note().contains(original)
                    && e.note().contains("已分流定级"));
    assertThat(
            jdbc.sql(
                    "select count(*) from notification_outbox o join case_event e on e.id = o.case_event_id"
                        + " where e.case_no = ? and e.event_type = 'ORIGINAL_PROGRESS'")
                .param(duplicate)
                .query(Long.class)
                .single())
        .as("an SMS to the duplicate's resident")
        .isPositive();
  }

  @Test
  @DisplayName("相似度：字二元组的 Dice 系数，忽略标点和空格")
  void diceOfBigrams() {
    var a = GrievanceDuplicates.bigrams("电梯停运");
    assertThat(GrievanceDuplicates.dice(a, GrievanceDuplicates.bigrams("电梯 停运！"))).isEqualTo(1.0);
    assertThat(GrievanceDuplicates.dice(a, GrievanceDuplicates.bigrams("楼道灯不亮"))).isZero();
    assertThat(GrievanceDuplicates.dice(a, GrievanceDuplicates.bigrams("电梯坏了")))
        .isEqualTo(2.0 * 1 / 6);
  }
}
