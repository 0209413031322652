package io.linli.intake;

import io.linli.system.Times;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Anonymous QR submissions: at most {@code linli.intake.qr-limit} per QR code and client address in
 * each {@code linli.intake.qr-window}. The counter is one row per window in PostgreSQL, incremented
 * by an atomic upsert, so every node counts against the same number. A rule per printed code, on
 * top of the per-address limit on every anonymous write ({@link AnonymousLimit}).
 */
@Component
public class QrRateLimit {

  private final JdbcClient jdbc;
  private final int limit;
  private final Duration window;

  QrRateLimit(
      JdbcClient jdbc,
      @Value("${linli.intake.qr-limit:5}") int limit,
      @Value("${linli.intake.qr-window:PT10M}") Duration window) {
    this.jdbc = jdbc;
    this.limit = limit;
    this.window = window;
  }

  /** Counts one submission; throws {@link RateLimited} (429 with Retry-After) past the limit. */
  public void count(String qrCode, String clientAddress) {
    Instant now = Times.now();
    Instant start = RateLimited.windowStart(now, window);
    int n =
        jdbc.sql(
                """
            insert into qr_submission_window (qr_code, client_addr, window_start, submissions)
            values (?, ?, ?, 1)
            on conflict (qr_code, client_addr, window_start)
            do update set submissions = qr_submission_window.submissions + 1
            returning submissions""")
            .params(qrCode, clientAddress, Timestamp.from(start))
            .query(Integer.class)
            .single();
    if (n > limit) throw RateLimited.until(now, start, window);
  }
}
