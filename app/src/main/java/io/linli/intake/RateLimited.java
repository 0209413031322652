package io.linli.intake;

import java.time.Duration;
import java.time.Instant;

/**
 * Past a rate limit ({@link QrRateLimit}, {@link AnonymousLimit}): answered 429 with {@code
 * Retry-After} by {@link IntakeRefusals}, in the shape of the API the request was made to.
 */
public class RateLimited extends RuntimeException {

  private final long retryAfterSeconds;

  RateLimited(long retryAfterSeconds) {
    super("提交过于频繁，请" + retryAfterSeconds + "秒后再试");
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** The start of the fixed window of length {@code window} that {@code now} falls in. */
  static Instant windowStart(Instant now, Duration window) {
    long w = window.toMillis();
    return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), w) * w);
  }

  /** Refused at {@code now} in the window starting at {@code start}: come back when it ends. */
  static RateLimited until(Instant now, Instant start, Duration window) {
    return new RateLimited(Math.max(1, Duration.between(now, start.plus(window)).toSeconds()));
  }
}
