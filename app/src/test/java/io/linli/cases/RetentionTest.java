package io.linli.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linli.CaseClock;
import io.linli.LinliSpringTest;
import io.linli.TestHttp;
import io.linli.intake.ContactCipher;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Integration tier: retention of personal data. A grievance reported through the API with a name,
 * a phone, an e-mail address, SMS and e-mail notices and a photo is closed; 181 days later the purge
 * runs, and no table of the database holds the phone, the e-mail address or the name any more — as
 * clear text, as UTF-8 inside any binary value, or encrypted (every binary value is tried with the
 * app's cipher). The case row, its rating and its ledger stay; an open case keeps its contact.
 */
@LinliSpringTest
class RetentionTest {

  static final String PHONE = "13977770001";
  static final String EMAIL = "ouyang.r@example.cn";
  static final String NAME = "欧阳春花";

  @LocalServerPort int port;
  @Autowired CaseRetention retention;
  @Autowired CaseClock clock;
  @Autowired TaskService tasks;
  @Autowired JdbcClient jdbc;
  @Autowired ContactCipher cipher;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  @DisplayName("个人信息保留期满：电话、邮箱、姓名、照片、通知从全库清除；案件与统计保留")
  void personalDataIsGoneAfterRetention() throws Exception {
    RestClient http = TestHttp.client(port);
    clock.pin();
    JsonNode receipt = report(http, PHONE, EMAIL, NAME);
    String caseNo = receipt.get("caseNo").asText();
    String open = report(http, "13977770002", "other.r@example.cn", "司马秋月").get("caseNo").asText();
    assertThat(upload(http, caseNo, receipt.get("watchToken").asText())).isEqualTo(201);
    complete(caseNo, "Task_Triage", "grid1",
        Map.of("category", "ENVIRONMENT", "tier", "GENERAL", "triageNote", "已电话联系"));
    complete(caseNo, "Task_HandleGeneral", "property1",
        Map.of("handlingResult", "已清运垃圾", "feedbackMethod", "PHONE"));
    assertThat(http.post().uri("/api/grievances/{no}/evaluation", caseNo)
        .contentType(MediaType.APPLICATION_JSON).body(Map.of("rating", "SATISFIED"))
        .retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(200);
    complete(caseNo, "Task_FollowUpVisit", "party1",
        Map.of("followUpMethod", "PHONE", "followUpSatisfaction", "SATISFIED", "followUpNote", ""));
    clock.executeDueJobs(caseNo);
    assertThat(jdbc.sql("select closed_at is not null from case_file where case_no = ?").param(caseNo)
        .query(Boolean.class).single()).isTrue();
    List<String> before = hits();
    assertThat(before).as("the search finds the values while they are kept").isNotEmpty();

    // when: a day short of the retention nothing goes, past it everything does
    clock.advance(Duration.ofDays(179));
    retention.purge();
    assertThat(hits()).containsExactlyInAnyOrderElementsOf(before);
    clock.advance(Duration.ofDays(2));
    assertThat(retention.purge()).isGreaterThanOrEqualTo(1);

    // then
    assertThat(hits()).as("personal values left anywhere in the database").isEmpty();
    assertThat(jdbc.sql("""
            select status || ' ' || rating from case_file where case_no = ? and personal_data_purged_at is not null""")
        .param(caseNo).query(String.class).single()).isEqualTo("CLOSED SATISFIED");
    assertThat(jdbc.sql("select count(*) from case_event where case_no = ?").param(caseNo)
        .query(Long.class).single()).as("the case's events stay").isPositive();
    assertThat(jdbc.sql("select count(*) from case_event where case_no = ? and note is not null")
        .param(caseNo).query(Long.class).single()).as("their notes go").isZero();
    assertThat(cipher.decrypt(jdbc.sql("select contact_phone_enc from case_file where case_no = ?")
        .param(open).query(byte[].class).single())).as("an open case keeps its contact")
        .isEqualTo("+8613977770002");
  }

  /** Where the resident's phone, e-mail address or name still is: "table.column". */
  private List<String> hits() {
    List<String> needles = List.of(PHONE, "+86" + PHONE, EMAIL, NAME);
    List<String> hits = new ArrayList<>();
    List<Map<String, Object>> columns = jdbc.sql("""
            select table_name, column_name, data_type from information_schema.columns
            where table_schema = 'public' and data_type in ('text', 'character varying', 'bytea')
            order by table_name, column_name""").query().listOfRows();
    for (Map<String, Object> c : columns) {
      String table = (String) c.get("table_name");
      String column = (String) c.get("column_name");
      String at = table + "." + column;
      if (c.get("data_type").equals("bytea")) {
        for (byte[] v : jdbc.sql("select \"" + column + "\" from \"" + table + "\" where \""
            + column + "\" is not null").query(byte[].class).list()) {
          String raw = new String(v, StandardCharsets.UTF_8);
          String clear = tryDecrypt(v);
          for (String n : needles) {
            if (raw.contains(n) || (clear != null && clear.contains(n))) hits.add(at);
          }
        }
      } else {
        for (String n : needles) {
          if (jdbc.sql("select count(*) from \"" + table + "\" where strpos(\"" + column + "\", ?) > 0")
              .param(n).query(Long.class).single() > 0) hits.add(at);
        }
      }
    }
    return hits.stream().distinct().sorted().toList();
  }

  private String tryDecrypt(byte[] v) {
    try {
      return cipher.decrypt(v);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static JsonNode report(RestClient http, String phone, String email, String name) {
    return http.post().uri("/api/grievances").contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("communityCode", "tfsq", "estateCode", "dtsz", "buildingCode", "b4",
            "category", "ENVIRONMENT", "description", "4栋门口垃圾堆了三天",
            "contactName", name, "contactPhone", phone, "contactEmail", email,
            "notifyBy", List.of("SMS", "EMAIL"), "channel", "WEB"))
        .retrieve().body(JsonNode.class);
  }

  private static int upload(RestClient http, String caseNo, String token) throws Exception {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB), "png", png);
    var form = new LinkedMultiValueMap<String, Object>();
    form.add("photo", new ByteArrayResource(png.toByteArray()) {
      @Override
      public String getFilename() {
        return "a.png";
      }
    });
    return http.post().uri("/api/cases/grievance/{c}/photos?token={t}", caseNo, token)
        .contentType(MediaType.MULTIPART_FORM_DATA).body(form).retrieve().toBodilessEntity()
        .getStatusCode().value();
  }

  private void complete(String caseNo, String taskKey, String user, Map<String, Object> form) {
    Task t = tasks.createTaskQuery().processInstanceBusinessKey(caseNo).taskDefinitionKey(taskKey)
        .singleResult();
    assertThat(t).as("open task %s of %s", taskKey, caseNo).isNotNull();
    tasks.claim(t.getId(), user);
    tasks.complete(t.getId(), form);
  }
}
