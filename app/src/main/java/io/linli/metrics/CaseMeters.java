package io.linli.metrics;

import io.linli.cases.CaseFileChanged;
import io.linli.sla.LedgerEntryWritten;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Counts what committed: cases opened and closed (by flow and community) from the case layer's
 * {@link CaseFileChanged}, SLA breaches (by flow, clock and level) and how late each breach was
 * recorded after its due time from the ledger's {@link LedgerEntryWritten}. Both events are
 * published inside the writing transaction; these listeners run after its commit, so a rolled-back
 * write (a failed job that the executor retries) is not counted twice. Integration tier:
 * MetricsScrapeTest.
 */
@Component
class CaseMeters {

  static final String OPENED = "linli.cases.opened";
  static final String CLOSED = "linli.cases.closed";
  static final String BREACHES = "linli.sla.breaches";
  static final String LATENESS = "linli.escalation.lateness";

  private final MeterRegistry registry;
  private final JdbcClient jdbc;

  CaseMeters(MeterRegistry registry, JdbcClient jdbc) {
    this.registry = registry;
    this.jdbc = jdbc;
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(CaseFileChanged e) {
    String name =
        switch (e.change()) {
          case OPENED -> OPENED;
          case CLOSED -> CLOSED;
          default -> null;
        };
    if (name == null) return;
    String community =
        jdbc.sql("select community_code from case_file where case_no = ?")
            .param(e.caseNo())
            .query(String.class)
            .optional()
            .orElse("unknown");
    Counter.builder(name)
        .description(name.equals(OPENED) ? "Cases opened" : "Cases closed")
        .tag("flow", e.flow())
        .tag("community", community)
        .register(registry)
        .increment();
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(LedgerEntryWritten e) {
    if (!"BREACHED".equals(e.event())) return;
    Counter.builder(BREACHES)
        .description("SLA clocks breached (one per clock and escalation level)")
        .tag("flow", e.flow())
        .tag("clock", e.clock())
        .tag("level", Integer.toString(e.level()))
        .register(registry)
        .increment();
    if (e.dueAt() != null && e.occurredAt() != null) {
      Duration late = Duration.between(e.dueAt(), e.occurredAt());
      lateness(e.flow()).record(late.isNegative() ? Duration.ZERO : late);
    }
  }

  /**
   * Breach recorded minus due time: what the job executor adds to every escalation (its polling,
   * its backlog, a crashed node's lock time). Buckets around the one-minute bound of
   * docs/scaling.md.
   */
  private Timer lateness(String flow) {
    return Timer.builder(LATENESS)
        .description("Time from an SLA clock's due time to its recorded breach")
        .tag("flow", flow)
        .serviceLevelObjectives(
            Duration.ofSeconds(1),
            Duration.ofSeconds(5),
            Duration.ofSeconds(15),
            Duration.ofSeconds(30),
            Duration.ofMinutes(1),
            Duration.ofMinutes(2),
            Duration.ofMinutes(5),
            Duration.ofMinutes(15),
            Duration.ofHours(1))
        .register(registry);
  }
}
