package io.linli.sla;

import io.linli.system.Times;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * 临期预警: when a clock's holder is warned before it falls due, and the one row per clock that says
 * whether they were ({@code sla_warning}). The instant is configuration next to the clocks:
 *
 * <ul>
 *   <li>{@code linli.sla.warning.fraction} (default 0.75): the share of the clock's length after
 *       which its holder is warned, measured from the clock's start;
 *   <li>{@code linli.sla.warning.clocks.<clock>.fraction} or {@code .lead} (an ISO-8601 duration
 *       before the due time) for one clock, the clock named by its ledger id in kebab case ({@code
 *       grievance-respond} for GRIEVANCE_RESPOND). A lead time wins over a fraction.
 * </ul>
 *
 * {@link SlaWarningPlugin} schedules the row when a task under a clock is created (and puts the
 * instant on the task as its follow-up date, which Tasklist's 即将超时 filter reads); the notification
 * mechanism claims due rows, warns the task's holder and marks them sent.
 */
@Repository
public class SlaWarnings {

  static final double DEFAULT_FRACTION = 0.75;

  private final JdbcClient jdbc;
  private final Binder binder;
  private final double fraction;

  @Autowired
  SlaWarnings(JdbcClient jdbc, Environment env, List<SlaDeclarations> declarations) {
    this(jdbc, Binder.get(env), declarations);
  }

  /** Checks every declared clock's warning settings, so a wrong one stops the start. */
  SlaWarnings(JdbcClient jdbc, Binder binder, List<SlaDeclarations> declarations) {
    this.jdbc = jdbc;
    this.binder = binder;
    this.fraction =
        checkedFraction(
            "linli.sla.warning.fraction",
            binder.bind("linli.sla.warning.fraction", Double.class).orElse(DEFAULT_FRACTION));
    Instant t = Instant.EPOCH;
    for (SlaDeclarations d : declarations) {
      for (ClockSpec c : d.clocks()) {
        String base = "linli.sla.warning.clocks." + kebab(c.id());
        binder
            .bind(base + ".lead", Duration.class)
            .ifBound(
                lead -> {
                  if (lead.isNegative() || lead.isZero()) {
                    throw new IllegalStateException(
                        base + ".lead must be a positive duration, not " + lead);
                  }
                });
        warnAt(c.id(), t, t.plusSeconds(60));
      }
    }
  }

  /**
   * A warning that fell due, with the process instance and activity whose tasks run its clock now.
   */
  public record Due(
      long id,
      String flow,
      String caseNo,
      String clock,
      int level,
      String processInstanceId,
      String activityId,
      Instant dueAt) {}

  /**
   * When the holder of {@code clock}, started at {@code start} and due at {@code due}, is warned.
   */
  public Instant warnAt(String clock, Instant start, Instant due) {
    Setting setting = settings.computeIfAbsent(clock, this::setting);
    if (setting.lead() != null) {
      Instant at = due.minus(setting.lead());
      return at.isBefore(start) ? start : at;
    }
    long millis = Duration.between(start, due).toMillis();
    return start.plusMillis(Math.max(0, Math.round(millis * setting.fraction())));
  }

  /** A clock's warning setting: a lead time, else a fraction. */
  private record Setting(Duration lead, double fraction) {}

  /**
   * Bound once per clock: binding the configuration costs more than the rest of a task's creation
   * hook, which asks at every task under a clock (a burst of escalations asks thousands of times).
   */
  private final Map<String, Setting> settings = new ConcurrentHashMap<>();

  private Setting setting(String clock) {
    String base = "linli.sla.warning.clocks." + kebab(clock);
    var lead = binder.bind(base + ".lead", Duration.class);
    if (lead.isBound()) return new Setting(lead.get(), 0);
    return new Setting(
        null,
        binder
            .bind(base + ".fraction", Double.class)
            .map(v -> checkedFraction(base + ".fraction", v))
            .orElse(fraction));
  }

  static String kebab(String clockId) {
    return clockId.toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static double checkedFraction(String key, double f) {
    if (!(f > 0 && f < 1))
      throw new IllegalStateException(key + " must lie between 0 and 1, not " + f);
    return f;
  }

  /**
   * Schedules the clock's warning, or hands a pending one to the task that now runs the clock. A
   * warning already sent stays sent: one per clock.
   */
  void schedule(
      String flow,
      String caseNo,
      String clock,
      int level,
      String community,
      String processInstanceId,
      String activityId,
      Instant dueAt,
      Instant warnAt) {
    Timestamp now = Timestamp.from(Times.now());
    jdbc.sql(
            """
            insert into sla_warning (flow, case_no, clock, level, community_code, process_instance_id,
              activity_id, due_at, warn_at, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (flow, case_no, clock, level) do update
              set process_instance_id = excluded.process_instance_id,
                  activity_id = excluded.activity_id, due_at = excluded.due_at,
                  warn_at = excluded.warn_at
              where sla_warning.status = 'PENDING'""")
        .params(
            flow,
            caseNo,
            clock,
            level,
            community,
            processInstanceId,
            activityId,
            Timestamp.from(dueAt),
            Timestamp.from(warnAt),
            now)
        .update();
  }

  /** When the clock started: its STARTED row in the ledger, if written already. */
  Optional<Instant> started(String flow, String caseNo, String clock, int level) {
    return jdbc.sql(
            """
            select min(occurred_at) from sla_ledger
            where flow = ? and case_no = ? and clock = ? and level = ? and event = 'STARTED'""")
        .params(flow, caseNo, clock, level)
        .query((rs, n) -> rs.getTimestamp(1))
        .optional()
        .map(t -> t == null ? null : t.toInstant());
  }

  /**
   * Claims up to {@code limit} pending warnings due at {@code now} of cases not paused (挂起: a
   * resumed pause moves the warning with the clock, SlaPauses), locked ({@code FOR UPDATE SKIP
   * LOCKED}) until the caller's transaction ends, so no two nodes claim the same one. Call inside a
   * transaction and mark each claimed row.
   */
  public List<Due> claimDue(Instant now, int limit) {
    return jdbc.sql(
            """
            select id, flow, case_no, clock, level, process_instance_id, activity_id, due_at
            from sla_warning
            where status = 'PENDING' and warn_at <= ?
              and not exists (select 1 from sla_pause p
                              where p.case_no = sla_warning.case_no and p.resumed_at is null)
            order by warn_at, id limit ? for update skip locked""")
        .params(Timestamp.from(now), limit)
        .query(
            (rs, n) ->
                new Due(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getInt(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getTimestamp(8).toInstant()))
        .list();
  }

  /** The holder was warned ({@code recipients} staff members reached). */
  public void markSent(long id, Instant at, int recipients) {
    jdbc.sql("update sla_warning set status = 'SENT', sent_at = ?, recipients = ? where id = ?")
        .params(Timestamp.from(at), recipients, id)
        .update();
  }

  /** The clock stopped (no task runs it any more) before the warning was due: none is sent. */
  public void markStopped(long id) {
    jdbc.sql("update sla_warning set status = 'STOPPED' where id = ?").param(id).update();
  }
}
