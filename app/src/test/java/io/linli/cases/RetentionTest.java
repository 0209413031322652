package io.linli.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linli.CaseClock;
import io.linli.LinliSpringTest;
import io.linli.PersonalDataSearch;
import io.linli.TestHttp;
import io.linli.intake.ContactCipher;
import io.linli.intake.IntakeHousekeeping;
import io.linli.system.Times;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Integration tier: retention of personal data. A grievance and a service order go through the APIs
 * residents, workers and Tasklist use (contacts, an e-mail address, SMS and e-mail notices, a
 * photo, the resident's descriptions and comments, staff's free text typed into Tasklist forms, a
 * 督办 note) until they close; a day short of the retention nothing is purged, past it the whole
 * database ({@link PersonalDataSearch}: every table, every text and binary column, as given,
 * URL-encoded, JSON-escaped, base64, UTF-8 in binaries, decrypted) holds none of those values, nor
 * does the app's log output of the whole test. The case rows, their ratings, the read model and the
 * SLA ledger stay (the ledger's notes erased); an open case keeps its contact; the abuse limits'
 * client addresses are gone after their retention.
 */
@LinliSpringTest
@ExtendWith(OutputCaptureExtension.class)
class RetentionTest {

  static final String PHONE = "13977770001";
  static final String EMAIL = "ouyang.r@example.cn";
  static final String NAME = "欧阳春花";
  static final String SO_PHONE = "13977770003";
  static final String SO_NAME = "司徒晓梅";

  /** Every personal value the test writes, by what it is. */
  static final Map<String, String> VALUES = new LinkedHashMap<>();

  static {
    VALUES.put("phone", PHONE);
    VALUES.put("phone E.164", "+86" + PHONE);
    VALUES.put("e-mail", EMAIL);
    VALUES.put("name", NAME);
    VALUES.put("grievance description", "四栋门口垃圾堆了三天欧阳家反映");
    VALUES.put("triage note (Tasklist)", "已电话联系欧阳女士确认位置");
    VALUES.put("督办 note (Tasklist)", "请物业今日内联系欧阳女士处理");
    VALUES.put("handling result (Tasklist)", "已清运垃圾并告知欧阳女士");
    VALUES.put("pause reason", "欧阳女士出差下周回来再上门");
    VALUES.put("rating comment", "满意但希望以后每天巡查一次");
    VALUES.put("follow-up note (Tasklist)", "回访时欧阳女士表示很满意");
    VALUES.put("order phone", SO_PHONE);
    VALUES.put("order phone E.164", "+86" + SO_PHONE);
    VALUES.put("order name", SO_NAME);
    VALUES.put("order description", "十二栋三零二卫生间漏水司徒家");
    VALUES.put("accept note (Tasklist)", "司徒阿姨家马上到");
    VALUES.put("assessment note (Tasklist)", "司徒家水管老化需要更换");
    VALUES.put("work result (Tasklist)", "已为司徒家更换水管");
    VALUES.put("order rating comment", "司徒阿姨说师傅修得干净");
    VALUES.put("order follow-up note (Tasklist)", "司徒阿姨对师傅很满意");
  }

  @LocalServerPort int port;
  @Autowired CaseRetention retention;
  @Autowired IntakeHousekeeping housekeeping;
  @Autowired CaseClock clock;
  @Autowired JdbcClient jdbc;
  @Autowired ContactCipher cipher;

  RestClient http;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  @DisplayName("个人信息保留期满：联系方式、照片、自由文本（含 Tasklist 表单与流程历史）、通知从全库与日志清除；案件、统计与台账保留")
  void personalDataIsGoneAfterRetention(CapturedOutput output) throws Exception {
    http = TestHttp.client(port);
    clock.pin();
    PersonalDataSearch search = new PersonalDataSearch(jdbc, VALUES, this::tryDecrypt);

    // given: a grievance, reported with contacts, notices and a photo, escalated, handled through
    // Tasklist's forms, rated with a comment, visited and closed
    JsonNode receipt = report(PHONE, EMAIL, NAME, VALUES.get("grievance description"));
    String caseNo = receipt.get("caseNo").asText();
    String open =
        report("13977770002", "other.r@example.cn", "司马秋月", "路灯坏了").get("caseNo").asText();
    assertThat(upload(caseNo, receipt.get("watchToken").asText())).isEqualTo(201);
    submit(
        caseNo,
        "Task_Triage",
        "grid1",
        Map.of(
            "category",
            "ENVIRONMENT",
            "tier",
            "GENERAL",
            "triageNote",
            VALUES.get("triage note (Tasklist)")));
    clock.advance(Duration.ofDays(1));
    clock.executeDueJobs(caseNo);
    superviseAll(caseNo, VALUES.get("督办 note (Tasklist)"));
    staffPost(
        "/api/staff/cases/" + caseNo + "/pause",
        "property1",
        Map.of("kind", "RESIDENT_POSTPONE", "reason", VALUES.get("pause reason")));
    staffPost("/api/staff/cases/" + caseNo + "/resume", "property1", Map.of());
    submit(
        caseNo,
        "Task_HandleGeneral",
        "property1",
        Map.of(
            "handlingResult", VALUES.get("handling result (Tasklist)"), "feedbackMethod", "PHONE"));
    assertThat(
            http.post()
                .uri("/api/grievances/{no}/evaluation", caseNo)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("rating", "SATISFIED", "comment", VALUES.get("rating comment")))
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value())
        .isEqualTo(200);
    submit(
        caseNo,
        "Task_FollowUpVisit",
        "party1",
        Map.of(
            "followUpMethod",
            "PHONE",
            "followUpSatisfaction",
            "SATISFIED",
            "followUpNote",
            VALUES.get("follow-up note (Tasklist)")));
    clock.executeDueJobs(caseNo);
    // and a service order from ordering to the party group's visit
    String orderNo = serviceOrder();
    for (String no : List.of(caseNo, orderNo)) {
      assertThat(
              jdbc.sql("select closed_at is not null from case_file where case_no = ?")
                  .param(no)
                  .query(Boolean.class)
                  .single())
          .as("%s closed", no)
          .isTrue();
    }
    long ledgerRows = ledgerRows(caseNo);
    assertThat(
            jdbc.sql("select count(*) from sla_ledger where case_no = ? and note is not null")
                .param(caseNo)
                .query(Long.class)
                .single())
        .as("the 督办 was recorded with its note")
        .isPositive();
    List<String> before = search.hits();
    assertThat(before)
        .as("the search finds every value while it is kept")
        .anySatisfy(h -> assertThat(h).contains("grievance_case.description"))
        .anySatisfy(h -> assertThat(h).contains("act_hi_varinst.text_: triage note"))
        .anySatisfy(h -> assertThat(h).contains("act_hi_varinst.text_: work result"))
        .anySatisfy(h -> assertThat(h).contains("sla_ledger.note"))
        .anySatisfy(
            h ->
                assertThat(h)
                    .contains("case_file.contact_phone_enc: phone E.164 (plain), encrypted"))
        .anySatisfy(h -> assertThat(h).contains("notification_outbox"));
    for (String label : VALUES.keySet()) {
      assertThat(before)
          .as("%s is found before the purge", label)
          .anySatisfy(h -> assertThat(h).contains(": " + label + " ("));
    }
    assertThat(jdbc.sql("select count(*) from anonymous_write_window").query(Long.class).single())
        .as("the anonymous writes were counted per client address")
        .isPositive();

    // when: a day short of the retention nothing goes, past it everything does
    clock.advance(Duration.ofDays(179));
    retention.purge();
    assertThat(search.hits()).containsExactlyInAnyOrderElementsOf(before);
    clock.advance(Duration.ofDays(2));
    assertThat(retention.purge()).isGreaterThanOrEqualTo(2);
    housekeeping.purge(Times.now());

    // then
    assertThat(search.hits()).as("personal values left anywhere in the database").isEmpty();
    assertThat(search.in(output.getAll())).as("personal values in the log output").isEmpty();
    assertThat(
            jdbc.sql("select count(*) from anonymous_write_window").query(Long.class).single()
                + jdbc.sql("select count(*) from qr_submission_window").query(Long.class).single())
        .as("client addresses of the abuse limits")
        .isZero();
    assertThat(
            jdbc.sql(
                    """
            select status || ' ' || rating from case_file where case_no = ? and personal_data_purged_at is not null""")
                .param(caseNo)
                .query(String.class)
                .single())
        .isEqualTo("CLOSED SATISFIED");
    assertThat(
            jdbc.sql("select kind from case_retention_purge where case_no = ? order by kind")
                .param(orderNo)
                .query(String.class)
                .list())
        .containsExactly("CONTACTS", "FREE_TEXT", "NOTIFICATION_BODIES", "PHOTOS");
    assertThat(
            jdbc.sql("select rating from case_outcome where case_no = ?")
                .param(caseNo)
                .query(String.class)
                .single())
        .as("the read model keeps the rating")
        .isEqualTo("SATISFIED");
    assertThat(ledgerRows(caseNo)).as("the ledger keeps its rows").isEqualTo(ledgerRows);
    assertThat(
            jdbc.sql("select count(*) from sla_ledger where case_no = ? and event = 'SUPERVISED'")
                .param(caseNo)
                .query(Long.class)
                .single())
        .as("the 督办 stays in the ledger")
        .isPositive();
    assertThat(
            jdbc.sql("select count(*) from case_event where case_no = ?")
                .param(caseNo)
                .query(Long.class)
                .single())
        .as("the case's events stay")
        .isPositive();
    assertThat(
            jdbc.sql("select tier || ' ' || status from grievance_case where case_no = ?")
                .param(caseNo)
                .query(String.class)
                .single())
        .isEqualTo("GENERAL CLOSED");
    assertThat(
            jdbc.sql("select paid_fen from service_order where order_no = ?")
                .param(orderNo)
                .query(Long.class)
                .single())
        .as("the settlement keeps the payment")
        .isEqualTo(3550L);
    assertThat(
            cipher.decrypt(
                jdbc.sql("select contact_phone_enc from case_file where case_no = ?")
                    .param(open)
                    .query(byte[].class)
                    .single()))
        .as("an open case keeps its contact")
        .isEqualTo("+8613977770002");
  }

  @Test
  @DisplayName("保留期按数据种类分别配置：未配置的种类取 personal-data")
  void retentionPerKind() {
    for (PersonalData kind : CaseRetention.CASE_KINDS) {
      assertThat(retention.retentionOf(kind)).as(kind.key()).isEqualTo(Duration.ofDays(180));
    }
    assertThat(PersonalData.parse("photos", "P30D")).isEqualTo(Duration.ofDays(30));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> PersonalData.parse("photos", "-P1D"))
        .hasMessageContaining("linli.retention.photos");
  }

  private long ledgerRows(String caseNo) {
    return jdbc.sql("select count(*) from sla_ledger where case_no = ?")
        .param(caseNo)
        .query(Long.class)
        .single();
  }

  private String serviceOrder() {
    var created =
        http.post()
            .uri("/api/service-orders")
            .contentType(MediaType.APPLICATION_JSON)
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .body(
                Map.of(
                    "communityCode",
                    "tfsq",
                    "estateCode",
                    "dtsz",
                    "buildingCode",
                    "b5",
                    "itemCode",
                    "APPLIANCE-01",
                    "description",
                    VALUES.get("order description"),
                    "contactName",
                    SO_NAME,
                    "contactPhone",
                    SO_PHONE,
                    "channel",
                    "MINI_PROGRAM"))
            .retrieve()
            .toEntity(JsonNode.class);
    assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
    String orderNo = created.getBody().get("orderNo").asText();
    submit(
        orderNo,
        "Task_Dispatch",
        "property1",
        Map.of("dispatchMode", "TEAM", "dispatchTeam", "repair", "dispatchNote", ""));
    submit(
        orderNo,
        "Task_Accept",
        "contractor1",
        Map.of("acceptNote", VALUES.get("accept note (Tasklist)")));
    post("/api/service-orders/" + orderNo + "/check-in", Map.of("workerId", "contractor1"));
    submit(
        orderNo,
        "Task_Assess",
        "contractor1",
        Map.of(
            "jobSize",
            "SMALL",
            "quoteYuan",
            "35.5",
            "assessmentNote",
            VALUES.get("assessment note (Tasklist)")));
    post("/api/service-orders/" + orderNo + "/quote-decision", Map.of("accept", true));
    submit(
        orderNo,
        "Task_FixSmall",
        "contractor1",
        Map.of("workResult", VALUES.get("work result (Tasklist)")));
    post("/api/service-orders/" + orderNo + "/completion", Map.of("paidFen", 3550));
    post(
        "/api/service-orders/" + orderNo + "/evaluation",
        Map.of("rating", "SATISFIED", "comment", VALUES.get("order rating comment")));
    submit(
        orderNo,
        "Task_FollowUpVisit",
        "party1",
        Map.of(
            "followUpMethod",
            "PHONE",
            "followUpSatisfaction",
            "SATISFIED",
            "followUpNote",
            VALUES.get("order follow-up note (Tasklist)")));
    clock.executeDueJobs(orderNo);
    return orderNo;
  }

  private void staffPost(String path, String user, Map<String, ?> body) {
    var r =
        http.post()
            .uri(path)
            .header("X-Linli-User", user)
            .contentType(MediaType.APPLICATION_JSON)
            .body(body)
            .retrieve()
            .toEntity(String.class);
    assertThat(r.getStatusCode().value()).as("%s: %s", path, r.getBody()).isEqualTo(200);
  }

  private void post(String path, Map<String, ?> body) {
    var r =
        http.post()
            .uri(path)
            .contentType(MediaType.APPLICATION_JSON)
            .body(body)
            .retrieve()
            .toEntity(String.class);
    assertThat(r.getStatusCode().value()).as("%s: %s", path, r.getBody()).isEqualTo(200);
  }

  private String tryDecrypt(byte[] v) {
    try {
      return cipher.decrypt(v);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private JsonNode report(String phone, String email, String name, String description) {
    return http.post()
        .uri("/api/grievances")
        .contentType(MediaType.APPLICATION_JSON)
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(
            Map.of(
                "communityCode",
                "tfsq",
                "estateCode",
                "dtsz",
                "buildingCode",
                "b4",
                "category",
                "ENVIRONMENT",
                "description",
                description,
                "contactName",
                name,
                "contactPhone",
                phone,
                "contactEmail",
                email,
                "notifyBy",
                List.of("SMS", "EMAIL"),
                "channel",
                "WEB"))
        .retrieve()
        .body(JsonNode.class);
  }

  private int upload(String caseNo, String token) throws Exception {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB), "png", png);
    var form = new LinkedMultiValueMap<String, Object>();
    form.add(
        "photo",
        new ByteArrayResource(png.toByteArray()) {
          @Override
          public String getFilename() {
            return "a.png";
          }
        });
    return http.post()
        .uri("/api/cases/grievance/{c}/photos?token={t}", caseNo, token)
        .contentType(MediaType.MULTIPART_FORM_DATA)
        .body(form)
        .retrieve()
        .toBodilessEntity()
        .getStatusCode()
        .value();
  }

  /** 社区党委 (and 街道党工委, if it came to that) complete every open 督办 through Tasklist. */
  private void superviseAll(String caseNo, String note) {
    JsonNode open =
        http.get()
            .uri("/engine-rest/task?processInstanceBusinessKey={k}", caseNo)
            .retrieve()
            .body(JsonNode.class);
    int n = 0;
    for (JsonNode t : open) {
      String key = t.get("taskDefinitionKey").asText();
      if (!key.startsWith("Task_Supervise")) continue;
      submitTask(
          t.get("id").asText(),
          key.equals("Task_SuperviseStreet") ? "street1" : "committee1",
          Map.of("supervisionNote", note, "reassignTo", ""));
      n++;
    }
    assertThat(n).as("督办 tasks of %s", caseNo).isPositive();
  }

  /** What Tasklist does: find the task, claim it, submit the form. */
  private void submit(String caseNo, String taskKey, String user, Map<String, String> form) {
    JsonNode found =
        http.get()
            .uri(
                "/engine-rest/task?processInstanceBusinessKey={k}&taskDefinitionKey={t}",
                caseNo,
                taskKey)
            .retrieve()
            .body(JsonNode.class);
    assertThat(found).as("open task %s of %s", taskKey, caseNo).hasSize(1);
    submitTask(found.get(0).get("id").asText(), user, form);
  }

  private void submitTask(String id, String user, Map<String, String> form) {
    assertThat(
            http.post()
                .uri("/engine-rest/task/{id}/claim", id)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("userId", user))
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value())
        .isEqualTo(204);
    Map<String, Object> variables = new HashMap<>();
    form.forEach((k, v) -> variables.put(k, Map.of("value", v, "type", "String")));
    var done =
        http.post()
            .uri("/engine-rest/task/{id}/submit-form", id)
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("variables", variables))
            .retrieve()
            .toEntity(String.class);
    assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(204);
  }
}
