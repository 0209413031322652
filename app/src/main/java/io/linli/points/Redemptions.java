package io.linli.points;

import io.linli.system.ApiError;
import io.linli.system.Times;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time redemption codes. The resident's page asks for a code (ten random digits, valid for
 * {@code linli.points.code-ttl}); only its SHA-256 is stored. The shop enters the code and the
 * amount: one conditional update marks the code used, so of any number of concurrent redemptions of
 * one code exactly one wins (the row lock makes the others wait, then find it used: 409); the spend
 * then checks the resident's balance under the account lock (409 with the balance, and the code
 * stays unused). A replay of a used code is 409, an expired one 409, an unknown one 404.
 */
@Service
class Redemptions {

  record Code(String code, Instant expiresAt) {}

  record Redemption(long entryId, Instant at, int amount, int balanceAfter) {}

  record StatementLine(long entryId, Instant at, int amount) {}

  record Statement(
      String shop, String month, int count, int total, List<StatementLine> redemptions) {}

  private final JdbcClient jdbc;
  private final Ledger ledger;
  private final PointsProperties rules;

  Redemptions(JdbcClient jdbc, Ledger ledger, PointsProperties rules) {
    this.jdbc = jdbc;
    this.ledger = ledger;
    this.rules = rules;
  }

  @Transactional
  Code issue(long account) {
    Instant now = Times.now();
    Instant expires = now.plus(rules.codeTtl());
    for (int attempt = 0; ; attempt++) {
      String code = Tokens.digits();
      int n =
          jdbc.sql(
                  """
              insert into points_redemption_code (code_hash, account_id, issued_at, expires_at)
              values (?, ?, ?, ?) on conflict (code_hash) do nothing""")
              .params(Tokens.hash(code), account, Timestamp.from(now), Timestamp.from(expires))
              .update();
      if (n == 1) return new Code(code, expires);
      if (attempt > 5) throw new IllegalStateException("no free redemption code");
    }
  }

  @Transactional
  Redemption redeem(Shops.Shop shop, String code, int amount) {
    Instant now = Times.now();
    record Claimed(long id, long account) {}
    List<Claimed> claimed =
        jdbc.sql(
                """
            update points_redemption_code set redeemed_at = ?, shop_id = ?
            where code_hash = ? and redeemed_at is null and expires_at > ?
            returning id, account_id""")
            .params(Timestamp.from(now), shop.id(), Tokens.hash(code), Timestamp.from(now))
            .query((rs, n) -> new Claimed(rs.getLong(1), rs.getLong(2)))
            .list();
    if (claimed.isEmpty()) throw refusal(shop, code);
    Claimed c = claimed.get(0);
    long entry;
    try {
      entry =
          ledger.spend(
              c.account(),
              shop.account(),
              amount,
              "code:" + c.id(),
              shop.communityCode(),
              shop.name());
    } catch (DuplicateKeyException e) {
      throw ApiError.conflict("该兑换码已使用");
    }
    jdbc.sql("update points_redemption_code set entry_id = ? where id = ?")
        .params(entry, c.id())
        .update();
    return new Redemption(entry, now, amount, ledger.balance(c.account()));
  }

  /**
   * Why a code cannot be spent: used (409; a shop retrying its own redemption is told the amount it
   * got, so it never redeems twice to be sure), expired (409) or unknown (404).
   */
  private ApiError refusal(Shops.Shop shop, String code) {
    record State(Instant redeemedAt, Long shopId, Integer amount) {}
    return jdbc.sql(
            """
            select c.redeemed_at, c.shop_id, e.amount from points_redemption_code c
            left join points_entry e on e.id = c.entry_id where c.code_hash = ?""")
        .param(Tokens.hash(code))
        .query(
            (rs, n) ->
                new State(
                    rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant(),
                    (Long) rs.getObject(2),
                    (Integer) rs.getObject(3)))
        .optional()
        .map(
            s ->
                s.redeemedAt() == null
                    ? ApiError.conflict("该兑换码已过期，请居民重新生成")
                    : Long.valueOf(shop.id()).equals(s.shopId()) && s.amount() != null
                        ? ApiError.conflict(
                            "该兑换码已于 "
                                + Times.label(s.redeemedAt())
                                + " 由本店兑换 "
                                + s.amount()
                                + " 分，不能重复兑换")
                        : ApiError.conflict("该兑换码已使用，不能重复兑换"))
        .orElseGet(() -> ApiError.notFound("兑换码无效"));
  }

  /** The shop's redemptions of a month (Beijing time), oldest first. */
  Statement statement(Shops.Shop shop, YearMonth month) {
    List<StatementLine> lines =
        jdbc.sql(
                """
            select id, occurred_at, amount from points_entry
            where kind = 'REDEEM' and sink_account = ? and occurred_at >= ? and occurred_at < ?
            order by occurred_at, id""")
            .params(
                shop.account(),
                Timestamp.from(Ledger.start(month)),
                Timestamp.from(Ledger.start(month.plusMonths(1))))
            .query(
                (rs, n) ->
                    new StatementLine(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getInt(3)))
            .list();
    return new Statement(
        shop.name(),
        month.toString(),
        lines.size(),
        lines.stream().mapToInt(StatementLine::amount).sum(),
        lines);
  }
}
