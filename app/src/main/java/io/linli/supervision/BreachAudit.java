package io.linli.supervision;

import io.linli.identity.UserNames;
import io.linli.system.ApiError;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The breach list, read from the read model's breach_state (V50): one row per BREACHED ledger row
 * (level L: the clock of level L−1 ran out and went to 督办 level L) with the first SUPERVISED row of
 * its 督办 and the last stop of the breached clock since. Open: the 督办 is not done yet; resolved: the
 * breached clock has since stopped. Newest first; pages by a cursor over (breached_at, id), so page
 * 1,000 costs what page 1 does, and counts stop at {@link #COUNT_CAP}.
 */
@Repository
class BreachAudit {

  /** Counting stops here: a larger total is reported as "more than" this. */
  static final int COUNT_CAP = 1000;

  private final JdbcClient jdbc;
  private final IdentityService identity;
  private final UserNames userNames;
  private final Dimensions dims;

  BreachAudit(
      io.linli.system.ReportingDatabase reporting,
      IdentityService identity,
      UserNames userNames,
      Dimensions dims) {
    this.jdbc = reporting.jdbc();
    this.identity = identity;
    this.userNames = userNames;
    this.dims = dims;
  }

  record Breach(
      String caseNo,
      String flow,
      String communityCode,
      String estateCode,
      String estateName,
      String companyCode,
      String companyName,
      String clock,
      String clockLabel,
      int level,
      Instant dueAt,
      Instant breachedAt,
      String holder,
      String holderLabel,
      Instant supervisedAt,
      String supervisedBy,
      boolean open,
      Instant resolvedAt,
      String processInstanceId) {}

  /** Where the previous page ended: the last row's breach time and id. */
  record Cursor(Instant breachedAt, long id) {

    String encode() {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString((breachedAt + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @throws ApiError 400 on anything but a cursor this class wrote
     */
    static Cursor decode(String raw) {
      try {
        String[] parts =
            new String(Base64.getUrlDecoder().decode(raw.trim()), StandardCharsets.UTF_8)
                .split("\\|");
        if (parts.length != 2) throw new IllegalArgumentException(raw);
        return new Cursor(Instant.parse(parts[0]), Long.parseLong(parts[1]));
      } catch (RuntimeException e) {
        throw ApiError.invalid("after", "翻页游标无效，请使用上一页返回的 next");
      }
    }
  }

  /**
   * @param total the count, exact when {@code totalExact}; otherwise {@link #COUNT_CAP} and more
   * @param next the cursor of the following page, null on the last
   */
  record Page(
      long total, boolean totalExact, int page, int size, List<Breach> items, String next) {}

  /** A page: after {@code after} when given, else {@code offset} rows in. */
  Page find(AuditQuery q, Cursor after, long offset, int size) {
    Sql where = where(q);
    long counted =
        where
            .bind(
                jdbc.sql(
                    "select count(*) from (select 1 from breach_state b"
                        + where.sql
                        + " limit "
                        + (COUNT_CAP + 1)
                        + ") capped"))
            .query(Long.class)
            .single();
    Sql page =
        after == null ? where : where.and(" and (b.breached_at, b.id) < (:afterAt, :afterId)");
    Map<String, String> holderLabels = new HashMap<>(); // this page's only
    JdbcClient.StatementSpec spec =
        page.bind(
                jdbc.sql(
                    """
        select b.case_no, b.flow, b.community_code, e.code, e.name, p.code, p.name, b.clock,
               b.level, b.due_at, b.breached_at, b.holder, b.supervised_at, b.supervised_by,
               b.resolved_at, b.process_instance_id, b.id
        from breach_state b
        left join estate e on e.id = b.estate_id
        left join property_company p on p.id = b.company_id
        """
                        + page.sql
                        + " order by b.breached_at desc, b.id desc limit :limit offset :offset"))
            .param("limit", size)
            .param("offset", after == null ? offset : 0);
    if (after != null) {
      spec = spec.param("afterAt", Timestamp.from(after.breachedAt())).param("afterId", after.id());
    }
    List<Cursor> cursors = new ArrayList<>();
    List<Breach> items =
        spec.query(
                (rs, n) -> {
                  cursors.add(new Cursor(rs.getTimestamp(11).toInstant(), rs.getLong(17)));
                  return new Breach(
                      rs.getString(1),
                      rs.getString(2),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getString(5),
                      rs.getString(6),
                      rs.getString(7),
                      rs.getString(8),
                      dims.clockLabel(rs.getString(8)),
                      rs.getInt(9),
                      instant(rs.getTimestamp(10)),
                      instant(rs.getTimestamp(11)),
                      rs.getString(12),
                      holderLabels.computeIfAbsent(
                          String.valueOf(rs.getString(12)), this::holderLabel),
                      instant(rs.getTimestamp(13)),
                      rs.getString(14),
                      rs.getTimestamp(13) == null,
                      instant(rs.getTimestamp(15)),
                      rs.getString(16));
                })
            .list();
    String next = items.size() == size ? cursors.get(cursors.size() - 1).encode() : null;
    return new Page(
        Math.min(counted, COUNT_CAP),
        counted <= COUNT_CAP,
        size == 0 ? 0 : (int) (offset / size),
        size,
        items,
        next);
  }

  /** A WHERE clause with only the filters given, so that each is planned against its index. */
  private record Sql(String sql, Map<String, Object> params) {

    Sql and(String condition) {
      return new Sql(sql + condition, params);
    }

    JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
      for (var p : params.entrySet()) spec = spec.param(p.getKey(), p.getValue());
      return spec;
    }
  }

  private static Sql where(AuditQuery q) {
    StringBuilder sql = new StringBuilder(" where true");
    Map<String, Object> params = new LinkedHashMap<>();
    condition(sql, params, q.community(), " and b.community_code = :community", "community");
    if (q.communities() != null) {
      condition(
          sql,
          params,
          String.join(",", q.communities()),
          " and b.community_code = any(string_to_array(:communities, ','))",
          "communities");
    }
    condition(sql, params, q.estateId(), " and b.estate_id = :estate", "estate");
    condition(sql, params, q.companyId(), " and b.company_id = :company", "company");
    condition(sql, params, q.flow(), " and b.flow = :flow", "flow");
    condition(sql, params, q.clock(), " and b.clock = :clock", "clock");
    condition(sql, params, q.level(), " and b.level = :level", "level");
    condition(
        sql,
        params,
        q.from() == null ? null : Timestamp.from(q.from()),
        " and b.breached_at >= :from",
        "from");
    condition(
        sql,
        params,
        q.to() == null ? null : Timestamp.from(q.to()),
        " and b.breached_at < :to",
        "to");
    if (q.open() != null)
      sql.append(q.open() ? " and b.supervised_at is null" : " and b.supervised_at is not null");
    if (q.resolved() != null)
      sql.append(q.resolved() ? " and b.resolved_at is not null" : " and b.resolved_at is null");
    return new Sql(sql.toString(), params);
  }

  private static void condition(
      StringBuilder sql, Map<String, Object> params, Object value, String condition, String name) {
    if (value == null) return;
    sql.append(condition);
    params.put(name, value);
  }

  /**
   * Who held the breached task, as people read it: {@code user:grid1} → 张网格（grid1）, {@code
   * group:tfsq-property-staff} → the group's name, several groups joined with 、.
   */
  String holderLabel(String holder) {
    if (holder == null || holder.equals("null") || holder.isBlank()) return "";
    return Arrays.stream(holder.split(","))
        .map(
            h -> {
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
            })
        .collect(Collectors.joining("、"));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
