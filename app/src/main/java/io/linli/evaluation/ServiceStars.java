package io.linli.evaluation;

import io.linli.identity.UserNames;
import io.linli.system.Times;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 服务之星 (seed 004): the staff members and workers with the best record of a year, from the same
 * ledger the ratings read. A person's record is the clocks they stopped (level 0, every flow): on
 * time (MET) or late (RESOLVED), and the 督办 their held tasks caused (BREACHED at level 1 naming
 * them as holder). Only who stopped at least {@value #MIN_STOPS} clocks is ranked; the star has the
 * highest on-time share, then fewer 督办, then more clocks stopped. The rule is returned with the
 * list.
 */
@Component
class ServiceStars {

  static final int MIN_STOPS = 5;
  static final String RULE =
      "服务之星：本年度按时完成（未超时）的办理时限占比最高者；占比相同时督办少者在前，" + "再按完成件数多者在前；全年完成不足" + MIN_STOPS + "个时限的不参评。";

  private final JdbcClient jdbc;
  private final UserNames names;

  ServiceStars(JdbcClient jdbc, UserNames names) {
    this.jdbc = jdbc;
    this.names = names;
  }

  record Star(
      int rank, String name, long stopped, long onTime, double onTimeRate, long supervised) {}

  record Board(int year, String communityCode, String rule, List<Star> stars) {}

  Board of(int year, String communityCode, int top) {
    Instant from = LocalDate.of(year, 1, 1).atStartOfDay(Times.BEIJING).toInstant();
    Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(Times.BEIJING).toInstant();
    record Row(String user, long stopped, long onTime, long supervised) {}
    var sql =
        jdbc.sql(
                """
            with s as (
              select actor as usr, count(*) as stopped, count(*) filter (where event = 'MET') as on_time
              from sla_ledger where level = 0 and event in ('MET', 'RESOLVED') and actor is not null
                and occurred_at >= :from and occurred_at < :to COMMUNITY
              group by actor
            ), b as (
              select substring(holder from 6) as usr, count(*) as supervised
              from sla_ledger where level = 1 and event = 'BREACHED' and holder like 'user:%'
                and occurred_at >= :from and occurred_at < :to COMMUNITY
              group by holder
            )
            select s.usr, s.stopped, s.on_time, coalesce(b.supervised, 0)
            from s left join b on b.usr = s.usr
            where s.stopped >= :min
            order by s.on_time::float / s.stopped desc, coalesce(b.supervised, 0), s.stopped desc, s.usr
            limit :top"""
                    // the filter only when given: a catch-all "(:c is null or col = :c)" can get a
                    // poor
                    // generic plan once the statement is prepared on the server
                    .replace(
                        "COMMUNITY",
                        communityCode == null ? "" : "and community_code = :community"))
            .param("from", Timestamp.from(from))
            .param("to", Timestamp.from(to))
            .param("min", MIN_STOPS)
            .param("top", top);
    if (communityCode != null) sql = sql.param("community", communityCode);
    List<Row> rows =
        sql.query((rs, n) -> new Row(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
            .list();
    List<Star> stars = new java.util.ArrayList<>();
    for (Row r : rows) {
      stars.add(
          new Star(
              stars.size() + 1,
              names.name(r.user()),
              r.stopped(),
              r.onTime(),
              (double) r.onTime() / r.stopped(),
              r.supervised()));
    }
    return new Board(year, communityCode, RULE, stars);
  }
}
