package io.linli.sla;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The append-only SLA ledger (V3, V7): per case, clock and level one STARTED row (with the due
 * time), a stop (MET on time, RESOLVED late) per task that ended it, at most one BREACHED row per
 * escalation level and the SUPERVISED rows of the 督办. Every write is idempotent through a unique
 * index: a retried job or a second task under the same clock finds the row there and is told so.
 * Each row carries the case's estate and property company as they were when it was written.
 */
@Repository
public class SlaLedger {

  /**
   * The case's estate (from its case_file, V13), the property company serving that estate when the
   * row is written, and the month the case was reported in: the row's partition (V51). One look-up
   * of the case file (a case without one gets nulls and the default partition); the inserts select
   * their values {@code from} this, so timestamps are cast explicitly.
   */
  private static final String DIMENSIONS =
      """
      d.estate_id, d.property_company_id, d.case_month
      from (select 1) one left join lateral (
        select c.estate_id, e.property_company_id,
          date_trunc('month', c.reported_at at time zone 'Asia/Shanghai')::date as case_month
        from case_file c left join estate e on e.id = c.estate_id
        where c.case_no = :caseNo) d on true
      """;

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  SlaLedger(JdbcClient jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  private boolean written(
      int rows,
      String flow,
      String caseNo,
      String community,
      String clock,
      String event,
      int level,
      Instant dueAt,
      Instant at) {
    if (rows != 1) return false;
    events.publishEvent(
        new LedgerEntryWritten(flow, caseNo, community, clock, event, level, dueAt, at));
    return true;
  }

  /** A breached clock, escalated to {@code level}. */
  public record Breach(
      String flow,
      long caseId,
      String caseNo,
      String communityCode,
      String clock,
      int level,
      Instant dueAt,
      Instant breachedAt,
      String holder,
      String processInstanceId) {}

  /**
   * A clock of a case at a level (0: the handler's; 1 and 2: the 督办's), as the task under it knows
   * it.
   */
  public record ClockRun(
      String flow,
      long caseId,
      String caseNo,
      String communityCode,
      String clock,
      int level,
      Instant dueAt,
      String holder,
      String processInstanceId,
      String taskId,
      String activityId) {}

  /** One ledger row as read back. */
  public record Entry(
      long id,
      String flow,
      String caseNo,
      String communityCode,
      String clock,
      String event,
      int level,
      Instant dueAt,
      Instant occurredAt,
      String holder,
      String actor,
      String note) {}

  /**
   * @return true when this call wrote the breach, false when it was already recorded
   */
  public boolean recordBreach(Breach b) {
    int rows =
        jdbc.sql(
                """
                insert into sla_ledger (flow, case_id, case_no, community_code, clock, event, level,
                  due_at, occurred_at, holder, process_instance_id, estate_id, property_company_id, case_month)
                select :flow, :caseId, :caseNo, :community, :clock, 'BREACHED', :level,
                  cast(:dueAt as timestamptz), cast(:at as timestamptz), :holder, :pi,
                """
                    + DIMENSIONS
                    + """
                on conflict (flow, case_no, clock, level, case_month) where event = 'BREACHED' do nothing""")
            .param("flow", b.flow())
            .param("caseId", b.caseId())
            .param("caseNo", b.caseNo())
            .param("community", b.communityCode())
            .param("clock", b.clock())
            .param("level", b.level())
            .param("dueAt", ts(b.dueAt()))
            .param("at", ts(b.breachedAt()))
            .param("holder", b.holder())
            .param("pi", b.processInstanceId())
            .update();
    return written(
        rows,
        b.flow(),
        b.caseNo(),
        b.communityCode(),
        b.clock(),
        "BREACHED",
        b.level(),
        b.dueAt(),
        b.breachedAt());
  }

  /**
   * @return true when this call wrote the start, false when the clock had started already
   */
  public boolean recordStarted(ClockRun run, Instant at) {
    return insertRun(
        run,
        "STARTED",
        at,
        null,
        "on conflict (flow, case_no, clock, level, case_month) where event = 'STARTED' do nothing");
  }

  /**
   * The clock stopped at {@code at} with the task: MET when at or before its due time, RESOLVED
   * after it. Once per task; a clock that runs on in a later task stops again there.
   *
   * @return true when this call wrote the stop, false when this task's stop was there already
   */
  public boolean recordStopped(ClockRun run, Instant at, String actor) {
    boolean late = run.dueAt() != null && at.isAfter(run.dueAt());
    return insertRun(
        run,
        late ? "RESOLVED" : "MET",
        at,
        actor,
        "on conflict (flow, case_no, clock, level, task_id, case_month) where event in ('MET', 'RESOLVED') do nothing");
  }

  private boolean insertRun(ClockRun r, String event, Instant at, String actor, String onConflict) {
    int rows =
        jdbc.sql(
                """
                insert into sla_ledger (flow, case_id, case_no, community_code, clock, event, level,
                  due_at, occurred_at, holder, actor, process_instance_id, task_id, activity_id,
                  estate_id, property_company_id, case_month)
                select :flow, :caseId, :caseNo, :community, :clock, :event, :level,
                  cast(:dueAt as timestamptz), cast(:at as timestamptz),
                  :holder, :actor, :pi, :taskId, :activityId,
                """
                    + DIMENSIONS
                    + onConflict)
            .param("flow", r.flow())
            .param("caseId", r.caseId())
            .param("caseNo", r.caseNo())
            .param("community", r.communityCode())
            .param("clock", r.clock())
            .param("event", event)
            .param("level", r.level())
            .param("dueAt", ts(r.dueAt()))
            .param("at", ts(at))
            .param("holder", r.holder())
            .param("actor", actor)
            .param("pi", r.processInstanceId())
            .param("taskId", r.taskId())
            .param("activityId", r.activityId())
            .update();
    return written(
        rows, r.flow(), r.caseNo(), r.communityCode(), r.clock(), event, r.level(), r.dueAt(), at);
  }

  /** A 督办 at {@code level} was done by {@code actor}. */
  public void recordSupervised(
      String flow,
      long caseId,
      String caseNo,
      String communityCode,
      String clock,
      int level,
      Instant at,
      String actor,
      String note,
      String processInstanceId) {
    int rows =
        jdbc.sql(
                """
            insert into sla_ledger (flow, case_id, case_no, community_code, clock, event, level,
              occurred_at, actor, note, process_instance_id, estate_id, property_company_id, case_month)
            select :flow, :caseId, :caseNo, :community, :clock, 'SUPERVISED', :level,
              cast(:at as timestamptz), :actor, :note, :pi,
            """
                    + DIMENSIONS)
            .param("flow", flow)
            .param("caseId", caseId)
            .param("caseNo", caseNo)
            .param("community", communityCode)
            .param("clock", clock)
            .param("level", level)
            .param("at", ts(at))
            .param("actor", actor)
            .param("note", note)
            .param("pi", processInstanceId)
            .update();
    written(rows, flow, caseNo, communityCode, clock, "SUPERVISED", level, null, at);
  }

  /**
   * A clock paused (PAUSED, with its due time when the pause began) or resumed (RESUMED, with its
   * new due time, moved by the time paused; null when the clock has not started yet) — see {@link
   * SlaPauses}. Not idempotent by itself: {@link SlaPauses} writes each pause's rows once.
   */
  void recordPause(
      SlaPauses.CaseRef c,
      String clock,
      String event,
      Instant dueAt,
      Instant at,
      String actor,
      String note) {
    int rows =
        jdbc.sql(
                """
            insert into sla_ledger (flow, case_id, case_no, community_code, clock, event, level,
              due_at, occurred_at, actor, note, process_instance_id, estate_id, property_company_id, case_month)
            select :flow, :caseId, :caseNo, :community, :clock, :event, 0,
              cast(:dueAt as timestamptz), cast(:at as timestamptz), :actor, :note, :pi,
            """
                    + DIMENSIONS)
            .param("flow", c.flow())
            .param("caseId", c.caseId())
            .param("caseNo", c.caseNo())
            .param("community", c.communityCode())
            .param("clock", clock)
            .param("event", event)
            .param("dueAt", ts(dueAt))
            .param("at", ts(at))
            .param("actor", actor)
            .param("note", note)
            .param("pi", c.processInstanceId())
            .update();
    written(rows, c.flow(), c.caseNo(), c.communityCode(), clock, event, 0, dueAt, at);
  }

  /**
   * The clock's latest recorded due time at level 0 (its start, a stop or a resumption), if any.
   */
  Instant lastDue(String caseNo, String clock) {
    return jdbc.sql(
            """
            select due_at from sla_ledger where case_no = ? and clock = ? and level = 0
              and due_at is not null order by id desc limit 1""")
        .params(caseNo, clock)
        .query((rs, n) -> instant(rs.getTimestamp(1)))
        .optional()
        .orElse(null);
  }

  /**
   * Retention: the free-text notes of a case's rows (督办意见) are set to null; the rows stay, so the
   * ledger's figures do. The append-only trigger lets exactly this update through (V97_2).
   */
  public void clearNotes(String flow, String caseNo) {
    jdbc.sql(
            "update sla_ledger set note = null where flow = ? and case_no = ? and note is not null")
        .params(flow, caseNo)
        .update();
  }

  /** The case's breaches and 督办 (BREACHED and SUPERVISED rows), oldest first. */
  public List<Entry> entriesOf(String caseNo) {
    return read(caseNo, "and event in ('BREACHED', 'SUPERVISED')");
  }

  /** Every row of the case, clock starts and stops included, oldest first. */
  public List<Entry> allEntriesOf(String caseNo) {
    return read(caseNo, "");
  }

  private List<Entry> read(String caseNo, String condition) {
    return jdbc.sql(
            """
            select id, flow, case_no, community_code, clock, event, level, due_at, occurred_at,
                   holder, actor, note
            from sla_ledger where case_no = ?
            """
                + condition
                + " order by id")
        .param(caseNo)
        .query(
            (rs, n) ->
                new Entry(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getInt(7),
                    instant(rs.getTimestamp(8)),
                    instant(rs.getTimestamp(9)),
                    rs.getString(10),
                    rs.getString(11),
                    rs.getString(12)))
        .list();
  }

  private static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
