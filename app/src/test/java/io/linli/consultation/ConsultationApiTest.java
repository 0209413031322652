package io.linli.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linli.LinliSpringTest;
import io.linli.TestHttp;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
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
import org.springframework.web.client.RestClient;

/**
 * Integration tier: the consultation API on the running app and PostgreSQL — proposing, supporting,
 * the 协商事项清单 with its filters, a representative's vote tasks and votes (also through Camunda's
 * {@code /engine-rest}, as Tasklist does), ratings, the grievance link both ways, and what bad
 * input gets back (4xx, never 500).
 */
@LinliSpringTest
class ConsultationApiTest {

  @LocalServerPort int port;
  @Autowired ConsultationScenario scenario;
  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtime;
  @Autowired IdentityService identity;

  RestClient http;

  @BeforeEach
  void client() {
    http = TestHttp.client(port);
    scenario.pinClock();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  @DisplayName("居民提出议题、附议；清单按小区、类别、状态筛选；议题详情只显示角色")
  void proposeSupportAndList() {
    var created =
        post(
            "/api/consultations",
            "resident1",
            Map.of(
                "communityCode",
                "tfsq",
                "estateCode",
                "dtsz",
                "category",
                "PUBLIC_FACILITY",
                "title",
                "小区大门增设人脸识别",
                "description",
                "外来人员随意出入，曾发生盗窃",
                "proposerRole",
                "RESIDENT"));
    assertThat(created.status()).isEqualTo(201);
    String topicNo = created.body().get("topicNo").asText();
    assertThat(topicNo).matches("YS-\\d{4}-\\d{6}");
    assertThat(created.body().get("state").asText()).isEqualTo("COLLECTING");
    assertThat(created.body().get("url").asText()).isEqualTo("/api/consultations/" + topicNo);

    var support = post("/api/consultations/" + topicNo + "/supporters", "resident2", Map.of());
    assertThat(support.status()).isEqualTo(201);
    assertThat(support.body().get("supporters").asInt()).isEqualTo(2);
    assertThat(
            post("/api/consultations/" + topicNo + "/supporters", "resident2", Map.of()).status())
        .as("once per resident")
        .isEqualTo(409);
    assertThat(post("/api/consultations/YS-0000-000000/supporters", "resident2", Map.of()).status())
        .isEqualTo(404);
    var anonymous = post("/api/consultations/" + topicNo + "/supporters", null, Map.of());
    assertThat(anonymous.status()).isEqualTo(400);
    assertThat(fields(anonymous.body())).containsKey("X-Linli-User");

    assertThat(
            topicNos(
                get(
                    "/api/consultations?estate=dtsz&category=PUBLIC_FACILITY&state=COLLECTING&size=200")))
        .contains(topicNo);
    assertThat(topicNos(get("/api/consultations?estate=dfhy&size=200"))).doesNotContain(topicNo);
    assertThat(topicNos(get("/api/consultations?category=PROPERTY_MANAGEMENT&size=200")))
        .doesNotContain(topicNo);
    assertThat(topicNos(get("/api/consultations?state=CLOSED&size=200"))).doesNotContain(topicNo);
    assertThat(topicNos(get("/api/consultations?overdue=true&size=200"))).doesNotContain(topicNo);
    assertThat(topicNos(get("/api/consultations?overdue=false&community=tfsq&size=200")))
        .contains(topicNo);

    JsonNode detail = get("/api/consultations/" + topicNo).body();
    assertThat(detail.get("topic").get("supporters").asInt()).isEqualTo(2);
    assertThat(detail.get("description").asText()).contains("盗窃");
    assertThat(detail.get("history").get(0).get("event").asText()).isEqualTo("PROPOSED");
    assertThat(detail.get("history").get(0).get("actorRole").asText()).isEqualTo("居民");
    assertThat(detail.toString()).doesNotContain("resident1").doesNotContain("resident2");

    scenario.endCollection(scenario.topic(topicNo));
    assertThat(
            post("/api/consultations/" + topicNo + "/supporters", "resident3", Map.of()).status())
        .as("the collection window has closed")
        .isEqualTo(409);
  }

  @Test
  @DisplayName("楼栋代表查看本人表决任务并表决一次；重复、非代表、截止后表决均被拒绝；Tasklist 表单表决同样计票")
  void representativeVotes() {
    ConsultationScenario.Topic t = scenario.accepted(TopicCategory.SUPPORTING_FACILITY, "增设充电桩");
    scenario.scheduleMeeting(t, Duration.ofDays(1));

    JsonNode mine = get("/api/consultations/vote-tasks", "rep01").body();
    JsonNode task = find(mine, t.topicNo());
    assertThat(task).as("rep01 sees the vote task").isNotNull();
    assertThat(task.get("round").asInt()).isEqualTo(1);
    assertThat(task.get("closesAt").asText()).isNotBlank();

    var voted =
        post("/api/consultations/" + t.topicNo() + "/votes", "rep01", Map.of("vote", "AGREE"));
    assertThat(voted.status()).isEqualTo(201);
    assertThat(voted.body().get("round").asInt()).isEqualTo(1);
    var again =
        post("/api/consultations/" + t.topicNo() + "/votes", "rep01", Map.of("vote", "DISAGREE"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body().get("title").asText()).contains("不能更改");
    assertThat(find(get("/api/consultations/vote-tasks", "rep01").body(), t.topicNo())).isNull();
    assertThat(
            post(
                    "/api/consultations/" + t.topicNo() + "/votes",
                    "resident1",
                    Map.of("vote", "AGREE"))
                .status())
        .as("not a representative of this round")
        .isEqualTo(404);
    var invalid =
        post("/api/consultations/" + t.topicNo() + "/votes", "rep02", Map.of("vote", "MAYBE"));
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(fields(invalid.body())).containsKey("vote");

    // rep02 votes in Tasklist: the task is assigned to them and shows the deployed Camunda Form
    Task rep02 =
        scenario.voteTasks(t).stream()
            .filter(x -> x.getAssignee().equals("rep02"))
            .findFirst()
            .orElseThrow();
    JsonNode form =
        http.get()
            .uri("/engine-rest/task/{id}/deployed-form", rep02.getId())
            .retrieve()
            .body(JsonNode.class);
    assertThat(form.get("id").asText()).isEqualTo("Form_Vote");
    var submitted =
        http.post()
            .uri("/engine-rest/task/{id}/submit-form", rep02.getId())
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("variables", Map.of("vote", Map.of("value", "ABSTAIN", "type", "String"))))
            .retrieve()
            .toEntity(String.class);
    assertThat(submitted.getStatusCode().value()).as(submitted.getBody()).isEqualTo(204);
    assertThat(
            jdbc.sql(
                    """
            select representative_id || ':' || choice from consultation_vote v
            join consultation_topic t on t.id = v.topic_id where t.topic_no = ? order by 1""")
                .param(t.topicNo())
                .query(String.class)
                .list())
        .containsExactly("rep01:AGREE", "rep02:ABSTAIN");
    assertThat(runtime.getVariablesLocal(t.instance().getId()))
        .as("a vote stays local to its task's instance (input mapping), even from Tasklist")
        .doesNotContainKeys("vote", "voteComment");

    scenario.advance(Duration.ofDays(5));
    scenario.executeDueJobs(t);
    var late =
        post("/api/consultations/" + t.topicNo() + "/votes", "rep03", Map.of("vote", "AGREE"));
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.body().get("title").asText()).contains("已截止");
    JsonNode listed =
        find(get("/api/consultations?estate=dtsz&state=DELIBERATING&size=200").body(), t.topicNo());
    assertThat(listed.get("vote").get("outcome").asText()).isEqualTo("NO_QUORUM");
    assertThat(listed.get("vote").get("agree").asInt()).isEqualTo(1);
    assertThat(listed.get("vote").get("abstain").asInt()).isEqualTo(1);
    assertThat(listed.get("vote").get("eligible").asInt()).isEqualTo(33);
  }

