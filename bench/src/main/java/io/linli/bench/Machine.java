package io.linli.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The machine and the settings a figure depends on, recorded with the figures. */
final class Machine {

  private Machine() {}

  static Map<String, Object> snapshot() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("at", Instant.now().toString());
    m.put("cores", Runtime.getRuntime().availableProcessors());
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      m.put("ramGiB", Math.round(os.getTotalMemorySize() / (1024.0 * 1024 * 1024)));
    }
    try {
      m.put("loadavg", Files.readString(Path.of("/proc/loadavg")).trim());
    } catch (Exception e) {
      m.put("loadavg", "n/a");
    }
    m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    m.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
    return m;
  }

  static Map<String, Object> settings(Sut sut) {
    Map<String, Object> m = new LinkedHashMap<>();
    ProcessEngineConfigurationImpl cfg = sut.engineConfiguration();
    m.put(
        "database", sut.externalDb ? "external (LINLI_DB_URL)" : "embedded (zonky), bench/target");
    m.put("postgres", sut.jdbc.queryForObject("show server_version", String.class));
    m.put("historyLevel", cfg.getHistoryLevel().getName());
    JobExecutor je = cfg.getJobExecutor();
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("active", je.isActive());
    j.put("maxJobsPerAcquisition", je.getMaxJobsPerAcquisition());
    j.put("waitTimeInMillis", je.getWaitTimeInMillis());
    j.put("maxWait", je.getMaxWait());
    j.put("lockTimeInMillis", je.getLockTimeInMillis());
    j.put("acquireByDueDate", cfg.isJobExecutorAcquireByDueDate());
    j.put("preferTimerJobs", cfg.isJobExecutorPreferTimerJobs());
    if (je instanceof SpringJobExecutor s
        && s.getTaskExecutor() instanceof ThreadPoolTaskExecutor t) {
      j.put("corePoolSize", t.getCorePoolSize());
      j.put("maxPoolSize", t.getMaxPoolSize());
      j.put("queueCapacity", t.getQueueCapacity());
    }
    m.put("jobExecutor", j);
    DataSource ds = sut.context.getBean(DataSource.class);
    if (ds instanceof HikariDataSource h) m.put("connectionPool", h.getMaximumPoolSize());
    m.put(
        "tomcatMaxThreads",
        sut.context.getEnvironment().getProperty("server.tomcat.threads.max", "200 (default)"));
    List<String> indexes =
        sut.jdbc.queryForList(
            "select tablename || ': ' || indexname || ' ' || substring(indexdef from ' USING .*$') "
                + "from pg_indexes where schemaname = current_schema() and tablename in "
                + "('act_ru_task', 'act_ru_job', 'act_ru_identitylink', 'sla_ledger', 'grievance_case', "
                + "'case_file', 'case_event') order by 1",
            String.class);
    m.put("indexes", indexes);
    return m;
  }
}
