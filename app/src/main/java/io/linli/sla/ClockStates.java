package io.linli.sla;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A case's clocks as the ledger recorded them — the due times the timers really ran on and what
 * became of each — for status views and Open311, so they never recompute a deadline from today's
 * configuration.
 */
@Repository
public class ClockStates {

  /** Where a clock stands. */
  public enum State {
    /** running, not yet due or not yet escalated */
    OPEN,
    /** stopped at or before its due time */
    MET,
    /** stopped after its due time without a 督办 (finished late before the timer ran) */
    LATE,
    /** ran out and went to 督办 */
    BREACHED,
    /** never stopped: the case ended another way */
    STOPPED,
    /** paused while the case waits on the resident (挂起, {@link SlaPauses}); due time to follow */
    PAUSED
  }

  /**
   * @param stoppedAt the clock's last stop, or null
   */
  public record ClockState(String clock, Instant dueAt, State state, Instant stoppedAt) {}

  private final JdbcClient jdbc;

  ClockStates(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The handler's clocks (level 0) of a case in the order they started.
   *
   * @param caseEnded true when the case is over, so an unstopped clock is STOPPED, not OPEN
   */
  public List<ClockState> of(String caseNo, boolean caseEnded) {
    record Row(String clock, String event, int level, Instant dueAt, Instant at) {}
    List<Row> rows =
        jdbc.sql(
                """
            select clock, event, level, due_at, occurred_at from sla_ledger
            where case_no = ? and (level = 0 or (level = 1 and event = 'BREACHED')) order by id""")
            .param(caseNo)
            .query(
                (rs, n) ->
                    new Row(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getInt(3),
                        instant(rs.getTimestamp(4)),
                        instant(rs.getTimestamp(5))))
            .list();
    Map<String, Instant> due = new LinkedHashMap<>();
    Map<String, Row> lastStop = new LinkedHashMap<>();
    Map<String, Boolean> breached = new LinkedHashMap<>();
    java.util.Set<String> paused = new java.util.HashSet<>();
    for (Row r : rows) {
      due.putIfAbsent(r.clock(), null);
      if (r.dueAt() != null) due.put(r.clock(), r.dueAt());
      switch (r.event()) {
        case "MET", "RESOLVED" -> lastStop.put(r.clock(), r);
        case "BREACHED" -> breached.put(r.clock(), true);
        case "PAUSED" -> paused.add(r.clock());
        case "RESUMED" -> paused.remove(r.clock());
        default -> {}
      }
    }
    List<ClockState> out = new ArrayList<>();
    due.forEach(
        (clock, dueAt) -> {
          Row stop = lastStop.get(clock);
          State state =
              breached.containsKey(clock)
                  ? State.BREACHED
                  : paused.contains(clock)
                      ? State.PAUSED
                      : stop != null
                          ? ("RESOLVED".equals(stop.event()) ? State.LATE : State.MET)
                          : caseEnded ? State.STOPPED : State.OPEN;
          out.add(new ClockState(clock, dueAt, state, stop == null ? null : stop.at()));
        });
    return out;
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
