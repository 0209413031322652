package io.linli.cases;

import io.linli.caselog.CaseLog;
import io.linli.intake.CasePhotos;
import io.linli.intake.WatchTokens;
import io.linli.system.Times;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention of residents' personal data (PIPL): a case closed longer ago than
 * {@code linli.retention.personal-data} (default 180 days) loses, in one transaction, its contact
 * name and phone, its photos and watch tokens, the free-text notes of its events, and — through
 * {@link CasePersonalDataExpired} — its notification addresses and messages. The case itself (flow, status, dates, ratings) and the SLA ledger stay for the
 * statistics. Runs nightly on every node ({@code linli.retention.cron}); batches lock their rows
 * ({@code FOR UPDATE SKIP LOCKED}), so nodes share the work. Integration tier: RetentionTest.
 */
@Component
public class CaseRetention {

  private static final Logger log = LoggerFactory.getLogger(CaseRetention.class);
  private static final int BATCH = 200;

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final ApplicationEventPublisher events;
  private final CasePhotos photos;
  private final WatchTokens tokens;
  private final CaseLog caseLog;
  private final Duration retention;

  CaseRetention(JdbcClient jdbc, TransactionTemplate tx, ApplicationEventPublisher events,
      CasePhotos photos, WatchTokens tokens, CaseLog caseLog,
      @Value("${linli.retention.personal-data:P180D}") Duration retention) {
    this.jdbc = jdbc;
    this.photos = photos;
    this.tokens = tokens;
    this.caseLog = caseLog;
    this.tx = tx;
    this.events = events;
    this.retention = retention;
  }

  private record Expired(long id, String flow, String caseNo) {}

  @Scheduled(cron = "${linli.retention.cron:0 30 2 * * *}", zone = "Asia/Shanghai")
  void nightly() {
    try {
      int n = purge();
      if (n > 0) log.info("retention: personal data of {} closed cases purged", n);
    } catch (RuntimeException e) {
      log.warn("retention purge failed; the next run retries: {}", e.toString());
    }
  }

  /** Purges every case closed before now − retention; how many cases. */
  public int purge() {
    Instant cutoff = Times.now().minus(retention);
    int total = 0;
    int n;
    do {
      n = batch(cutoff);
      total += n;
    } while (n == BATCH);
    return total;
  }

  private int batch(Instant cutoff) {
    Integer n = tx.execute(s -> {
      List<Expired> cases = jdbc.sql("""
              select id, flow, case_no from case_file
              where closed_at < ? and personal_data_purged_at is null
              order by closed_at limit ? for update skip locked""")
          .params(Timestamp.from(cutoff), BATCH)
          .query((rs, i) -> new Expired(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
      for (Expired c : cases) {
        photos.deleteAll(c.flow(), c.caseNo());
        tokens.revokeAll(c.caseNo());
        caseLog.clearNotes(c.flow(), c.caseNo());
        events.publishEvent(new CasePersonalDataExpired(c.flow(), c.caseNo()));
        jdbc.sql("""
                update case_file set contact_name_enc = null, contact_phone_enc = null,
                  legacy_contact_name = null, legacy_contact_phone = null, personal_data_purged_at = ?
                where id = ?""")
            .params(Timestamp.from(Times.now()), c.id()).update();
      }
      return cases.size();
    });
    return n == null ? 0 : n;
  }
}
