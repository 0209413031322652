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

  private static final java.util.concurrent.atomic.AtomicLong peakHeapUsed =
      new java.util.concurrent.atomic.AtomicLong();

  /** Samples the heap in use once a second for the whole run (a daemon thread). */
  static void watchHeap() {
    Thread t =
        new Thread(
            () -> {
              var memory = ManagementFactory.getMemoryMXBean();
              while (true) {
                peakHeapUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                  Thread.sleep(1000);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "bench-heap-watch");
    t.setDaemon(true);
    t.start();
  }

  /**
   * Heap and resident memory of this JVM (the driver and the app share it): the heap's limit, the
   * highest heap use seen by {@link #watchHeap}, and the process's resident set now and at its
   * peak.
   */
  static Map<String, Object> memory() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
    m.put("peakHeapUsedMiB", peakHeapUsed.get() / (1024 * 1024));
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) m.put("rssMiB", kibToMib(line));
        if (line.startsWith("VmHWM:")) m.put("peakRssMiB", kibToMib(line));
      }
    } catch (Exception e) {
      m.put("rssMiB", "n/a");
    }
    return m;
  }

  private static long kibToMib(String statusLine) {
    return Long.parseLong(statusLine.replaceAll("[^0-9]", "")) / 1024;
  }

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
