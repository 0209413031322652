package io.linli.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.linli.CaseClock;
import io.linli.LinliSpringTest;
import io.linli.TestHttp;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Integration tier (own context: a real SMTP server, GreenMail in-process): a 临期预警 reaches the
 * task's holders by e-mail at the address their identity gives, through the outbox; a staff member
 * with a phone also gets an SMS row, the phone encrypted. The schedulers are off; the test runs the
 * warning and dispatch passes itself.
 */
@LinliSpringTest
@org.junit.jupiter.api.Order(Integer.MAX_VALUE - 5)
class StaffMailTest {

  static final GreenMail SMTP;

  static {
    try (ServerSocket s = new ServerSocket(0)) {
      SMTP =
          new GreenMail(new ServerSetup(s.getLocalPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    } catch (IOException e) {
      throw new ExceptionInInitializerError(e);
    }
    SMTP.start();
  }

  @DynamicPropertySource
  static void endpoints(DynamicPropertyRegistry r) {
    r.add("spring.mail.host", () -> "127.0.0.1");
    r.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    r.add("linli.notification.scheduling", () -> "false");
    r.add("camunda.bpm.process-engine-name", () -> "staff-mail");
  }

  @AfterAll
  static void stop() {
    SMTP.stop();
  }

  @LocalServerPort int port;
  @Autowired CaseClock clock;
  @Autowired ClockWarningDispatcher warnings;
  @Autowired NotificationDispatcher dispatcher;
  @Autowired StaffNotifications staff;
  @Autowired TaskService tasks;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  @DisplayName("临期预警邮件经真实SMTP送达承办组成员的身份邮箱；有手机号的另发短信，号码加密保存")
  void warningMailArrivesAtTheHoldersIdentityAddress() throws Exception {
    staff.setPhone("grid1", "+8613800005566");
    clock.pin();
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
                    "5栋水管漏水",
                    "contactPhone",
                    "13900006677",
                    "channel",
                    "WEB"))
            .retrieve()
            .body(JsonNode.class);
    String caseNo = body.get("caseNo").asText();
    Instant warnAt =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(caseNo)
            .taskDefinitionKey("Task_Triage")
            .singleResult()
            .getFollowUpDate()
            .toInstant();

    clock.at(warnAt);
    assertThat(warnings.warnDue()).isGreaterThanOrEqualTo(1);
    dispatcher.dispatchDue();

    List<MimeMessage> ours =
        Arrays.stream(SMTP.getReceivedMessages())
            .filter(m -> subject(m).contains("临期预警") && subject(m).contains(caseNo))
            .toList();
    assertThat(ours).hasSize(1);
    assertThat(ours.get(0).getRecipients(Message.RecipientType.TO)[0].toString())
        .isEqualTo("grid1@demo.linli.invalid");
    assertThat(((String) ours.get(0).getContent())).contains("分流定级").contains("请及时处理");

    var sms =
        jdbc.sql(
                """
            select address_enc from notification_outbox
            where case_no = ? and event_type = 'SLA_WARNING' and channel = 'SMS' and recipient = 'grid1'""")
            .param(caseNo)
            .query((rs, n) -> rs.getBytes(1))
            .single();
    assertThat(new String(sms, java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain("13800005566");
  }

  static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (Exception e) {
      return "";
    }
  }
}
