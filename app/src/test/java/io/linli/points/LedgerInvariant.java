package io.linli.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ledger's invariants, asserted after every points test: for every account the balance the
 * ledger reports equals the sum of its entries (received minus given, summed here independently);
 * all balances add up to zero (double entry); no resident or shop account is below zero, no issuer
 * above zero.
 */
public final class LedgerInvariant {

  private LedgerInvariant() {}

  public static void check(JdbcClient jdbc) {
    Ledger ledger = new Ledger(jdbc);
    record Account(long id, String kind, long received, long given) {}
    List<Account> accounts =
        jdbc.sql(
                """
            select a.id, a.kind,
              (select coalesce(sum(amount), 0) from points_entry where sink_account = a.id),
              (select coalesce(sum(amount), 0) from points_entry where source_account = a.id)
            from points_account a order by a.id""")
            .query(
                (rs, n) ->
                    new Account(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
            .list();
    long total = 0;
    for (Account a : accounts) {
      long sum = a.received() - a.given();
      assertThat((long) ledger.balance(a.id()))
          .as("balance of account %d (%s)", a.id(), a.kind())
          .isEqualTo(sum);
      if (a.kind().equals("ISSUER")) assertThat(sum).as("issuer %d", a.id()).isLessThanOrEqualTo(0);
      else assertThat(sum).as("%s account %d", a.kind(), a.id()).isGreaterThanOrEqualTo(0);
      total += sum;
    }
    assertThat(total).as("the balances of all accounts add up to zero").isZero();
  }

  /** The balance of a realm user's account (0 when it has none). */
  public static int balanceOfUser(
      JdbcClient jdbc, io.linli.intake.ContactCipher cipher, String userId) {
    Ledger ledger = new Ledger(jdbc);
    return ledger
        .find("RESIDENT", new Residents(cipher).user(userId))
        .map(ledger::balance)
        .orElse(0);
  }
}
