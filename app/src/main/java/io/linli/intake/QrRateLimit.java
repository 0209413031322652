package io.linli.intake;

import io.linli.system.Times;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Anonymous QR submissions: at most {@code linli.intake.qr-limit} per QR code and client address
 * in each {@code linli.intake.qr-window}. The counter is one row per window in PostgreSQL,
 * incremented by an atomic upsert, so every node counts against the same number.
 */
@Component
public class QrRateLimit {

  private final JdbcClient jdbc;
  private final int limit;
  private final Duration window;

  QrRateLimit(JdbcClient jdbc, @Value("${linli.intake.qr-limit:5}") int limit,
      @Value("${linli.intake.qr-window:PT10M}") Duration window) {
    this.jdbc = jdbc;
    this.limit = limit;
    this.window = window;
  }

  /** Counts one submission; throws {@link RateLimited} (429 with Retry-After) past the limit. */
  public void count(String qrCode, String clientAddress) {
    Instant now = Times.now();
    long w = window.toMillis();
    Instant start = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), w) * w);
    int n = jdbc.sql("""
            insert into qr_submission_window (qr_code, client_addr, window_start, submissions)
            values (?, ?, ?, 1)
            on conflict (qr_code, client_addr, window_start)
            do update set submissions = qr_submission_window.submissions + 1
            returning submissions""")
        .params(qrCode, clientAddress, Timestamp.from(start))
        .query(Integer.class).single();
    if (n > limit) {
      long retryAfter = Math.max(1, Duration.between(now, start.plus(window)).toSeconds());
      throw new RateLimited(retryAfter);
    }
  }

  /** Past the limit: answered 429 with {@code Retry-After} by {@link IntakeRefusals}. */
  public static class RateLimited extends RuntimeException {
    private final long retryAfterSeconds;

    RateLimited(long retryAfterSeconds) {
      super("提交过于频繁，请" + retryAfterSeconds + "秒后再试");
      this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
      return retryAfterSeconds;
    }
  }
}
