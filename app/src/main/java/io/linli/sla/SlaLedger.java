package io.linli.sla;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The append-only SLA ledger. A breach is written once per case, clock and level: a retried job or
 * a second timer of the same clock finds the row there and is told so.
 */
@Repository
public class SlaLedger {

  private final JdbcClient jdbc;

  SlaLedger(JdbcClient jdbc) {
    this.jdbc = jdbc;
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

  /** @return true when this call wrote the breach, false when it was already recorded */
  public boolean recordBreach(Breach b) {
    return jdbc.sql(
                """
                insert into sla_ledger (flow, case_id, case_no, community_code, clock, event, level,
                  due_at, occurred_at, holder, process_instance_id)
                values (?, ?, ?, ?, ?, 'BREACHED', ?, ?, ?, ?, ?)
                on conflict (flow, case_no, clock, level) where event = 'BREACHED' do nothing""")
            .params(
                b.flow(), b.caseId(), b.caseNo(), b.communityCode(), b.clock(), b.level(),
                ts(b.dueAt()), ts(b.breachedAt()), b.holder(), b.processInstanceId())
            .update()
        == 1;
  }

  /** A 督办 at {@code level} was done by {@code actor}. */
  public void recordSupervised(
      String flow, long caseId, String caseNo, String communityCode, String clock, int level,
      Instant at, String actor, String note, String processInstanceId) {
    jdbc.sql(
            """
            insert into sla_ledger (flow, case_id, case_no, community_code, clock, event, level,
              occurred_at, actor, note, process_instance_id)
            values (?, ?, ?, ?, ?, 'SUPERVISED', ?, ?, ?, ?, ?)""")
        .params(flow, caseId, caseNo, communityCode, clock, level, ts(at), actor, note,
            processInstanceId)
        .update();
  }

  public List<Entry> entriesOf(String caseNo) {
    return jdbc.sql(
            """
            select id, flow, case_no, community_code, clock, event, level, due_at, occurred_at,
                   holder, actor, note
            from sla_ledger where case_no = ? order by id""")
        .param(caseNo)
        .query((rs, n) -> new Entry(
            rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getInt(7), instant(rs.getTimestamp(8)),
            instant(rs.getTimestamp(9)), rs.getString(10), rs.getString(11), rs.getString(12)))
        .list();
  }

  private static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
