package io.linli.grievance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linli.LinliSpringTest;
import io.linli.TestHttp;
import io.linli.intake.ContactCipher;
import io.linli.intake.PhoneBackfill;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * Integration tier: intake that loses nothing, over HTTP on the running app and PostgreSQL —
 * Idempotency-Key (sequential and concurrent duplicates), unsafe text refused with 400, rare
 * characters round-tripping through the database, phones stored E.164 encrypted and shown masked,
 * tracking only with the matching phone, phones stored in clear before V6 encrypted at start-up.
 */
@LinliSpringTest
class GrievanceIntakeSafetyTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired ContactCipher cipher;
  @Autowired RuntimeService runtime;
  @Autowired PhoneBackfill backfill;

  RestClient http;

  @BeforeEach
  void client() {
    http = TestHttp.client(port);
  }

  static Map<String, Object> report(String description, String phone) {
    Map<String, Object> m =
        new HashMap<>(
            Map.of(
                "communityCode",
                "tfsq",
                "estateCode",
                "dfhy",
                "buildingCode",
                "b2",
                "category",
                "NOISE",
                "description",
                description,
                "contactName",
                "王先生",
                "channel",
                "WEB"));
    if (phone != null) m.put("contactPhone", phone);
    return m;
  }

  record Answer(int status, JsonNode body, String replayed) {}

  Answer post(String path, String key, Object body) {
    var spec = http.post().uri(path).contentType(MediaType.APPLICATION_JSON);
    if (key != null) spec = spec.header("Idempotency-Key", key);
    var r = spec.body(body).retrieve().toEntity(JsonNode.class);
    return new Answer(
        r.getStatusCode().value(), r.getBody(), r.getHeaders().getFirst("Idempotent-Replayed"));
  }

  long casesWith(String description) {
    return jdbc.sql("select count(*) from grievance_case where description = ?")
        .param(description)
        .query(Long.class)
        .single();
  }

  @Test
  @DisplayName("同一 Idempotency-Key 重试三次：一个案件，三次都得到第一次的答复")
  void retriedSubmissionMakesOneCase() {
    String text = "楼上装修噪音 " + UUID.randomUUID();
    String key = UUID.randomUUID().toString();
    Answer first = post("/api/grievances", key, report(text, "13800001234"));
    Answer second = post("/api/grievances", key, report(text, "13800001234"));
    Answer third = post("/api/grievances", key, report(text, "13800001234"));

    assertThat(first.status()).isEqualTo(201);
    assertThat(first.replayed()).isEqualTo("false");
    assertThat(second.status()).isEqualTo(201);
    assertThat(second.replayed()).isEqualTo("true");
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(third.body()).isEqualTo(first.body());
    assertThat(casesWith(text)).isEqualTo(1);
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(first.body().get("caseNo").asText())
                .count())
        .isEqualTo(1);

    Answer reused = post("/api/grievances", key, report(text + "（改）", "13800001234"));
    assertThat(reused.status()).as("same key, different body").isEqualTo(409);
  }

  @Test
  @DisplayName("8 个并发的重复提交（同一 Key）：一个案件，8 个相同答复")
  void concurrentDuplicatesMakeOneCase() throws Exception {
    String text = "并发重复提交 " + UUID.randomUUID();
    String key = UUID.randomUUID().toString();
    int n = 8;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Answer>> answers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      answers.add(
          pool.submit(
              () -> {
                go.await();
                return post("/api/grievances", key, report(text, "13800001234"));
              }));
    }
    go.countDown();
    List<JsonNode> bodies = new ArrayList<>();
    for (Future<Answer> a : answers) {
      Answer answer = a.get();
      assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(201);
      bodies.add(answer.body());
    }
    pool.shutdown();
    assertThat(bodies).allSatisfy(b -> assertThat(b).isEqualTo(bodies.get(0)));
    assertThat(casesWith(text)).isEqualTo(1);
  }

  @Test
  @DisplayName("控制字符、方向覆盖、零宽字符、NUL：400 并指明字段，不建案件")
  void unsafeTextIsA400NamingTheField() {
    for (String bad : List.of("噪音\u0000", "噪音\u202E反向", "噪\u200B音", "噪音\u0007")) {
      Answer a = post("/api/grievances", null, report(bad, null));
      assertThat(a.status()).as(bad).isEqualTo(400);
      assertThat(a.body().get("errors").get(0).get("field").asText()).isEqualTo("description");
    }
    Map<String, Object> badName = report("正常描述", null);
    badName.put("contactName", "王\u202E先生");
    assertThat(
            post("/api/grievances", null, badName)
                .body()
                .get("errors")
                .get(0)
                .get("field")
                .asText())
        .isEqualTo("contactName");
  }

  @Test
  @DisplayName("生僻字与表情经数据库原样往返；全角手机号存为加密的 E.164，员工只见掩码")
  void textRoundTripsAndPhoneIsEncrypted() {
    String text = "𠀀𪚥𰻝 犇猋骉 😀👨‍👩‍👧 " + UUID.randomUUID();
    Answer a = post("/api/grievances", null, report(text, "１３８ ０００１ ２３４５"));
    assertThat(a.status()).isEqualTo(201);
    String caseNo = a.body().get("caseNo").asText();

    assertThat(
            jdbc.sql("select description from grievance_case where case_no = ?")
                .param(caseNo)
                .query(String.class)
                .single())
        .isEqualTo(text);
    var stored =
        jdbc.sql("select legacy_contact_phone, contact_phone_enc from case_file where case_no = ?")
            .param(caseNo)
            .query((rs, n) -> new Object[] {rs.getString(1), rs.getBytes(2)})
            .single();
    assertThat(stored[0]).as("no clear phone").isNull();
    assertThat(new String((byte[]) stored[1], java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain("13800012345");
    assertThat(cipher.decrypt((byte[]) stored[1])).isEqualTo("+8613800012345");
    String pi =
        jdbc.sql("select process_instance_id from grievance_case where case_no = ?")
            .param(caseNo)
            .query(String.class)
            .single();
    assertThat(runtime.getVariable(pi, GrievanceVariables.CONTACT_PHONE_MASKED))
        .isEqualTo("138****2345");
    assertThat(runtime.getVariables(pi).toString()).doesNotContain("13800012345");
  }

  @Test
  @DisplayName("查询进度须案件编号与手机号匹配：不匹配与不存在同为404")
  void trackingNeedsTheMatchingPhone() {
    Answer a = post("/api/grievances", null, report("路灯不亮 " + UUID.randomUUID(), "13900001111"));
    String caseNo = a.body().get("caseNo").asText();

    Answer ok =
        post("/api/grievances/" + caseNo + "/track", null, Map.of("phone", "+86 139 0000 1111"));
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.body().get("status").get("caseNo").asText()).isEqualTo(caseNo);
    assertThat(ok.body().get("watchToken").asText()).isNotBlank();
    assertThat(ok.body().toString()).doesNotContain("13900001111").doesNotContain("王先生");

    assertThat(
            post("/api/grievances/" + caseNo + "/track", null, Map.of("phone", "13900001112"))
                .status())
        .isEqualTo(404);
    assertThat(
            post("/api/grievances/GR-1999-999999/track", null, Map.of("phone", "13900001111"))
                .status())
        .isEqualTo(404);
  }

  @Test
  @DisplayName("V6 之前明文保存的手机号（V13 移入 case_file 的明文列）：启动时加密为 E.164 并清空明文列")
  void phonesStoredInClearBeforeV6AreEncrypted() {
    String caseNo = "GR-1999-" + (100000 + new java.util.Random().nextInt(899999));
    long id =
        jdbc.sql(
                """
            insert into grievance_case (case_no, community_code, category, description,
              channel, status, reported_at) values (?, 'tfsq', 'OTHER', '旧数据', 'WEB',
              'CLOSED', now()) returning id""")
            .param(caseNo)
            .query(Long.class)
            .single();
    jdbc.sql(
            """
            insert into case_file (flow, case_id, case_no, community_code, category, status,
              reported_at, legacy_contact_phone) values ('GRIEVANCE', ?, ?, 'tfsq', 'OTHER', 'CLOSED',
              now(), '13800009999')""")
        .params(id, caseNo)
        .update();

    backfill.run(null);

    var row =
        jdbc.sql("select legacy_contact_phone, contact_phone_enc from case_file where case_no = ?")
            .param(caseNo)
            .query((rs, n) -> new Object[] {rs.getString(1), rs.getBytes(2)})
            .single();
    assertThat(row[0]).isNull();
    assertThat(cipher.decrypt((byte[]) row[1])).isEqualTo("+8613800009999");
  }
}
