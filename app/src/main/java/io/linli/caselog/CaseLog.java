package io.linli.caselog;

import io.linli.system.Times;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What happened to a case, in the order it happened: written in the same transaction as the state
 * change, read by the resident's status view. Actors are roles, never people's names. Each row is
 * also published as a {@link CaseEventRecorded} to listeners running in the same transaction (the
 * notification outbox), so a notification exists exactly when its state change commits. A row is
 * read back as the kind its flow declared ({@link CaseEventCatalog}), else a {@link CommonEvent},
 * else a kind another flow declared (one flow may note on another's case).
 */
@Repository
public class CaseLog {

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  private final Map<String, Map<String, CaseEventKind>> byFlow = new HashMap<>();
  private final Map<String, CaseEventKind> anyFlow = new HashMap<>();

  CaseLog(JdbcClient jdbc, ApplicationEventPublisher events, List<CaseEventCatalog> catalogs) {
    this.jdbc = jdbc;
    this.events = events;
    for (CaseEventCatalog c : catalogs) {
      Map<String, CaseEventKind> kinds = byFlow.computeIfAbsent(c.key(), k -> new HashMap<>());
      for (CaseEventKind k : c.events()) {
        kinds.put(k.name(), k);
        anyFlow.putIfAbsent(k.name(), k);
      }
    }
  }

  public record Event(Instant occurredAt, CaseEventKind type, String actorRole, String note) {

    /** The note as a reader may see it: free text for the case's resident (and staff) only. */
    public String noteFor(boolean caseResident) {
      return caseResident || type.notePublic() ? note : null;
    }
  }

  public void record(
      String flow, String caseNo, CaseEventKind type, String actorRole, String note) {
    Instant at = Times.now();
    long id =
        jdbc.sql(
                """
            insert into case_event (flow, case_no, occurred_at, event_type, actor_role, note, case_month)
            values (?, ?, ?, ?, ?, ?, (select date_trunc('month', c.reported_at at time zone 'Asia/Shanghai')::date
              from case_file c where c.case_no = ?)) returning id""")
            .params(flow, caseNo, Timestamp.from(at), type.name(), actorRole, note, caseNo)
            .query(Long.class)
            .single();
    events.publishEvent(new CaseEventRecorded(id, flow, caseNo, type, actorRole, note, at));
  }

  public List<Event> history(String caseNo) {
    return jdbc.sql(
            """
            select occurred_at, event_type, actor_role, note, flow from case_event
            where case_no = ? order by occurred_at, id""")
        .param(caseNo)
        .query(
            (rs, n) ->
                new Event(
                    rs.getTimestamp(1).toInstant(),
                    kind(rs.getString(5), rs.getString(2)),
                    rs.getString(3),
                    rs.getString(4)))
        .list();
  }

  /** The kind a stored code stands for on a case of {@code flow}. */
  public CaseEventKind kind(String flow, String code) {
    CaseEventKind k = byFlow.getOrDefault(flow, Map.of()).get(code);
    if (k != null) return k;
    for (CommonEvent c : CommonEvent.values()) {
      if (c.name().equals(code)) return c;
    }
    k = anyFlow.get(code);
    if (k == null) throw new IllegalStateException("unknown case event " + flow + ":" + code);
    return k;
  }

  /**
   * Retention (cases.CaseRetention): removes the free-text notes of the case's events; the events
   * (type, time, role) stay for the statistics and the audit.
   */
  public void clearNotes(String flow, String caseNo) {
    jdbc.sql(
            "update case_event set note = null where flow = ? and case_no = ? and note is not null")
        .params(flow, caseNo)
        .update();
  }
}
