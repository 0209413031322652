package io.linli.staffdesk;

import io.linli.caselog.CaseEventCatalog;
import io.linli.caselog.CaseEventKind;
import io.linli.identity.SupervisionAccess;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * How often cases were moved (转单, 退单, 拒单 — every flow's event kinds whose {@link
 * CaseEventKind#move()} is true) per property company, flow and kind over a period, from the case
 * log and case_file (the company the case's estate had when it was reported): a company that
 * bounces cases shows up. Within the communities the caller may audit.
 */
@Repository
class CaseMoves {

  record Count(
      Long companyId,
      String companyName,
      String flow,
      String kind,
      String label,
      long moves,
      long cases) {}

  private record Kind(String flow, String name, String label) {}

  private final JdbcClient jdbc;
  private final List<Kind> kinds = new ArrayList<>();

  CaseMoves(JdbcClient jdbc, List<CaseEventCatalog> catalogs) {
    this.jdbc = jdbc;
    for (CaseEventCatalog c : catalogs) {
      for (CaseEventKind k : c.events()) {
        if (k.move()) kinds.add(new Kind(c.key(), k.name(), k.label()));
      }
    }
  }

  List<Count> count(Instant from, Instant to, SupervisionAccess.Scope scope) {
    if (kinds.isEmpty()) return List.of();
    Map<String, String> labels =
        kinds.stream()
            .collect(Collectors.toMap(k -> k.flow() + ":" + k.name(), Kind::label, (a, b) -> a));
    StringBuilder sql =
        new StringBuilder(
            """
        select f.property_company_id, pc.name, e.flow, e.event_type, count(*), count(distinct e.case_no)
        from case_event e
        join case_file f on f.case_no = e.case_no
        left join property_company pc on pc.id = f.property_company_id
        where e.occurred_at >= ? and e.occurred_at < ? and (""");
    List<Object> params = new ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(to)));
    for (int i = 0; i < kinds.size(); i++) {
      sql.append(i == 0 ? "" : " or ").append("(e.flow = ? and e.event_type = ?)");
      params.add(kinds.get(i).flow());
      params.add(kinds.get(i).name());
    }
    sql.append(")");
    if (!scope.all()) {
      sql.append(" and f.community_code = any(?)");
      params.add(scope.communities().toArray(String[]::new));
    }
    sql.append(" group by 1, 2, 3, 4 order by 5 desc, 1, 3, 4");
    return jdbc.sql(sql.toString())
        .params(params)
        .query(
            (rs, n) ->
                new Count(
                    (Long) rs.getObject(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    labels.get(rs.getString(3) + ":" + rs.getString(4)),
                    rs.getLong(5),
                    rs.getLong(6)))
        .list();
  }
}
