package io.linli.supervision;

import io.linli.cases.Flow;
import io.linli.cases.Flows;
import io.linli.sla.ClockSpec;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The audit's dimensions by code: communities, estates (with their company), property companies,
 * and the registered flows with their clocks.
 */
@Repository
class Dimensions {

  private final JdbcClient jdbc;
  private final Flows flows;

  Dimensions(JdbcClient jdbc, Flows flows) {
    this.jdbc = jdbc;
    this.flows = flows;
  }

  record Named(String code, String name) {}

  record EstateInfo(
      long id,
      String code,
      String name,
      String communityCode,
      String communityName,
      String estateType,
      Integer households,
      String companyCode,
      String companyName) {}

  record Company(long id, String code, String name) {}

  Optional<Named> community(String code) {
    return jdbc.sql("select code, name from community where code = ?")
        .param(code)
        .query((rs, n) -> new Named(rs.getString(1), rs.getString(2)))
        .optional();
  }

  List<Named> communities() {
    return jdbc.sql("select code, name from community order by code")
        .query((rs, n) -> new Named(rs.getString(1), rs.getString(2)))
        .list();
  }

  Optional<EstateInfo> estate(String code) {
    return estates("where e.code = ?", code).stream().findFirst();
  }

  List<EstateInfo> estates() {
    return estates("", null);
  }

  private List<EstateInfo> estates(String where, String code) {
    var spec =
        jdbc.sql(
            """
        select e.id, e.code, e.name, c.code, c.name, e.estate_type, e.households, p.code, p.name
        from estate e join community c on c.code = e.community_code
        left join property_company p on p.id = e.property_company_id
        """
                + where
                + " order by c.code, e.code");
    if (code != null) spec = spec.param(code);
    return spec.query(
            (rs, n) ->
                new EstateInfo(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    (Integer) rs.getObject(7),
                    rs.getString(8),
                    rs.getString(9)))
        .list();
  }

  Optional<Company> company(String code) {
    return jdbc.sql("select id, code, name from property_company where code = ?")
        .param(code)
        .query((rs, n) -> new Company(rs.getLong(1), rs.getString(2), rs.getString(3)))
        .optional();
  }

  List<Company> companies() {
    return jdbc.sql("select id, code, name from property_company order by code")
        .query((rs, n) -> new Company(rs.getLong(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  /** The flows by key, with their names for supervisors. */
  List<Named> flows() {
    return sortedFlows().stream().map(f -> new Named(f.key(), f.label())).toList();
  }

  /** Every flow's clocks, flow by flow (in the order of {@link #flows()}). */
  List<Named> clocks() {
    return sortedFlows().stream()
        .flatMap(f -> f.clocks().stream())
        .map(c -> new Named(c.id(), c.label()))
        .toList();
  }

  boolean isFlow(String key) {
    return flows.find(key).isPresent();
  }

  boolean isClock(String id) {
    return flows.clock(id).isPresent();
  }

  /** The flow's name for supervisors, or its key for a flow no longer registered. */
  String flowLabel(String key) {
    return flows.find(key).map(Flow::label).orElse(key);
  }

  /** The clock's 中文 name, or its id for a clock no flow declares (any more). */
  String clockLabel(String id) {
    return flows.clock(id).map(ClockSpec::label).orElse(id);
  }

  private List<Flow> sortedFlows() {
    return flows.all().stream().sorted(Comparator.comparing(Flow::key)).toList();
  }
}
