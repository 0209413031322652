package io.linli.intake;

import io.linli.system.ApiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Encrypts contact details that reached case_file in clear (V13 moved them there from the flows'
 * tables: phones written before they were encrypted at rest, and every name): the phone as E.164
 * when parsable and as given otherwise, then empties the clear columns. Batches claim rows with
 * SKIP LOCKED, so nodes starting together share the work; after the first run there is nothing
 * left.
 */
@Component
public class PhoneBackfill implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(PhoneBackfill.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final ContactCipher cipher;

  PhoneBackfill(JdbcClient jdbc, TransactionTemplate tx, ContactCipher cipher) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.cipher = cipher;
  }

  @Override
  public void run(ApplicationArguments args) {
    int total = 0;
    Integer n;
    do {
      n =
          tx.execute(
              s -> {
                record Clear(long id, String name, String phone) {}
                var rows =
                    jdbc.sql(
                            """
                select id, legacy_contact_name, legacy_contact_phone from case_file
                where legacy_contact_name is not null or legacy_contact_phone is not null
                limit 500 for update skip locked""")
                        .query(
                            (rs, i) -> new Clear(rs.getLong(1), rs.getString(2), rs.getString(3)))
                        .list();
                for (Clear c : rows) {
                  jdbc.sql(
                          """
                  update case_file set
                    contact_name_enc = coalesce(?, contact_name_enc),
                    contact_phone_enc = coalesce(?, contact_phone_enc),
                    legacy_contact_name = null, legacy_contact_phone = null
                  where id = ?""")
                      .params(
                          cipher.encrypt(c.name()),
                          c.phone() == null ? null : cipher.encrypt(e164OrAsGiven(c.phone())),
                          c.id())
                      .update();
                }
                return rows.size();
              });
      total += n == null ? 0 : n;
    } while (n != null && n > 0);
    if (total > 0) log.info("encrypted the clear contact details of {} cases", total);
  }

  private static String e164OrAsGiven(String phone) {
    try {
      String e164 = PhoneNumbers.toE164("contactPhone", phone);
      return e164 == null ? phone : e164;
    } catch (ApiError e) {
      return phone;
    }
  }
}
