package io.linli.caselog;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import io.linli.system.Times;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What happened to a case, in the order it happened: written in the same transaction as the state
 * change, read by the resident's status view. Actors are roles, never people's names. Each row is
 * also published as a {@link CaseEventRecorded} to listeners running in the same transaction (the
 * notification outbox), so a notification exists exactly when its state change commits.
 */
@Repository
public class CaseLog {

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  CaseLog(JdbcClient jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  public record Event(Instant occurredAt, CaseEventType type, String actorRole, String note) {}

  public void record(String flow, String caseNo, CaseEventType type, String actorRole, String note) {
    Instant at = Times.now();
    long id = jdbc.sql(
            """
            insert into case_event (flow, case_no, occurred_at, event_type, actor_role, note)
            values (?, ?, ?, ?, ?, ?) returning id""")
        .params(flow, caseNo, Timestamp.from(at), type.name(),
            actorRole, note)
        .query(Long.class)
        .single();
    events.publishEvent(new CaseEventRecorded(id, flow, caseNo, type, actorRole, note, at));
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
