package io.linli.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linli.LinliApplication;
import io.linli.TestHttp;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * Integration tier, its own databases and applications: the backup procedure of docs/operations.md.
 * An application with open cases (a grievance waiting for triage with its respond timer pending, a
 * service order waiting for dispatch) is dumped while it runs ({@code pg_dump -Fc}, PostgreSQL's
 * client programs, Debian's {@code postgresql-client}), then stopped; the dump is restored ({@code
 * pg_restore}) into an empty database of a second PostgreSQL server and the application started on
 * it. Every open case continues there: the grievance's timer fires when the engine's clock passes
 * it and escalates to 社区党委, the service order is dispatched, and the resident tracks both by phone.
 * Runs after the shared context's tests (a second Camunda application in the JVM disturbs their
 * {@code /engine-rest}).
 */
@Order(Integer.MAX_VALUE - 4)
class BackupRestoreTest {

  static final String KEY =
      Base64.getEncoder().encodeToString("backup-test-key-0123456789abcdef".getBytes());

  static final List<AutoCloseable> open = new ArrayList<>();

  @AfterAll
  static void stop() throws Exception {
    ClockUtil.reset();
    for (int i = open.size() - 1; i >= 0; i--) open.get(i).close();
  }

  @Test
  @DisplayName("运行中的系统 pg_dump 后 pg_restore 到空库，应用在其上继续办理每个在办案件：定时器触发、进度可查")
  void restoredDumpContinuesEveryOpenCase() throws Exception {
    String pgDump = client("pg_dump");
    String pgRestore = client("pg_restore");
    Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    ClockUtil.setCurrentTime(Date.from(start));

    // given: a running system with open cases
    EmbeddedPostgres live = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
    open.add(live);
    ConfigurableApplicationContext first =
        app(live.getJdbcUrl("postgres", "postgres"), "backuplive");
    RestClient http = client(first);
    JsonNode grievance =
        post(
            http,
            "/api/grievances",
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
                "4栋门口垃圾没人清运",
                "contactName",
                "备份测试",
                "contactPhone",
                "13977771001",
                "channel",
                "WEB"),
            201);
    String caseNo = grievance.get("caseNo").asText();
    JsonNode order =
        post(
            http,
            "/api/service-orders",
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
                "洗衣机不脱水",
                "contactName",
                "备份测试",
                "contactPhone",
                "13977771002",
                "channel",
                "WEB"),
            201);
    String orderNo = order.get("orderNo").asText();
    Date respondDue = timer(first, caseNo).getDuedate();
    assertThat(respondDue).as("the grievance's respond timer is pending").isAfter(Date.from(start));

    // when: dumped while it runs, restored into an empty database elsewhere
    Path dump = Files.createTempFile("linli-", ".dump");
    run(
        List.of(
            pgDump,
            "-Fc",
            "-h",
            "localhost",
            "-p",
            String.valueOf(live.getPort()),
            "-U",
            "postgres",
            "-d",
            "postgres",
            "-f",
            dump.toString()));
    first.close();
    EmbeddedPostgres other = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
    open.add(other);
    JdbcClient.create(other.getPostgresDatabase()).sql("create database linli").update();
    run(
        List.of(
            pgRestore,
            "--no-owner",
            "--exit-on-error",
            "-h",
            "localhost",
            "-p",
            String.valueOf(other.getPort()),
            "-U",
            "postgres",
            "-d",
            "linli",
            dump.toString()));
    Files.delete(dump);
    ConfigurableApplicationContext restored =
        app(other.getJdbcUrl("postgres", "linli"), "backuprestored");
    http = client(restored);

    // then: the timer fires on the restored system and escalates
    ClockUtil.setCurrentTime(Date.from(respondDue.toInstant().plusSeconds(1)));
    Job timer = timer(restored, caseNo);
    assertThat(timer.getDuedate()).isEqualTo(respondDue);
    ProcessEngine engine = restored.getBean(ProcessEngine.class);
    engine.getManagementService().executeJob(timer.getId());
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(caseNo)
                .taskDefinitionKey("Task_SuperviseCommunity")
                .count())
        .as("督办 after the breach")
        .isEqualTo(1);
    assertThat(
            JdbcClient.create(other.getDatabase("postgres", "linli"))
                .sql("select count(*) from sla_ledger where case_no = ? and event = 'BREACHED'")
                .param(caseNo)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    // the open service order goes on, and both track by phone
    var dispatch =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceBusinessKey(orderNo)
            .taskDefinitionKey("Task_Dispatch")
            .singleResult();
    engine.getTaskService().claim(dispatch.getId(), "property1");
    engine
        .getTaskService()
        .complete(
            dispatch.getId(),
            Map.of("dispatchMode", "TEAM", "dispatchTeam", "repair", "dispatchNote", ""));
    assertThat(
            post(
                    http,
                    "/api/service-orders/" + orderNo + "/track",
                    Map.of("phone", "13977771002"),
                    200)
                .get("status")
                .get("status")
                .asText())
        .isEqualTo("AWAITING_ACCEPTANCE");
    JsonNode tracked =
        post(http, "/api/grievances/" + caseNo + "/track", Map.of("phone", "13977771001"), 200);
    assertThat(tracked.get("status").get("status").asText()).isEqualTo("TRIAGE");
    // and a new case gets the next number
    JsonNode next =
        post(
            http,
            "/api/grievances",
            Map.of(
                "communityCode",
                "tfsq",
                "estateCode",
                "dtsz",
                "category",
                "ENVIRONMENT",
                "description",
                "路灯不亮",
                "channel",
                "WEB"),
            201);
    assertThat(next.get("caseNo").asText()).isGreaterThan(caseNo);
  }

  private static Job timer(ConfigurableApplicationContext app, String caseNo) {
    ManagementService management = app.getBean(ProcessEngine.class).getManagementService();
    String pi =
        app.getBean(ProcessEngine.class)
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(caseNo)
            .singleResult()
            .getId();
    List<Job> timers =
        management.createJobQuery().processInstanceId(pi).timers().orderByJobDuedate().asc().list();
    assertThat(timers).as("timers of %s", caseNo).isNotEmpty();
    return timers.get(0);
  }

  private static ConfigurableApplicationContext app(String url, String engineName) {
    ConfigurableApplicationContext app =
        new SpringApplicationBuilder(LinliApplication.class)
            .run(
                "--linli.embedded-postgres.enabled=false",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres",
                "--linli.crypto.key=" + KEY,
                "--camunda.bpm.job-execution.enabled=false",
                "--linli.notification.scheduling=false",
                "--camunda.bpm.process-engine-name=" + engineName,
                "--server.port=0");
    open.add(app);
    return app;
  }

  private static RestClient client(ConfigurableApplicationContext app) {
    return TestHttp.client(((WebServerApplicationContext) app).getWebServer().getPort());
  }

  private static JsonNode post(RestClient http, String path, Map<String, ?> body, int status) {
    var r =
        http.post()
            .uri(path)
            .contentType(MediaType.APPLICATION_JSON)
            .body(body)
            .retrieve()
            .toEntity(JsonNode.class);
    assertThat(r.getStatusCode().value()).as("%s: %s", path, r.getBody()).isEqualTo(status);
    return r.getBody();
  }

  /** PostgreSQL 15's client program, from Debian's postgresql-client-15 (.ci/run installs it). */
  private static String client(String program) {
    Path debian = Path.of("/usr/lib/postgresql/15/bin", program);
    Assumptions.assumeTrue(
        Files.isExecutable(debian),
        "skipped: " + debian + " is missing (apt-get install postgresql-client-15)");
    return debian.toString();
  }

  private static void run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out;
    try (var in = p.getInputStream()) {
      out = new String(in.readAllBytes());
    }
    assertThat(p.waitFor(1, TimeUnit.MINUTES)).as("%s finished", command.get(0)).isTrue();
    assertThat(p.exitValue()).as("%s: %s", String.join(" ", command), out).isZero();
  }
}
