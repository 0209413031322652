package io.linli.points;

import io.linli.system.Times;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The points ledger (V70): accounts and append-only, double-entry entries. Every entry moves a
 * positive amount from a source account to a sink account; a balance is the sum of what an account
 * received minus what it gave, computed every time, never stored. Points come into being on a
 * community's issuer account (whose balance is minus everything it issued) and end on a shop's
 * account when redeemed, so the balances of all accounts add up to zero. A write that depends on a
 * resident's balance or caps locks the resident's account row first, so concurrent earnings and
 * spends are serialised per account. Each entry names its cause, unique per kind: a retried event
 * never earns twice. The table refuses updates and deletes (trigger).
 */
@Repository
class Ledger {

  enum Kind {
    EARN,
    REDEEM,
    REVERSAL
  }

  /** An entry as the account holder reads it: positive when received, negative when given. */
  record Line(long id, Instant at, Kind kind, String rule, int amount, String note) {}

  private final JdbcClient jdbc;

  Ledger(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The resident account of a keyed reference (created on first use). */
  long resident(String ref, String community) {
    return account("RESIDENT", ref, community);
  }

  /** The community's issuer: the source of every point earned in it. */
  long issuer(String community) {
    return account("ISSUER", community, community);
  }

  long account(String kind, String ref, String community) {
    jdbc.sql(
            """
            insert into points_account (kind, ref, community_code, created_at) values (?, ?, ?, ?)
            on conflict (kind, ref) do nothing""")
        .params(kind, ref, community, Timestamp.from(Times.now()))
        .update();
    return jdbc.sql("select id from points_account where kind = ? and ref = ?")
        .params(kind, ref)
        .query(Long.class)
        .single();
  }

  Optional<Long> find(String kind, String ref) {
    return jdbc.sql("select id from points_account where kind = ? and ref = ?")
        .params(kind, ref)
        .query(Long.class)
        .optional();
  }

  /** The community an account was opened in (null for a realm user's). */
  String community(long account) {
    return jdbc.sql("select community_code from points_account where id = ?")
        .param(account)
        .query((rs, n) -> java.util.Optional.ofNullable(rs.getString(1)))
        .single()
        .orElse(null);
  }

  /**
   * Serialises every balance- or cap-dependent write on this account until the transaction ends.
   */
  void lock(long account) {
    jdbc.sql("select id from points_account where id = ? for update")
        .param(account)
        .query(Long.class)
        .single();
  }

  int balance(long account) {
    return jdbc.sql(
            """
            select coalesce(sum(case when sink_account = :a then amount else -amount end), 0)
            from points_entry where sink_account = :a or source_account = :a""")
        .param("a", account)
        .query(Integer.class)
        .single();
  }

  /** Points earned (net of reversals) by the account in [from, to). */
  int earned(long account, Instant from, Instant to) {
    return jdbc.sql(
            """
            select coalesce(sum(case when kind = 'EARN' then amount else -amount end), 0)
            from points_entry
            where ((kind = 'EARN' and sink_account = :a) or (kind = 'REVERSAL' and source_account = :a))
              and occurred_at >= :from and occurred_at < :to""")
        .param("a", account)
        .param("from", Timestamp.from(from))
        .param("to", Timestamp.from(to))
        .query(Integer.class)
        .single();
  }

  boolean exists(Kind kind, String cause) {
    return jdbc.sql("select count(*) from points_entry where kind = ? and cause = ?")
            .params(kind.name(), cause)
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * Earns up to {@code points} for the account under the daily and monthly caps; nothing when the
   * cause has already earned or the caps are reached.
   *
   * @return the points granted (0 for none)
   */
  int earn(
      long account,
      String community,
      String rule,
      String cause,
      int points,
      int dailyCap,
      int monthlyCap,
      String note) {
    lock(account);
    if (exists(Kind.EARN, cause)) return 0;
    Instant now = Times.now();
    LocalDate day = now.atZone(Times.BEIJING).toLocalDate();
    YearMonth month = YearMonth.from(day);
    int today = earned(account, start(day), start(day.plusDays(1)));
    int thisMonth = earned(account, start(month.atDay(1)), start(month.plusMonths(1).atDay(1)));
    int grant = Math.min(points, Math.min(dailyCap - today, monthlyCap - thisMonth));
    if (grant <= 0) return 0;
    insert(issuer(community), account, grant, Kind.EARN, rule, cause, community, note, now);
    return grant;
  }

  /**
   * Spends {@code amount} of the account's points at a shop.
   *
   * @throws InsufficientPoints when the balance is smaller (nothing written)
   */
  long spend(
      long account, long shopAccount, int amount, String cause, String community, String note) {
    lock(account);
    int balance = balance(account);
    if (balance < amount) throw new InsufficientPoints(balance, amount);
    return insert(
        account, shopAccount, amount, Kind.REDEEM, null, cause, community, note, Times.now());
  }

  /**
   * Takes back what the causes starting with {@code causePrefix} earned, as far as the balance
   * allows (points already spent at a shop stay spent). Each earning is reversed once.
   *
   * @return the points taken back
   */
  int reverse(String causePrefix, String note) {
    record Earned(long id, long account, int amount, String cause, String community, long issuer) {}
    List<Earned> earned =
        jdbc.sql(
                """
            select id, sink_account, amount, cause, community_code, source_account from points_entry
            where kind = 'EARN' and cause like ? escape '\\' order by id""")
            .param(causePrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
            .query(
                (rs, n) ->
                    new Earned(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getInt(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getLong(6)))
            .list();
    int total = 0;
    for (Earned e : earned) {
      lock(e.account());
      if (exists(Kind.REVERSAL, e.cause())) continue;
      int back = Math.min(e.amount(), balance(e.account()));
      if (back <= 0) continue;
      insert(
          e.account(),
          e.issuer(),
          back,
          Kind.REVERSAL,
          null,
          e.cause(),
          e.community(),
          note,
          Times.now());
      total += back;
    }
    return total;
  }

  long insert(
      long source,
      long sink,
      int amount,
      Kind kind,
      String rule,
      String cause,
      String community,
      String note,
      Instant at) {
    return jdbc.sql(
            """
            insert into points_entry (source_account, sink_account, amount, kind, rule, cause,
              community_code, note, occurred_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
        .params(source, sink, amount, kind.name(), rule, cause, community, note, Timestamp.from(at))
        .query(Long.class)
        .single();
  }

  /** The account's entries, newest first. */
  List<Line> history(long account, int limit) {
    return jdbc.sql(
            """
            select id, occurred_at, kind, rule,
                   case when sink_account = :a then amount else -amount end, note
            from points_entry where sink_account = :a or source_account = :a
            order by occurred_at desc, id desc limit :limit""")
        .param("a", account)
        .param("limit", limit)
        .query(
            (rs, n) ->
                new Line(
                    rs.getLong(1),
                    rs.getTimestamp(2).toInstant(),
                    Kind.valueOf(rs.getString(3)),
                    rs.getString(4),
                    rs.getInt(5),
                    rs.getString(6)))
        .list();
  }

  static Instant start(LocalDate day) {
    return day.atStartOfDay(Times.BEIJING).toInstant();
  }

  static Instant start(YearMonth month) {
    return start(month.atDay(1));
  }

  static ZonedDateTime beijing(Instant at) {
    return at.atZone(Times.BEIJING);
  }
}
