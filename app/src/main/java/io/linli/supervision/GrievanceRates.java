package io.linli.supervision;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The grievance rates supervisors report, for a community and a period of closing (or, for the
 * rectification rate, reporting) time:
 *
 * <ul>
 *   <li>按时办结率: closed cases none of whose closing clocks (respond, resolve, committed deadline)
 *       breached, over closed cases;
 *   <li>居民满意率: 满意 or 基本满意 over cases the resident rated (未评价 left out);
 *   <li>回访满意率: the same over the party group's follow-up answers;
 *   <li>整改率: cases with a committed 整改 plan that were then resolved, over cases with a plan;
 *   <li>time to respond (first response after the report) and to close: median and 90th percentile,
 *       in minutes.
 * </ul>
 *
 * A rate with nothing to count is null, never 0 or 100%.
 */
@Repository
class GrievanceRates {

  private final JdbcClient jdbc;

  GrievanceRates(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Rates(
      String community, Instant from, Instant to, long closed, Double onTimeClosureRate,
      Double satisfactionRate, Double followUpSatisfactionRate, Double rectificationRate,
      Double respondMinutesMedian, Double respondMinutesP90, Double closeMinutesMedian,
      Double closeMinutesP90) {}

  Rates of(String community, Instant from, Instant to) {
    return jdbc.sql(
            """
            with closed as (
              select g.*,
                (select min(e.occurred_at) from case_event e
                  where e.flow = 'GRIEVANCE' and e.case_no = g.case_no and e.event_type = 'RESPONDED') as responded_at,
                exists (select 1 from sla_ledger l where l.flow = 'GRIEVANCE' and l.case_no = g.case_no
                  and l.event = 'BREACHED' and l.level = 1
                  and l.clock in ('GRIEVANCE_RESPOND', 'GRIEVANCE_RESOLVE', 'GRIEVANCE_COMMITTED')) as breached
              from grievance_case g
              where g.community_code = :community and g.closed_at >= :from and g.closed_at < :to
            ), planned as (
              select g.case_no,
                exists (select 1 from case_event e where e.flow = 'GRIEVANCE' and e.case_no = g.case_no
                  and e.event_type = 'RESOLVED' and e.occurred_at >= (select min(p.occurred_at) from case_event p
                    where p.flow = 'GRIEVANCE' and p.case_no = g.case_no and p.event_type = 'PLAN_COMMITTED')) as rectified
              from grievance_case g
              where g.community_code = :community and g.reported_at >= :from and g.reported_at < :to
                and g.committed_deadline is not null
            )
            select
              (select count(*) from closed),
              (select avg(case when breached then 0.0 else 1.0 end) from closed),
              (select avg(case when rating in ('SATISFIED', 'BASICALLY_SATISFIED') then 1.0 else 0.0 end)
                 from closed where rating is not null and rating <> 'NONE'),
              (select avg(case when follow_up_satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED') then 1.0 else 0.0 end)
                 from closed where follow_up_satisfaction is not null),
              (select avg(case when rectified then 1.0 else 0.0 end) from planned),
              (select percentile_cont(0.5) within group (order by extract(epoch from responded_at - reported_at) / 60)
                 from closed where responded_at is not null),
              (select percentile_cont(0.9) within group (order by extract(epoch from responded_at - reported_at) / 60)
                 from closed where responded_at is not null),
              (select percentile_cont(0.5) within group (order by extract(epoch from closed_at - reported_at) / 60) from closed),
              (select percentile_cont(0.9) within group (order by extract(epoch from closed_at - reported_at) / 60) from closed)
            """)
        .param("community", community)
        .param("from", Timestamp.from(from))
        .param("to", Timestamp.from(to))
        .query((rs, n) -> new Rates(community, from, to, rs.getLong(1), dbl(rs, 2), dbl(rs, 3),
            dbl(rs, 4), dbl(rs, 5), dbl(rs, 6), dbl(rs, 7), dbl(rs, 8), dbl(rs, 9)))
        .single();
  }

  private static Double dbl(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    double v = rs.getDouble(i);
    return rs.wasNull() ? null : v;
  }
}