  @Test
  @DisplayName("网格员把反复出现的诉求转为议题：议题记诉求编号，诉求状态显示议题编号；同一诉求只能转一次")
  void grievanceBecomesTopicWithLinkBothWays() {
    var grievance =
        post(
            "/api/grievances",
            null,
            Map.of(
                "communityCode",
                "tfsq",
                "estateCode",
                "dtsz",
                "buildingCode",
                "b1",
                "category",
                "SECURITY",
                "description",
                "又有陌生人尾随进小区了"));
    String caseNo = grievance.body().get("caseNo").asText();

    var created =
        post(
            "/api/consultations/from-grievance",
            "grid1",
            Map.of(
                "grievanceCaseNo",
                caseNo,
                "category",
                "PUBLIC_FACILITY",
                "title",
                "大门门禁升级",
                "description",
                "本月三起尾随进入小区的诉求，需业主协商门禁方案"));
    assertThat(created.status()).isEqualTo(201);
    String topicNo = created.body().get("topicNo").asText();

    JsonNode topic = get("/api/consultations/" + topicNo).body();
    assertThat(topic.get("topic").get("grievanceCaseNo").asText()).isEqualTo(caseNo);
    assertThat(topic.get("topic").get("estateCode").asText()).isEqualTo("dtsz");
    assertThat(topic.get("proposerRole").asText()).isEqualTo("网格员");
    assertThat(topic.get("history").get(0).get("note").asText()).contains(caseNo);

    JsonNode status = get("/api/grievances/" + caseNo).body();
    assertThat(status.get("consultationTopicNo").asText()).isEqualTo(topicNo);
    assertThat(status.get("history"))
        .extracting(h -> h.get("event").asText())
        .contains("LINKED_TO_TOPIC");

    assertThat(
            post(
                    "/api/consultations/from-grievance",
                    "grid1",
                    Map.of(
                        "grievanceCaseNo",
                        caseNo,
                        "category",
                        "PUBLIC_FACILITY",
                        "title",
                        "再转一次",
                        "description",
                        "x"))
                .status())
        .isEqualTo(409);
    var noEstate =
        post(
            "/api/grievances",
            null,
            Map.of("communityCode", "tfsq", "category", "OTHER", "description", "社区整体问题"));
    var refused =
        post(
            "/api/consultations/from-grievance",
            "grid1",
            Map.of(
                "grievanceCaseNo",
                noEstate.body().get("caseNo").asText(),
                "category",
                "PUBLIC_FACILITY",
                "title",
                "t",
                "description",
                "d"));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(fields(refused.body()).get("grievanceCaseNo")).contains("未指明小区");
    // an unknown case answers like a case out of reach: 404, nothing to probe
    assertThat(
            post(
                    "/api/consultations/from-grievance",
                    "grid1",
                    Map.of(
                        "grievanceCaseNo",
                        "GR-0000-000000",
                        "category",
                        "PUBLIC_FACILITY",
                        "title",
                        "t",
                        "description",
                        "d"))
                .status())
        .isEqualTo(404);
  }

