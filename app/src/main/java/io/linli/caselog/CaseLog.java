package io.linli.caselog;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import io.linli.system.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What happened to a case, in the order it happened: written in the same transaction as the state
 * change, read by the resident's status view. Actors are roles, never people's names.
 */
@Repository
public class CaseLog {

  private final JdbcClient jdbc;

  CaseLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public record Event(Instant occurredAt, CaseEventType type, String actorRole, String note) {}

  public void record(String flow, String caseNo, CaseEventType type, String actorRole, String note) {
    jdbc.sql(
            """
            insert into case_event (flow, case_no, occurred_at, event_type, actor_role, note)
            values (?, ?, ?, ?, ?, ?)""")
        .params(flow, caseNo, Timestamp.from(Times.now()), type.name(),
            actorRole, note)
        .update();
  }

  public List<Event> history(String caseNo) {
    return jdbc.sql(
            """
            select occurred_at, event_type, actor_role, note from case_event
            where case_no = ? order by occurred_at, id""")
        .param(caseNo)
        .query((rs, n) -> new Event(rs.getTimestamp(1).toInstant(),
            CaseEventType.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4)))
        .list();
  }
}
