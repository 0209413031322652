package io.linli.supervision;

import io.linli.identity.UserNames;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the append-only SLA ledger as breaches: each BREACHED row (level L: the clock of level
 * L−1 ran out and went to 督办 level L) with the SUPERVISED row that closed its 督办 and the last
 * stop of the breached clock after the breach (its RESOLVED row at level L−1), if any. Open: the 督办 is not done yet;
 * resolved: the breached clock has since stopped.
 */
@Repository
class BreachAudit {

  private final JdbcClient jdbc;
  private final IdentityService identity;
  private final UserNames userNames;
  private final Dimensions dims;

  BreachAudit(JdbcClient jdbc, IdentityService identity, UserNames userNames, Dimensions dims) {
    this.jdbc = jdbc;
    this.identity = identity;
    this.userNames = userNames;
    this.dims = dims;
  }

  record Breach(
      String caseNo, String flow, String communityCode, String estateCode, String estateName,
      String companyCode, String companyName, String clock, String clockLabel, int level,
      Instant dueAt, Instant breachedAt, String holder, String holderLabel, Instant supervisedAt,
      String supervisedBy, boolean open, Instant resolvedAt, String processInstanceId) {}

  record Page(long total, int page, int size, List<Breach> items) {}

  private static final String FROM =
      """
      from sla_ledger b
      left join estate e on e.id = b.estate_id
      left join property_company p on p.id = b.property_company_id
      left join lateral (
        select s.occurred_at, s.actor from sla_ledger s
        where s.case_no = b.case_no and s.clock = b.clock and s.level = b.level
          and s.event = 'SUPERVISED' and s.flow = b.flow
        order by s.id limit 1) s on true
      left join lateral (
        select r.occurred_at from sla_ledger r
        where r.case_no = b.case_no and r.clock = b.clock and r.level = b.level - 1
          and r.event in ('MET', 'RESOLVED') and r.flow = b.flow and r.occurred_at >= b.occurred_at
        order by r.id desc limit 1) r on true
      where b.event = 'BREACHED'
        and (cast(:community as text) is null or b.community_code = :community)
        and (cast(:communities as text) is null or b.community_code = any(string_to_array(:communities, ',')))
        and (cast(:estate as bigint) is null or b.estate_id = :estate)
        and (cast(:company as bigint) is null or b.property_company_id = :company)
        and (cast(:flow as text) is null or b.flow = :flow)
        and (cast(:clock as text) is null or b.clock = :clock)
        and (cast(:level as integer) is null or b.level = :level)
        and (cast(:from as timestamptz) is null or b.occurred_at >= :from)
        and (cast(:to as timestamptz) is null or b.occurred_at < :to)
        and (cast(:open as boolean) is null or (s.occurred_at is null) = :open)
        and (cast(:resolved as boolean) is null or (r.occurred_at is not null) = :resolved)
      """;

  Page find(AuditQuery q, int page, int size) {
    long total = bind(jdbc.sql("select count(*) " + FROM), q).query(Long.class).single();
    Map<String, String> holderLabels = new HashMap<>(); // this page's only
    List<Breach> items =
        bind(jdbc.sql(
                """
                select b.case_no, b.flow, b.community_code, e.code, e.name, p.code, p.name, b.clock,
                       b.level, b.due_at, b.occurred_at, b.holder, s.occurred_at, s.actor,
                       r.occurred_at, b.process_instance_id
                """ + FROM + " order by b.occurred_at desc, b.id desc limit :limit offset :offset"), q)
            .param("limit", size)
            .param("offset", (long) page * size)
            .query((rs, n) -> new Breach(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                dims.clockLabel(rs.getString(8)), rs.getInt(9), instant(rs.getTimestamp(10)),
                instant(rs.getTimestamp(11)), rs.getString(12),
                holderLabels.computeIfAbsent(String.valueOf(rs.getString(12)), this::holderLabel),
                instant(rs.getTimestamp(13)),
                rs.getString(14), rs.getTimestamp(13) == null, instant(rs.getTimestamp(15)),
                rs.getString(16)))
            .list();
    return new Page(total, page, size, items);
  }

  private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, AuditQuery q) {
    return spec.param("community", q.community())
        .param("communities", q.communities() == null ? null : String.join(",", q.communities()))
        .param("estate", q.estateId())
        .param("company", q.companyId())
        .param("flow", q.flow())
        .param("clock", q.clock())
        .param("level", q.level())
        .param("from", q.from() == null ? null : Timestamp.from(q.from()))
        .param("to", q.to() == null ? null : Timestamp.from(q.to()))
        .param("open", q.open())
        .param("resolved", q.resolved());
  }

  /**
   * Who held the breached task, as people read it: {@code user:grid1} → 张网格（grid1）, {@code
   * group:tfsq-property-staff} → the group's name, several groups joined with 、.
   */
  String holderLabel(String holder) {
    if (holder == null || holder.equals("null") || holder.isBlank()) return "";
    return Arrays.stream(holder.split(",")).map(h -> {
      if (h.startsWith("user:")) {
        String id = h.substring(5);
        return userNames.name(id) + "（" + id + "）";
      }
      if (h.startsWith("group:")) {
        String id = h.substring(6);
        Group g = identity.createGroupQuery().groupId(id).singleResult();
        return g == null || g.getName() == null ? id : g.getName();
      }
      return h;
    }).collect(Collectors.joining("、"));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