  @Test
  @DisplayName("评价期内居民评价一次；清单显示表决、办理主体、时限和评价")
  void ratingsAndTheChecklistEntry() {
    ConsultationScenario.Topic t =
        scenario.listed(TopicCategory.PROPERTY_MANAGEMENT, "公示公共收益收支", null);
    assertThat(
            post(
                    "/api/consultations/" + t.topicNo() + "/ratings",
                    "resident1",
                    Map.of("rating", "SATISFIED"))
                .status())
        .as("not evaluating yet")
        .isEqualTo(409);
    scenario.execute(t);

    var rated =
        post(
            "/api/consultations/" + t.topicNo() + "/ratings",
            "resident1",
            Map.of("rating", "SATISFIED"));
    assertThat(rated.status()).isEqualTo(201);
    assertThat(rated.body().get("evaluationRound").asInt()).isEqualTo(1);
    assertThat(
            post(
                    "/api/consultations/" + t.topicNo() + "/ratings",
                    "resident1",
                    Map.of("rating", "DISSATISFIED"))
                .status())
        .as("once per resident")
        .isEqualTo(409);
    assertThat(
            post(
                    "/api/consultations/" + t.topicNo() + "/ratings",
                    "resident2",
                    Map.of("rating", "BASICALLY_SATISFIED"))
                .status())
        .isEqualTo(201);
    scenario.endEvaluation(t);

    JsonNode item =
        find(
            get("/api/consultations?estate=dtsz&category=PROPERTY_MANAGEMENT&state=CLOSED&size=200")
                .body(),
            t.topicNo());
    assertThat(item).isNotNull();
    assertThat(item.get("stateLabel").asText()).isEqualTo("已办结公示");
    assertThat(item.get("vote").get("agree").asInt()).isEqualTo(25);
    assertThat(item.get("vote").get("outcomeLabel").asText()).isEqualTo("通过");
    assertThat(item.get("execution").get("responsibleBodyLabel").asText()).isEqualTo("物业公司");
    assertThat(item.get("execution").get("responsibleName").asText()).isEqualTo("蜀信物业");
    assertThat(item.get("execution").get("deadline").asText()).isNotBlank();
    assertThat(item.get("rating").get("total").asInt()).isEqualTo(2);
    assertThat(item.get("rating").get("satisfactionPercent").asInt()).isEqualTo(100);
    assertThat(item.get("overdue").asBoolean()).isFalse();
    assertThat(
            post(
                    "/api/consultations/" + t.topicNo() + "/ratings",
                    "resident3",
                    Map.of("rating", "SATISFIED"))
                .status())
        .as("the window has closed")
        .isEqualTo(409);
  }

