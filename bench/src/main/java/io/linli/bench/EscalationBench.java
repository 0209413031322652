package io.linli.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * (c) Escalation with the job executor on and the app's settings. The engine clock is pinned while
 * the cases are reported, so their 分流定级 SLA timers (report + 4 h) fall due when we choose, then it
 * runs on ({@link ClockUtil#offset}) in step with the wall clock. A clock is escalated when its
 * ledger row (sla_ledger BREACHED) and its 社区党委督办 task exist; its lateness is the ledger row's
 * {@code recorded_at} (the database's transaction time) minus the wall-clock instant it fell due.
 * Only the cases made here can fall due: every other open case is due hours later.
 */
final class EscalationBench {

  private static final Logger log = LoggerFactory.getLogger(EscalationBench.class);
  static final long RESPOND_MILLIS = 4 * 3600_000L; // linli.sla.grievance.*.respond

  private final Sut sut;
  private final Fill fill;

  EscalationBench(Sut sut, Fill fill) {
    this.sut = sut;
    this.fill = fill;
  }

  /** N clocks due at one instant. */
  Map<String, Object> burst() throws Exception {
    int n = sut.config.burst();
    long firstId = maxCaseId() + 1;
    long supervisionBefore = supervisionTasks();
    long dueAt = System.currentTimeMillis();
    ClockUtil.setCurrentTime(new java.util.Date(dueAt - RESPOND_MILLIS));
    Stats created;
    try {
      created = Load.run("burst cases", sut.config.fillThreads(), n, i -> fill.report()).stats();
    } catch (RuntimeException e) {
      ClockUtil.reset();
      throw e;
    }
    long offset = dueAt - System.currentTimeMillis();
    ClockUtil.offset(offset);
    long dueWall = dueAt - offset; // the wall-clock instant every one of them fell due: now
    log.info("burst: {} clocks due now", created.count());
    long[] done =
        waitFor(
            firstId,
            created.count(),
            supervisionBefore,
            dueWall,
            sut.config.escalationTimeoutSeconds());
    List<Double> late = lateness(firstId, offset);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("clocks", created.count());
    m.put("casesCreatedPerSecond", created.perSecond());
    m.put("ledgerRows", done[0]);
    m.put("supervisionTasks", done[1]);
    m.put("allEscalatedAfterSeconds", done[2] < 0 ? null : done[2] / 1000.0);
    Stats s =
        Stats.ofMillis("lateness", late.stream().mapToDouble(Double::doubleValue).toArray(), 0);
    m.put("latenessP50Seconds", Stats.round(s.p50() / 1000.0));
    m.put("latenessP99Seconds", Stats.round(s.p99() / 1000.0));
    m.put("latenessMaxSeconds", Stats.round(s.max() / 1000.0));
    m.put("targetMet", done[2] >= 0 && done[2] <= 60_000);
    return m;
  }

  /** Clocks falling due at a steady rate, one every 1/rate s. */
  Map<String, Object> steady() throws Exception {
    int rate = sut.config.steadyRate();
    int n = rate * sut.config.steadySeconds();
    long step = 1000L / rate;
    long firstId = maxCaseId() + 1;
    long supervisionBefore = supervisionTasks();
    long base = System.currentTimeMillis();
    try {
      for (int i = 0; i < n; i++) {
        ClockUtil.setCurrentTime(new java.util.Date(base - RESPOND_MILLIS + i * step));
        fill.report(sut.community(i));
      }
    } catch (RuntimeException e) {
      ClockUtil.reset();
      throw e;
    }
    // The first falls due 2 s from now, then one every `step` ms.
    long offset = base - 2000 - System.currentTimeMillis();
    ClockUtil.offset(offset);
    long lastDueWall = base + (n - 1) * step - offset;
    log.info("steady: {} clocks, {} per second", n, rate);
    long[] done =
        waitFor(
            firstId,
            n,
            supervisionBefore,
            lastDueWall,
            sut.config.steadySeconds() + sut.config.escalationTimeoutSeconds());
    Stats s =
        Stats.ofMillis(
            "lateness",
            lateness(firstId, offset).stream().mapToDouble(Double::doubleValue).toArray(),
            0);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("clocks", n);
    m.put("perSecond", rate);
    m.put("ledgerRows", done[0]);
    m.put("supervisionTasks", done[1]);
    m.put("latenessP50Seconds", Stats.round(s.p50() / 1000.0));
    m.put("latenessP99Seconds", Stats.round(s.p99() / 1000.0));
    m.put("latenessMaxSeconds", Stats.round(s.max() / 1000.0));
    m.put("targetMet", done[0] == n && s.p99() < 5000);
    return m;
  }

  private long maxCaseId() {
    return sut.count("select coalesce(max(id), 0) from grievance_case");
  }

  private long supervisionTasks() {
    return sut.count(
        "select count(*) from act_ru_task where task_def_key_ = 'Task_SuperviseCommunity'");
  }

  /**
   * @return ledger rows, 督办 tasks, ms from {@code fromWall} until both were complete (or -1)
   */
  private long[] waitFor(
      long firstId, long n, long supervisionBefore, long fromWall, int timeoutSeconds)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutSeconds * 1000L;
    long rows = 0;
    long tasks = 0;
    long lastLog = 0;
    while (System.currentTimeMillis() < deadline) {
      rows =
          sut.count(
              "select count(*) from sla_ledger where case_id >= ? and event = 'BREACHED'", firstId);
      tasks = supervisionTasks() - supervisionBefore;
      if (rows >= n && tasks >= n) {
        return new long[] {rows, tasks, Math.max(0, System.currentTimeMillis() - fromWall)};
      }
      if (System.currentTimeMillis() - lastLog > 10_000) {
        log.info("escalated {}/{} (督办 tasks {})", rows, n, tasks);
        lastLog = System.currentTimeMillis();
      }
      Thread.sleep(200);
    }
    return new long[] {rows, tasks, -1};
  }

  /** Per ledger row: recorded_at (wall) minus the wall-clock instant its clock fell due. */
  private List<Double> lateness(long firstId, long offset) {
    return sut.jdbc.queryForList(
        "select extract(epoch from recorded_at) * 1000 - (extract(epoch from due_at) * 1000 - ?) "
            + "from sla_ledger where case_id >= ? and event = 'BREACHED'",
        Double.class,
        offset,
        firstId);
  }
}
