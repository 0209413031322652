package io.linli.supervision;

import io.linli.sla.Clock;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the append-only SLA ledger as breaches: each BREACHED row with the SUPERVISED row that
 * closed its 督办, if any. Filters are optional; an open breach is one whose 督办 is not done.
 */
@Repository
class BreachAudit {

  private final JdbcClient jdbc;

  BreachAudit(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** @param from inclusive, @param to exclusive, both on the breach time */
  record Filter(String community, String flow, String clock, Integer level, Instant from,
      Instant to, Boolean open) {}

  record Breach(
      String caseNo, String flow, String communityCode, String clock, String clockLabel, int level,
      Instant dueAt, Instant breachedAt, String holder, Instant supervisedAt, String supervisedBy,
      boolean open, String processInstanceId) {}

  record Page(long total, int page, int size, List<Breach> items) {}

  private static final String FROM =
      """
      from sla_ledger b
      left join lateral (
        select s.occurred_at, s.actor from sla_ledger s
        where s.event = 'SUPERVISED' and s.flow = b.flow and s.case_no = b.case_no
          and s.clock = b.clock and s.level = b.level
        order by s.id limit 1) s on true
      where b.event = 'BREACHED'
        and (cast(:community as text) is null or b.community_code = :community)
        and (cast(:flow as text) is null or b.flow = :flow)
        and (cast(:clock as text) is null or b.clock = :clock)
        and (cast(:level as integer) is null or b.level = :level)
        and (cast(:from as timestamptz) is null or b.occurred_at >= :from)
        and (cast(:to as timestamptz) is null or b.occurred_at < :to)
        and (cast(:open as boolean) is null or (s.occurred_at is null) = :open)
      """;

  Page find(Filter f, int page, int size) {
    long total = bind(jdbc.sql("select count(*) " + FROM), f).query(Long.class).single();
    List<Breach> items =
        bind(jdbc.sql(
                """
                select b.case_no, b.flow, b.community_code, b.clock, b.level, b.due_at,
                       b.occurred_at, b.holder, s.occurred_at, s.actor, b.process_instance_id
                """ + FROM + " order by b.occurred_at desc, b.id desc limit :limit offset :offset"), f)
            .param("limit", size)
            .param("offset", (long) page * size)
            .query((rs, n) -> new Breach(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                label(rs.getString(4)), rs.getInt(5), instant(rs.getTimestamp(6)),
                instant(rs.getTimestamp(7)), rs.getString(8), instant(rs.getTimestamp(9)),
                rs.getString(10), rs.getTimestamp(9) == null, rs.getString(11)))
            .list();
    return new Page(total, page, size, new ArrayList<>(items));
  }

  private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Filter f) {
    return spec.param("community", f.community())
        .param("flow", f.flow())
        .param("clock", f.clock())
        .param("level", f.level())
        .param("from", f.from() == null ? null : Timestamp.from(f.from()))
        .param("to", f.to() == null ? null : Timestamp.from(f.to()))
        .param("open", f.open());
  }

  static String label(String clock) {
    try {
      return Clock.valueOf(clock).label();
    } catch (IllegalArgumentException unknown) {
      return clock;
    }
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