  @Test
  @DisplayName("缺少必填项、未知取值、未知议题、非 JSON：4xx，逐字段说明，不出现 500")
  void refusals() {
    var missing = post("/api/consultations", "resident1", Map.of("title", " "));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(fields(missing.body()))
        .containsKeys(
            "communityCode", "estateCode", "category", "title", "description", "proposerRole");
    assertThat(fields(missing.body()).get("category")).isEqualTo("请选择议题类别");
    assertThat(
            fields(
                    post(
                            "/api/consultations",
                            "resident1",
                            Map.of(
                                "communityCode",
                                "tfsq",
                                "estateCode",
                                "nowhere",
                                "category",
                                "PUBLIC_FACILITY",
                                "title",
                                "t",
                                "description",
                                "d",
                                "proposerRole",
                                "RESIDENT"))
                        .body())
                .get("estateCode"))
        .contains("没有此小区");
    assertThat(
            fields(
                post(
                        "/api/consultations",
                        "resident1",
                        Map.of(
                            "communityCode",
                            "tfsq",
                            "estateCode",
                            "dtsz",
                            "category",
                            "PARKING",
                            "title",
                            "t",
                            "description",
                            "d",
                            "proposerRole",
                            "RESIDENT"))
                    .body()))
        .containsKey("category");
    assertThat(fields(get("/api/consultations?state=DONE").body())).containsKey("state");
    assertThat(fields(get("/api/consultations?category=x").body())).containsKey("category");
    assertThat(fields(get("/api/consultations?overdue=maybe").body())).containsKey("overdue");
    assertThat(fields(get("/api/consultations?size=1000").body())).containsKey("size");
    assertThat(get("/api/consultations/YS-0000-000000").status()).isEqualTo(404);
    assertThat(get("/api/consultations/vote-tasks", null).status()).isEqualTo(400);
    var broken =
        http.post()
            .uri("/api/consultations")
            .header("X-Linli-User", "resident1")
            .contentType(MediaType.APPLICATION_JSON)
            .body("{\"title\": ")
            .retrieve()
            .toEntity(String.class);
    assertThat(broken.getStatusCode().value()).isEqualTo(400);
    assertThat(broken.getBody()).doesNotContain("Exception");
    assertThat(
            post("/api/consultations/YS-0000-000000/votes", "rep01", Map.of("vote", "AGREE"))
                .status())
        .isEqualTo(404);
    assertThat(
            post(
                    "/api/consultations/YS-0000-000000/ratings",
                    "resident1",
                    Map.of("rating", "SATISFIED"))
                .status())
        .isEqualTo(404);
  }

