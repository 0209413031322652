package io.linli.intake;

import io.linli.system.Times;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets what intake no longer needs: {@code Idempotency-Key} answers older than {@code
 * linli.intake.idempotency-retention} (a client retrying after that gets a new case; a week covers
 * any sane retry policy) and the rate-limit windows (QR, anonymous writes) with the client
 * addresses they count, once the window has ended and {@code linli.retention.rate-limit-ips}
 * (counted from the window's start, default {@code PT10M}: as soon as the window ends) has passed.
 * Plain deletes by age, so every node may run them at once.
 */
@Component
public class IntakeHousekeeping {

  private static final Logger log = LoggerFactory.getLogger(IntakeHousekeeping.class);

  private final JdbcClient jdbc;
  private final Duration retention;
  private final Duration qrWindow;
  private final Duration anonymousWindow;
  private final Duration ipRetention;

  IntakeHousekeeping(
      JdbcClient jdbc,
      @Value("${linli.intake.idempotency-retention:P7D}") Duration retention,
      @Value("${linli.intake.qr-window:PT10M}") Duration qrWindow,
      @Value("${linli.intake.anonymous-window:PT10M}") Duration anonymousWindow,
      @Value("${linli.retention.rate-limit-ips:PT10M}") Duration ipRetention) {
    this.jdbc = jdbc;
    this.retention = retention;
    this.qrWindow = qrWindow;
    this.anonymousWindow = anonymousWindow;
    this.ipRetention = ipRetention;
  }

  @Scheduled(
      fixedDelayString = "${linli.intake.housekeeping-interval:PT1H}",
      initialDelayString = "PT5M")
  void scheduled() {
    purge(Times.now());
  }

  /**
   * @return rows deleted
   */
  public int purge(Instant now) {
    int keys =
        jdbc.sql("delete from idempotency_key where created_at < ?")
            .param(Timestamp.from(now.minus(retention)))
            .update();
    int windows =
        jdbc.sql("delete from qr_submission_window where window_start < ?")
            .param(Timestamp.from(now.minus(longer(qrWindow, ipRetention))))
            .update();
    windows +=
        jdbc.sql("delete from anonymous_write_window where window_start < ?")
            .param(Timestamp.from(now.minus(longer(anonymousWindow, ipRetention))))
            .update();
    int tokens =
        jdbc.sql("delete from case_watch_token where expires_at <= ?")
            .param(Timestamp.from(now))
            .update();
    if (keys + windows + tokens > 0) {
      log.info(
          "purged {} idempotency keys, {} rate-limit windows and {} expired watch tokens",
          keys,
          windows,
          tokens);
    }
    return keys + windows + tokens;
  }

  /** A window's counts are needed until it ends, whatever the retention says. */
  private static Duration longer(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
