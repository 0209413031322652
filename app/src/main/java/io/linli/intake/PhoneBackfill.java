package io.linli.intake;

import io.linli.system.ApiError;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Encrypts phones written in clear before they were encrypted at rest (grievances before V6,
 * service orders before V11), as E.164 when parsable and as given otherwise, and clears the old
 * column. Batches claim rows with SKIP LOCKED, so nodes starting together share
 * the work; after the first run there is nothing left to do.
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

  /** Tables with a clear {@code contact_phone} column and its {@code contact_phone_enc}. */
  private static final List<String> TABLES = List.of("grievance_case", "service_order");

  @Override
  public void run(ApplicationArguments args) {
    for (String table : TABLES) encrypt(table);
  }

  private void encrypt(String table) {
    int total = 0;
    Integer n;
    do {
      n = tx.execute(s -> {
        record Clear(long id, String phone) {}
        var rows = jdbc.sql("""
                select id, contact_phone from %s where contact_phone is not null
                limit 500 for update skip locked""".formatted(table))
            .query((rs, i) -> new Clear(rs.getLong(1), rs.getString(2))).list();
        for (Clear c : rows) {
          jdbc.sql("update " + table + " set contact_phone_enc = ?, contact_phone = null where id = ?")
              .params(cipher.encrypt(e164OrAsGiven(c.phone())), c.id()).update();
        }
        return rows.size();
      });
      total += n == null ? 0 : n;
    } while (n != null && n > 0);
    if (total > 0) log.info("encrypted {} contact phones stored in clear in {}", total, table);
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