  @Test
  @DisplayName("居民页面凭手机号提议、附议：每个号码附议一次（不论写法），不存号码，可选通知；未登录不能冒充网格员")
  void residentsProposeAndSupportByPhone() {
    var created =
        post(
            "/api/consultations",
            null,
            Map.of(
                "communityCode",
                "tfsq",
                "estateCode",
                "dfhy",
                "category",
                "SUPPORTING_FACILITY",
                "title",
                "增设快递柜",
                "description",
                "东门快递堆放在地上，经常丢件",
                "proposerRole",
                "RESIDENT",
                "contactPhone",
                "13800006789",
                "notifyBy",
                List.of("SMS")));
    assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
    String topicNo = created.body().get("topicNo").asText();
    String proposer =
        jdbc.sql("select proposer_id from consultation_topic where topic_no = ?")
            .param(topicNo)
            .query(String.class)
            .single();
    assertThat(proposer).startsWith("tel:").doesNotContain("13800006789").doesNotContain("6789");
    assertThat(
            jdbc.sql(
                    "select event_type from notification_outbox where case_no = ? and channel = 'SMS'")
                .param(topicNo)
                .query(String.class)
                .list())
        .containsExactly("PROPOSED");

    var support =
        post(
            "/api/consultations/" + topicNo + "/supporters",
            null,
            Map.of("contactPhone", "13900006789"));
    assertThat(support.status()).isEqualTo(201);
    assertThat(support.body().get("supporters").asInt()).isEqualTo(2);
    assertThat(
            post(
                    "/api/consultations/" + topicNo + "/supporters",
                    null,
                    Map.of("contactPhone", "+86 139 0000 6789"))
                .status())
        .as("the same phone written otherwise")
        .isEqualTo(409);
    assertThat(
            post(
                    "/api/consultations/" + topicNo + "/supporters",
                    null,
                    Map.of("contactPhone", "13800006789"))
                .status())
        .as("the proposer already supports it")
        .isEqualTo(409);
    assertThat(
            fields(
                post(
                        "/api/consultations/" + topicNo + "/supporters",
                        null,
                        Map.of("contactPhone", "123"))
                    .body()))
        .containsKey("contactPhone");

    var impostor =
        post(
            "/api/consultations",
            null,
            Map.of(
                "communityCode",
                "tfsq",
                "estateCode",
                "dfhy",
                "category",
                "SUPPORTING_FACILITY",
                "title",
                "冒充网格员",
                "description",
                "测试",
                "proposerRole",
                "GRID_WORKER",
                "contactPhone",
                "13800006780"));
    assertThat(impostor.status()).isEqualTo(400);
    assertThat(fields(impostor.body())).containsKey("proposerRole");
  }

  @Test
  @DisplayName("演示身份：地铁首座小区33名楼栋代表各有账号，属于天府社区楼栋代表组")
  void demoRepresentatives() {
    assertThat(identity.createUserQuery().memberOfGroup("tfsq-building-rep").count()).isEqualTo(33);
    assertThat(identity.createUserQuery().userId("rep07").memberOfGroup("building-rep").count())
        .isEqualTo(1);
    assertThat(identity.checkPassword("rep33", "demo")).isTrue();
  }

  record Response(int status, JsonNode body) {}

  private Response post(String path, String user, Map<String, ?> body) {
    var spec = http.post().uri(path).contentType(MediaType.APPLICATION_JSON);
    if (user != null) spec = spec.header("X-Linli-User", user);
    var r = spec.body(body).retrieve().toEntity(JsonNode.class);
    return new Response(r.getStatusCode().value(), r.getBody());
  }

  private Response get(String path, String user) {
    var spec = http.get().uri(path);
    if (user != null) spec = spec.header("X-Linli-User", user);
    var r = spec.retrieve().toEntity(JsonNode.class);
    return new Response(r.getStatusCode().value(), r.getBody());
  }

  private Response get(String path) {
    return get(path, null);
  }

  private static List<String> topicNos(Response r) {
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
    return StreamSupport.stream(r.body().spliterator(), false)
        .map(n -> n.get("topicNo").asText())
        .toList();
  }

  private static JsonNode find(JsonNode array, String topicNo) {
    for (JsonNode n : array) {
      if (topicNo.equals(n.get("topicNo").asText())) return n;
    }
    return null;
  }

  private static Map<String, String> fields(JsonNode problem) {
    Map<String, String> out = new HashMap<>();
    problem.get("errors").forEach(e -> out.put(e.get("field").asText(), e.get("message").asText()));
    return out;
  }
}
