package io.linli.evaluation;

import io.linli.cases.Flow;
import io.linli.cases.Flows;
import io.linli.sla.ClockSpec;
import io.linli.system.Times;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The inputs of a year's rating for every company or estate. The supervision package has no public
 * API for its rates, so the case figures are counted here from the case layer's shared tables
 * (case_file, sla_ledger) with supervision's definitions: cases of the flows that count in the rates,
 * closed in the year; late when a handling clock breached (社区督办) or stopped after its due time;
 * satisfied = 满意 or 基本满意 among rated cases; breaches are the ledger's BREACHED rows of the year
 * by level, per 100 cases reported in the year. The evaluation scores and the rectifications are
 * this package's own. A case counts for the company it was reported under (case_file), else the
 * estate's company now.
 */
@Component
class RatingFigures {

  enum Subject { COMPANY, ESTATE }

  private final JdbcClient jdbc;
  private final Flows flows;

  RatingFigures(JdbcClient jdbc, Flows flows) {
    this.jdbc = jdbc;
    this.flows = flows;
  }

  /** Subject id → its name, for every company or estate (every one is rated). */
  Map<Long, String> subjects(Subject s) {
    String sql = s == Subject.COMPANY ? "select id, name from property_company order by id"
        : "select id, name from estate order by id";
    Map<Long, String> out = new java.util.LinkedHashMap<>();
    jdbc.sql(sql).query((rs, n) -> out.put(rs.getLong(1), rs.getString(2))).list();
    return out;
  }

  Map<Long, RatingFormula.Inputs> of(Subject s, int year) {
    Instant from = LocalDate.of(year, 1, 1).atStartOfDay(Times.BEIJING).toInstant();
    Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(Times.BEIJING).toInstant();
    String key = s == Subject.COMPANY ? "company_id" : "estate_id";
    String rated = flows.all().stream().filter(Flow::inRates).map(Flow::key).collect(Collectors.joining(","));
    String handling = flows.all().stream().flatMap(f -> f.clocks().stream())
        .filter(c -> c.counts().contains(ClockSpec.Counts.HANDLING)).map(ClockSpec::id)
        .collect(Collectors.joining(","));
    Map<Long, long[]> cases = new HashMap<>();
    jdbc.sql("""
            with c as (
              select g.case_no, g.flow, g.estate_id, coalesce(g.property_company_id, e.property_company_id) as company_id,
                g.rating, g.follow_up_rating,
                g.closed_at >= :from and g.closed_at < :to as closed_in,
                g.reported_at >= :from and g.reported_at < :to as reported_in
              from case_file g left join estate e on e.id = g.estate_id
              where g.flow = any(string_to_array(:flows, ','))
                and ((g.closed_at >= :from and g.closed_at < :to) or (g.reported_at >= :from and g.reported_at < :to))
            ), x as (
              select c.*, exists (select 1 from sla_ledger l where l.case_no = c.case_no and l.flow = c.flow
                and l.clock = any(string_to_array(:handling, ','))
                and ((l.event = 'BREACHED' and l.level = 1) or (l.event = 'RESOLVED' and l.level = 0))) as late
              from c
            )
            select KEY, count(*) filter (where closed_in), count(*) filter (where closed_in and not late),
              count(*) filter (where closed_in and rating is not null and rating <> 'NONE'),
              count(*) filter (where closed_in and rating in ('SATISFIED', 'BASICALLY_SATISFIED')),
              count(*) filter (where closed_in and follow_up_rating is not null),
              count(*) filter (where closed_in and follow_up_rating in ('SATISFIED', 'BASICALLY_SATISFIED')),
              count(*) filter (where reported_in)
            from x where KEY is not null group by KEY""".replace("KEY", key))
        .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("flows", rated)
        .param("handling", handling)
        .query((rs, n) -> cases.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4),
            rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)}))
        .list();
    Map<Long, long[]> breaches = new HashMap<>();
    jdbc.sql("""
            select LKEY, count(*) filter (where level = 1), count(*) filter (where level = 2)
            from sla_ledger where event = 'BREACHED' and occurred_at >= ? and occurred_at < ?
              and flow = any(string_to_array(?, ',')) and LKEY is not null group by LKEY"""
            .replace("LKEY", s == Subject.COMPANY ? "property_company_id" : "estate_id"))
        .params(Timestamp.from(from), Timestamp.from(to), rated)
        .query((rs, n) -> breaches.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)}))
        .list();
    String evKey = s == Subject.COMPANY ? "property_company_id" : "estate_id";
    Map<Long, BigDecimal> evaluation = new HashMap<>();
    jdbc.sql("select " + evKey + ", avg(overall) from evaluation where year = ? and quorum_met and overall is not null group by " + evKey)
        .param(year).query((rs, n) -> evaluation.put(rs.getLong(1), rs.getBigDecimal(2))).list();
    Map<Long, long[]> rect = new HashMap<>();
    jdbc.sql("""
            select v.KEY, count(*), count(*) filter (where r.done_at is not null and r.done_at <= r.deadline)
            from rectification r join evaluation v on v.id = r.evaluation_id
            where r.deadline >= ? and r.deadline < ? group by v.KEY""".replace("KEY", evKey))
        .params(Timestamp.from(from), Timestamp.from(to))
        .query((rs, n) -> rect.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)}))
        .list();
    Map<Long, RatingFormula.Inputs> out = new HashMap<>();
    for (Long id : subjects(s).keySet()) {
      long[] c = cases.getOrDefault(id, new long[7]);
      long[] b = breaches.getOrDefault(id, new long[2]);
      long[] r = rect.getOrDefault(id, new long[2]);
      out.put(id, new RatingFormula.Inputs(evaluation.get(id), ratio(c[1], c[0]), ratio(c[3], c[2]), c[6], b[0], b[1],
          ratio(c[5], c[4]), ratio(r[1], r[0])));
    }
    return out;
  }

  private static Double ratio(long part, long whole) {
    return whole == 0 ? null : (double) part / whole;
  }
}
