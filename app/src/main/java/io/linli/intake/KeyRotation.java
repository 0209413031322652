package io.linli.intake;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-encrypts, online and in batches, every stored encrypted value that is not under the active key
 * ({@link ContactCipher}): values under an older key id and values written before key ids. Each
 * node runs passes on its scheduler after start-up until a pass finds nothing left, then rests
 * until the next start (the active key only changes with the configuration). A batch locks its rows
 * ({@code FOR UPDATE SKIP LOCKED}), so nodes share the work and never rewrite a row twice at once;
 * stopping anywhere loses nothing — the next start carries on where the data says. Integration
 * tier: KeyRotationTest.
 */
@Component
public class KeyRotation {

  private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

  /** Every encrypted column: table, primary key, column. */
  record Column(String table, String id, String column) {}

  static final List<Column> COLUMNS =
      List.of(
          new Column("case_file", "id", "contact_name_enc"),
          new Column("case_file", "id", "contact_phone_enc"),
          new Column("notification_subscription", "id", "address_enc"),
          new Column("notification_outbox", "id", "address_enc"));

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final ContactCipher cipher;
  private final int batchSize;
  private volatile boolean done;

  KeyRotation(
      JdbcClient jdbc,
      TransactionTemplate tx,
      ContactCipher cipher,
      @Value("${linli.crypto.reencrypt-batch-size:500}") int batchSize) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.cipher = cipher;
    this.batchSize = batchSize;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Scheduled(
      fixedDelayString = "${linli.crypto.reencrypt-interval:PT10S}",
      initialDelayString = "${linli.crypto.reencrypt-interval:PT10S}")
  void pass() {
    if (done) return;
    try {
      int n = passOnce();
      if (n == 0) {
        done = true;
        log.info("every encrypted value is under key id '{}'", cipher.activeKeyId());
      } else {
        log.info(
            "re-encrypted {} values under key id '{}'; {} left",
            n,
            cipher.activeKeyId(),
            pending());
      }
    } catch (RuntimeException e) {
      log.warn("re-encryption pass failed; the next pass retries: {}", e.toString());
    }
  }

  /** One batch per column; how many values it re-encrypted. */
  int passOnce() {
    int n = 0;
    for (Column c : COLUMNS) n += batch(c, true);
    return n;
  }

  /**
   * Re-encrypts everything now, batch after batch (operators' tools, tests). Unlike a scheduled
   * pass it waits for rows other transactions hold (e.g. an outbox row being sent) instead of
   * skipping them, so nothing is left when it returns.
   */
  public int reencryptAll() {
    int total = 0;
    for (Column c : COLUMNS) {
      int n;
      do {
        n = batch(c, false);
        total += n;
      } while (n > 0);
    }
    return total;
  }

  /** Values not yet under the active key (a full scan of the encrypted columns). */
  public long pending() {
    long n = 0;
    for (Column c : COLUMNS) {
      n +=
          jdbc.sql("select count(*) from " + c.table() + " where " + notActive(c))
              .param("header", cipher.activeHeader())
              .query(Long.class)
              .single();
    }
    return n;
  }

  private static String notActive(Column c) {
    return c.column()
        + " is not null and substring("
        + c.column()
        + " from 1 for length(cast(:header as bytea))) <> cast(:header as bytea)";
  }

  private record Row(long id, byte[] value) {}

  private int batch(Column c, boolean skipLocked) {
    Integer n =
        tx.execute(
            s -> {
              List<Row> rows =
                  jdbc.sql(
                          "select "
                              + c.id()
                              + ", "
                              + c.column()
                              + " from "
                              + c.table()
                              + " where "
                              + notActive(c)
                              + " order by "
                              + c.id()
                              + " limit :limit for update"
                              + (skipLocked ? " skip locked" : ""))
                      .param("header", cipher.activeHeader())
                      .param("limit", batchSize)
                      .query((rs, i) -> new Row(rs.getLong(1), rs.getBytes(2)))
                      .list();
              for (Row r : rows) {
                jdbc.sql(
                        "update "
                            + c.table()
                            + " set "
                            + c.column()
                            + " = ? where "
                            + c.id()
                            + " = ?")
                    .params(cipher.encrypt(cipher.decrypt(r.value())), r.id())
                    .update();
              }
              return rows.size();
            });
    return n == null ? 0 : n;
  }
}
