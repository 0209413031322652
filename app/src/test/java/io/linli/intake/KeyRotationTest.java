package io.linli.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linli.LinliSpringTest;
import io.linli.TestHttp;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Integration tier: key rotation on a database written before it. The app runs with the original
 * key (id 0) and a new key k1, k1 active. Cases reported through the API get their contact values
 * rewritten as an older release stored them (no key id, and under key 0), then the re-encryption
 * runs in small batches: the values stay readable throughout (查询进度 with the phone), end up under
 * k1, and a cipher without key 0 reads them all — the old key can be retired. Its own context,
 * closed afterwards: a second live engine named "default" would answer the shared context's {@code
 * /engine-rest} calls.
 */
@LinliSpringTest
@DirtiesContext
@TestPropertySource(
    properties = {
      // its own engine name: the shared test context's engine stays the JVM's "default", which
      // /engine-rest and the webapps look up by name (docs/stack-notes.md)
      "camunda.bpm.process-engine-name=key-rotation",
      "linli.crypto.keys.k1=" + KeyRotationTest.K1,
      "linli.crypto.active-key=k1",
      "linli.crypto.reencrypt-batch-size=2",
      "linli.crypto.reencrypt-interval=PT1H"
    })
// A context of its own: it runs after the tests of the shared test context, whose /engine-rest and
// webapps look their engine up in the JVM-wide registry that a second context disturbs.
@org.junit.jupiter.api.Order(Integer.MAX_VALUE - 5)
class KeyRotationTest {

  static final String K1 = "a2V5LXJvdGF0aW9uLXRlc3Qta2V5LW51bWJlci0xISE=";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired KeyRotation rotation;
  @Autowired ContactCipher cipher;
  @Autowired TaskService tasks;

  @Value("${linli.crypto.key}")
  String key0;

  @Test
  @DisplayName("密钥轮换：旧值（无编号、旧密钥）在线分批重加密，全程可读；之后旧密钥可退役")
  void rotateReencryptAndRetire() throws Exception {
    RestClient http = TestHttp.client(port);
    ContactCipher release = new ContactCipher(key0);
    String[] phones = {"13900001001", "13900001002", "13900001003"};
    String[] cases = new String[3];
    for (int i = 0; i < 3; i++) cases[i] = report(http, phones[i], "r" + i + "@example.cn");
    triage(cases[0]); // notices into the outbox
    assertThat(cipher.activeKeyId()).isEqualTo("k1");

    // given: case 0 as releases before key ids stored it, case 1 under key 0 with its id
    for (KeyRotation.Column c : KeyRotation.COLUMNS) {
      String caseNo = "case_no"; // every encrypted table names its case
      for (int i = 0; i < 2; i++) {
        int n = i;
        List<Object[]> rows =
            jdbc.sql(
                    "select "
                        + c.id()
                        + ", "
                        + c.column()
                        + " from "
                        + c.table()
                        + " where "
                        + caseNo
                        + " = ? and "
                        + c.column()
                        + " is not null")
                .param(cases[i])
                .query((rs, r) -> new Object[] {rs.getLong(1), rs.getBytes(2)})
                .list();
        for (Object[] r : rows) {
          String clear = cipher.decrypt((byte[]) r[1]);
          byte[] old = n == 0 ? ContactCipherTest.legacy(key0, clear) : release.encrypt(clear);
          jdbc.sql("update " + c.table() + " set " + c.column() + " = ? where " + c.id() + " = ?")
              .params(old, r[0])
              .update();
        }
      }
    }
    long before = rotation.pending();
    assertThat(before).as("values not under k1").isGreaterThanOrEqualTo(2 * 2 + 2 * 2 + 2);
    assertThat(track(http, cases[0], phones[0])).as("an old value is read").isEqualTo(200);

    // when: one pass (two values per column), then the rest
    assertThat(rotation.passOnce()).as("at most a batch of two per column").isBetween(1, 4 * 2);
    long afterOnePass = rotation.pending();
    assertThat(afterOnePass).isLessThan(before).isGreaterThan(0);
    for (int i = 0; i < 3; i++) assertThat(track(http, cases[i], phones[i])).isEqualTo(200);
    int rewritten = rotation.reencryptAll();

    // then: everything under k1, readable, and readable without key 0
    assertThat(rewritten).isEqualTo(afterOnePass);
    assertThat(rotation.pending()).isZero();
    ContactCipher retired =
        new ContactCipher(new ContactCipher.Settings(null, Map.of("k1", K1), "k1", key0));
    for (KeyRotation.Column c : KeyRotation.COLUMNS) {
      for (byte[] v :
          jdbc.sql(
                  "select "
                      + c.column()
                      + " from "
                      + c.table()
                      + " where "
                      + c.column()
                      + " is not null")
              .query(byte[].class)
              .list()) {
        assertThat(ContactCipher.keyIdOf(v)).as(c.toString()).isEqualTo("k1");
        assertThat(retired.decrypt(v)).isNotBlank();
      }
    }
    for (int i = 0; i < 3; i++) {
      assertThat(
              retired.decrypt(
                  jdbc.sql("select contact_phone_enc from case_file where case_no = ?")
                      .param(cases[i])
                      .query(byte[].class)
                      .single()))
          .isEqualTo("+86" + phones[i]);
      assertThat(track(http, cases[i], phones[i])).isEqualTo(200);
    }
    assertThat(track(http, cases[0], "13900009999")).as("a wrong phone").isEqualTo(404);
    assertThat(
            retired.decrypt(
                jdbc.sql(
                        """
            select address_enc from notification_subscription where case_no = ? and channel = 'EMAIL'""")
                    .param(cases[0])
                    .query(byte[].class)
                    .single()))
        .isEqualTo("r0@example.cn");
  }

  private static String report(RestClient http, String phone, String email) {
    JsonNode receipt =
        http.post()
            .uri("/api/grievances")
            .contentType(MediaType.APPLICATION_JSON)
            .body(
                Map.of(
                    "communityCode",
                    "tfsq",
                    "estateCode",
                    "dtsz",
                    "buildingCode",
                    "b2",
                    "category",
                    "FACILITY",
                    "description",
                    "2栋单元门禁坏了",
                    "contactName",
                    "王先生",
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
    return receipt.get("caseNo").asText();
  }

  private void triage(String caseNo) {
    Task t =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(caseNo)
            .taskDefinitionKey("Task_Triage")
            .singleResult();
    tasks.claim(t.getId(), "grid1");
    tasks.complete(t.getId(), Map.of("category", "FACILITY", "tier", "MEDIUM", "triageNote", ""));
  }

  private static int track(RestClient http, String caseNo, String phone) {
    return http.post()
        .uri("/api/grievances/{no}/track", caseNo)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("phone", phone))
        .retrieve()
        .toBodilessEntity()
        .getStatusCode()
        .value();
  }
}
