package io.linli.points;

import io.linli.identity.SupervisionAccess;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Supervision of the points economy for a month: points issued (earned net of what was taken back)
 * and redeemed per community, and the patterns listed for review — an account that earned exactly
 * the daily cap on at least {@code linli.points.review.cap-days} days, and a shop that redeemed
 * more than {@code shop-factor} times the median of its community's shops. Accounts are shown by a
 * short pseudonym, never a phone. Limited to the communities the caller may audit.
 */
@Component
class PointsSupervision {

  record CommunityMonth(String communityCode, int issued, int redeemed, int earners, int shops) {}

  record CappedAccount(String account, String communityCode, int daysAtCap) {}

  record BusyShop(
      long shopId, String name, String communityCode, int redeemed, int communityMedian) {}

  record Report(
      String month,
      List<CommunityMonth> communities,
      List<CappedAccount> atCapEveryDay,
      List<BusyShop> shopsFarAbove) {}

  private final JdbcClient jdbc;
  private final PointsProperties rules;

  PointsSupervision(JdbcClient jdbc, PointsProperties rules) {
    this.jdbc = jdbc;
    this.rules = rules;
  }

  Report of(YearMonth month, SupervisionAccess.Scope scope) {
    Timestamp from = Timestamp.from(Ledger.start(month));
    Timestamp to = Timestamp.from(Ledger.start(month.plusMonths(1)));
    List<CommunityMonth> communities =
        jdbc
            .sql(
                """
            select c.code,
              coalesce(sum(case when p.kind = 'EARN' then p.amount when p.kind = 'REVERSAL' then -p.amount end), 0),
              coalesce(sum(case when p.kind = 'REDEEM' then p.amount end), 0),
              count(distinct case when p.kind = 'EARN' then p.sink_account end),
              count(distinct case when p.kind = 'REDEEM' then p.sink_account end)
            from community c
            left join points_entry p on p.community_code = c.code and p.occurred_at >= ? and p.occurred_at < ?
            group by c.code order by c.code""")
            .params(from, to)
            .query(
                (rs, n) ->
                    new CommunityMonth(
                        rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)))
            .list()
            .stream()
            .filter(c -> scope.reaches(c.communityCode()))
            .toList();

    List<CappedAccount> capped =
        jdbc
            .sql(
                """
            select a.ref, d.community, count(*) from (
              select sink_account, min(community_code) as community,
                     (occurred_at at time zone 'Asia/Shanghai')::date as day, sum(amount) as earned
              from points_entry where kind = 'EARN' and occurred_at >= ? and occurred_at < ?
              group by sink_account, day) d
            join points_account a on a.id = d.sink_account
            where d.earned >= ?
            group by a.ref, d.community having count(*) >= ?
            order by count(*) desc, a.ref""")
            .params(from, to, rules.dailyCap(), rules.review().capDays())
            .query(
                (rs, n) ->
                    new CappedAccount(shortRef(rs.getString(1)), rs.getString(2), rs.getInt(3)))
            .list()
            .stream()
            .filter(c -> scope.reaches(c.communityCode()))
            .toList();

    record ShopMonth(long id, String name, String community, int redeemed) {}
    List<ShopMonth> shops =
        jdbc.sql(
                """
            select s.id, s.name, s.community_code, coalesce(sum(p.amount), 0)
            from points_shop s left join points_entry p on p.sink_account = s.account_id
              and p.kind = 'REDEEM' and p.occurred_at >= ? and p.occurred_at < ?
            group by s.id, s.name, s.community_code order by s.id""")
            .params(from, to)
            .query(
                (rs, n) ->
                    new ShopMonth(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
            .list();
    Map<String, List<ShopMonth>> byCommunity =
        shops.stream().collect(Collectors.groupingBy(ShopMonth::community));
    List<BusyShop> busy = new ArrayList<>();
    byCommunity.forEach(
        (community, list) -> {
          if (!scope.reaches(community) || list.size() < 2) return;
          for (ShopMonth s : list) {
            int median =
                median(
                    list.stream()
                        .filter(o -> o.id() != s.id())
                        .mapToInt(ShopMonth::redeemed)
                        .sorted()
                        .toArray());
            if (s.redeemed() >= rules.review().shopMinimum()
                && s.redeemed() > (long) rules.review().shopFactor() * Math.max(median, 1)) {
              busy.add(new BusyShop(s.id(), s.name(), community, s.redeemed(), median));
            }
          }
        });
    busy.sort(java.util.Comparator.comparing(BusyShop::redeemed).reversed());
    return new Report(month.toString(), communities, capped, busy);
  }

  private static int median(int[] sorted) {
    if (sorted.length == 0) return 0;
    int m = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
  }

  /** {@code phone:AbC…} → {@code phone:AbCdEf12}: enough to tell accounts apart in a review. */
  private static String shortRef(String ref) {
    int colon = ref.indexOf(':');
    return ref.substring(0, Math.min(ref.length(), colon + 9));
  }
}
