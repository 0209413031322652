package io.linli.evaluation;

import io.linli.supervision.PublicFigures;
import io.linli.system.Times;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The inputs of a year's rating for every company or estate. The case figures are supervision's
 * ({@link PublicFigures#year}: the read model's roll-ups and breach rows, with the rates' rules):
 * cases of the flows that count in the rates, closed in the year; late when a handling clock
 * breached (社区督办) or stopped after its due time; satisfied = 满意 or 基本满意 among rated cases; breaches
 * escalated in the year by level, per 100 cases reported in the year; a case counts for the company
 * of its first ledger row, else the one it was reported under. The evaluation scores and the
 * rectifications are this package's own.
 */
@Component
class RatingFigures {

  enum Subject {
    COMPANY,
    ESTATE
  }

  private final JdbcClient jdbc;
  private final PublicFigures supervision;

  RatingFigures(JdbcClient jdbc, PublicFigures supervision) {
    this.jdbc = jdbc;
    this.supervision = supervision;
  }

  /** Subject id → its name, for every company or estate (every one is rated). */
  Map<Long, String> subjects(Subject s) {
    String sql =
        s == Subject.COMPANY
            ? "select id, name from property_company order by id"
            : "select id, name from estate order by id";
    Map<Long, String> out = new java.util.LinkedHashMap<>();
    jdbc.sql(sql).query((rs, n) -> out.put(rs.getLong(1), rs.getString(2))).list();
    return out;
  }

  Map<Long, RatingFormula.Inputs> of(Subject s, int year) {
    Instant from = LocalDate.of(year, 1, 1).atStartOfDay(Times.BEIJING).toInstant();
    Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(Times.BEIJING).toInstant();
    Map<Long, PublicFigures.YearFigures> cases =
        supervision.year(
            s == Subject.COMPANY ? PublicFigures.Subject.COMPANY : PublicFigures.Subject.ESTATE,
            year);
    String evKey = s == Subject.COMPANY ? "property_company_id" : "estate_id";
    Map<Long, BigDecimal> evaluation = new HashMap<>();
    jdbc.sql(
            "select "
                + evKey
                + ", avg(overall) from evaluation where year = ? and quorum_met and overall is not null group by "
                + evKey)
        .param(year)
        .query((rs, n) -> evaluation.put(rs.getLong(1), rs.getBigDecimal(2)))
        .list();
    Map<Long, long[]> rect = new HashMap<>();
    jdbc.sql(
            """
            select v.KEY, count(*), count(*) filter (where r.done_at is not null and r.done_at <= r.deadline)
            from rectification r join evaluation v on v.id = r.evaluation_id
            where r.deadline >= ? and r.deadline < ? group by v.KEY"""
                .replace("KEY", evKey))
        .params(Timestamp.from(from), Timestamp.from(to))
        .query((rs, n) -> rect.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)}))
        .list();
    Map<Long, RatingFormula.Inputs> out = new HashMap<>();
    for (Long id : subjects(s).keySet()) {
      PublicFigures.YearFigures c = cases.getOrDefault(id, PublicFigures.YearFigures.NONE);
      long[] r = rect.getOrDefault(id, new long[2]);
      out.put(
          id,
          new RatingFormula.Inputs(
              evaluation.get(id),
              ratio(c.onTime(), c.closed()),
              ratio(c.satisfied(), c.rated()),
              c.reported(),
              c.breachesLevel1(),
              c.breachesLevel2(),
              ratio(c.followUpSatisfied(), c.followedUp()),
              ratio(r[1], r[0])));
    }
    return out;
  }

  private static Double ratio(long part, long whole) {
    return whole == 0 ? null : (double) part / whole;
  }
}
