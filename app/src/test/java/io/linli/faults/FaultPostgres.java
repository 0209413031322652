package io.linli.faults;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL 15 for the fault test: zonky's binaries from Maven Central (no Debian postgres
 * needed), a fixed data directory and port, {@code synchronous_commit=on} as in production (zonky's
 * default is off, which may lose acknowledged commits on a crash — exactly what the test must not
 * excuse). Its own {@code pg_ctl} stops it with {@code -m immediate} (a crash: no checkpoint, open
 * connections cut) and starts it again on the same directory and port.
 */
final class FaultPostgres {

  private static final String[] SETTINGS = {
    "timezone=UTC", "synchronous_commit=on", "max_connections=300"
  };

  final Path dataDir;
  final int port;
  private final Path pgCtl;
  private final Path logFile;

  private FaultPostgres(Path dataDir, int port, Path pgCtl, Path logFile) {
    this.dataDir = dataDir;
    this.port = port;
    this.pgCtl = pgCtl;
    this.logFile = logFile;
  }

  static FaultPostgres start(Path dir, int port) throws Exception {
    Path data = dir.resolve("pgdata");
    EmbeddedPostgres.Builder b =
        EmbeddedPostgres.builder()
            .setDataDirectory(data)
            .setCleanDataDirectory(false)
            .setRegisterShutdownHook(false)
            .setPort(port);
    for (String s : SETTINGS) {
      String[] kv = s.split("=", 2);
      b.setServerConfig(kv[0], kv[1]);
    }
    EmbeddedPostgres pg = b.start();
    Field f = EmbeddedPostgres.class.getDeclaredField("pgDir");
    f.setAccessible(true);
    Path pgCtl = ((File) f.get(pg)).toPath().resolve("bin").resolve("pg_ctl");
    return new FaultPostgres(data, port, pgCtl, dir.resolve("postgres.log"));
  }

  String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + port + "/postgres";
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), "postgres", "postgres");
  }

  /** Like a crash of the database server: no checkpoint, every connection cut. */
  void stopImmediately() throws Exception {
    pgCtl("stop", "-m", "immediate", "-w", "-t", "60");
  }

  void stopFast() throws Exception {
    pgCtl("stop", "-m", "fast", "-w", "-t", "30");
  }

  void startAgain() throws Exception {
    StringBuilder options = new StringBuilder("-p " + port);
    for (String s : SETTINGS) options.append(" -c ").append(s);
    pgCtl("start", "-w", "-t", "120", "-l", logFile.toString(), "-o", options.toString());
  }

  private void pgCtl(String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    // PostgreSQL refuses to run as root; like zonky, run it in a user namespace then.
    if ("root".equals(System.getProperty("user.name"))) cmd.addAll(List.of("unshare", "-U"));
    cmd.addAll(List.of(pgCtl.toString(), "-D", dataDir.toString()));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile("pg_ctl", ".log");
    Process p =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    if (!p.waitFor(150, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("pg_ctl " + String.join(" ", args) + " timed out");
    }
    String log = Files.readString(out);
    Files.deleteIfExists(out);
    if (p.exitValue() != 0 && !log.contains("Is server running?")) {
      throw new IOException("pg_ctl " + String.join(" ", args) + " failed: " + log);
    }
  }
}
