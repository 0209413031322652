package io.linli.metrics;

import io.linli.system.Times;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.metrics.Meter;
import org.camunda.bpm.engine.management.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Meters read from the database: open cases by flow and state, the notification outbox, the Camunda
 * job backlog and the engine's own job-executor counts. A scrape never queries: every node
 * refreshes the cached values every {@code linli.metrics.refresh} (default 30 s) with a few
 * index-backed counts (V90), so scrapes are free and the database sees a handful of small queries
 * per node and interval. Integration tier: MetricsScrapeTest.
 */
@Component
class StateGauges {

  private static final Logger log = LoggerFactory.getLogger(StateGauges.class);

  static final String OPEN_CASES = "linli.cases.open";
  static final String OUTBOX_PENDING = "linli.notification.outbox.pending";
  static final String OUTBOX_FAILED = "linli.notification.outbox.failed";
  static final String OUTBOX_OLDEST = "linli.notification.outbox.oldest.pending.age";
  static final String JOBS_DUE = "linli.camunda.jobs.due";
  static final String JOB_EVENTS = "linli.camunda.job.events";
  static final String READY = "linli.node.ready";

  /** Camunda's own job-executor meters (Metrics.*), exported under their engine names. */
  static final List<String> ENGINE_METERS =
      List.of(
          Metrics.JOB_ACQUISITION_ATTEMPT,
          Metrics.JOB_ACQUIRED_SUCCESS,
          Metrics.JOB_ACQUIRED_FAILURE,
          Metrics.JOB_EXECUTION_REJECTED,
          Metrics.JOB_SUCCESSFUL,
          Metrics.JOB_FAILED,
          Metrics.JOB_LOCKED_EXCLUSIVE);

  private final JdbcClient jdbc;
  private final ManagementService management;
  private final ProcessEngineConfigurationImpl engineConfig;
  private final ApplicationAvailability availability;
  private final MultiGauge openCases;

  private volatile double pending;
  private volatile double failed;
  private volatile double oldestPendingSeconds;
  private volatile double jobsDue;
  private volatile boolean databaseReached;
  private final Map<String, Double> engineTotals = new ConcurrentHashMap<>();

  StateGauges(
      JdbcClient jdbc,
      ProcessEngine engine,
      ApplicationAvailability availability,
      MeterRegistry registry) {
    this.jdbc = jdbc;
    this.management = engine.getManagementService();
    this.engineConfig = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    this.availability = availability;
    this.openCases =
        MultiGauge.builder(OPEN_CASES)
            .description("Open cases by flow and state (refreshed periodically)")
            .register(registry);
    Gauge.builder(OUTBOX_PENDING, this, g -> g.pending)
        .description("Notification outbox rows waiting to be sent")
        .register(registry);
    Gauge.builder(OUTBOX_FAILED, this, g -> g.failed)
        .description("Notification outbox rows given up on (FAILED)")
        .register(registry);
    Gauge.builder(OUTBOX_OLDEST, this, g -> g.oldestPendingSeconds)
        .baseUnit("seconds")
        .description("Age of the oldest pending outbox row (0 when none)")
        .register(registry);
    Gauge.builder(JOBS_DUE, this, g -> g.jobsDue)
        .description("Camunda jobs due now with retries left (the job executor's backlog)")
        .register(registry);
    Gauge.builder(READY, this, StateGauges::ready)
        .description("1 while this node accepts traffic and reaches the database")
        .register(registry);
    for (String meter : ENGINE_METERS) {
      engineTotals.put(meter, 0d);
      FunctionCounter.builder(JOB_EVENTS, engineTotals, m -> m.getOrDefault(meter, 0d))
          .description(
              "Camunda's job-executor meters, whole cluster: the engine's meter log plus "
                  + "this node's counts not yet reported to it")
          .tag("event", meter)
          .register(registry);
    }
  }

  @EventListener(ApplicationReadyEvent.class)
  @Scheduled(
      fixedDelayString = "${linli.metrics.refresh:PT30S}",
      initialDelayString = "${linli.metrics.refresh:PT30S}")
  void scheduled() {
    try {
      refresh();
    } catch (RuntimeException e) {
      // the database is away: the gauges keep their last values, readiness says why
      databaseReached = false;
      log.warn("metrics refresh failed: {}", e.toString());
    }
  }

  /** Reads every value once; public for tests that scrape right after driving a case. */
  void refresh() {
    openCases.register(
        jdbc.sql(
                """
            select flow, status, count(*) from case_file where closed_at is null group by flow, status""")
            .query(
                (rs, i) ->
                    MultiGauge.Row.of(
                        Tags.of("flow", rs.getString(1), "state", rs.getString(2)), rs.getLong(3)))
            .list(),
        true);
    Instant now = Times.now();
    Timestamp oldest =
        jdbc.sql(
                """
            select min(created_at) from notification_outbox where status = 'PENDING'""")
            .query(Timestamp.class)
            .optional()
            .orElse(null);
    pending =
        jdbc.sql("select count(*) from notification_outbox where status = 'PENDING'")
            .query(Long.class)
            .single();
    oldestPendingSeconds =
        oldest == null
            ? 0
            : Math.max(0, Duration.between(oldest.toInstant(), now).toMillis() / 1000.0);
    failed =
        jdbc.sql("select count(*) from notification_outbox where status = 'FAILED'")
            .query(Long.class)
            .single();
    jobsDue = management.createJobQuery().executable().active().count();
    for (String meter : ENGINE_METERS) {
      Meter unreported =
          engineConfig.getMetricsRegistry() == null
              ? null
              : engineConfig.getMetricsRegistry().getDbMeters().get(meter);
      long reported = management.createMetricsQuery().name(meter).sum();
      engineTotals.put(meter, (double) reported + (unreported == null ? 0 : unreported.get()));
    }
    databaseReached = true; // it answered every query above
  }

  /** At scrape time: this node accepts traffic, and its last refresh reached the database. */
  private double ready() {
    return databaseReached && availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC
        ? 1
        : 0;
  }
}
