package io.linli.intake;

import io.linli.system.Times;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Anonymous writes per client address, whatever the channel: at most {@code
 * linli.intake.anonymous-limit} in each {@code linli.intake.anonymous-window}, and at most {@code
 * linli.intake.proof-limit} attempts at proving knowledge of a case's phone ({@link ProofAttempt},
 * 查询进度) — a separate, tighter count, so a resident checking a case does not use up the write limit
 * — and at most {@code linli.intake.public-read-limit} reads of the public notices ({@link
 * PublicRead}). Which requests count is decided by {@link AnonymousWrites}. The counter is one row
 * per kind, address and window in PostgreSQL, incremented by an atomic upsert, so every node counts
 * against the same number; {@link IntakeHousekeeping} deletes ended windows.
 */
@Component
public class AnonymousLimit {

  /** What a request is counted as. */
  public enum Kind {
    /** Any anonymous write: intake on every channel, proposals, support, photos, … */
    WRITE,
    /** An attempt at a secret that can be guessed (a case number and its phone). */
    PROOF,
    /** A read of the public notices ({@link PublicRead}), which cost more than a lookup. */
    READ
  }

  /** The window a request was counted in, kept on the request so a replay can give it back. */
  public record Counted(Kind kind, String clientAddress, Instant windowStart) {}

  static final String COUNTED = AnonymousLimit.class.getName() + ".counted";

  private final JdbcClient jdbc;
  private final int writeLimit;
  private final int proofLimit;
  private final int readLimit;
  private final Duration window;

  AnonymousLimit(
      JdbcClient jdbc,
      @Value("${linli.intake.anonymous-limit:30}") int writeLimit,
      @Value("${linli.intake.proof-limit:10}") int proofLimit,
      @Value("${linli.intake.public-read-limit:120}") int readLimit,
      @Value("${linli.intake.anonymous-window:PT10M}") Duration window) {
    if (writeLimit < 1 || proofLimit < 1 || readLimit < 1) {
      throw new IllegalArgumentException(
          "linli.intake.anonymous-limit, proof-limit and public-read-limit must be at least 1");
    }
    if (window.toMillis() < 1000) {
      throw new IllegalArgumentException(
          "linli.intake.anonymous-window must be at least one second");
    }
    this.jdbc = jdbc;
    this.writeLimit = writeLimit;
    this.proofLimit = proofLimit;
    this.readLimit = readLimit;
    this.window = window;
  }

  /**
   * Counts one request of {@code kind} from {@code clientAddress}.
   *
   * @throws RateLimited past the limit (429 with Retry-After); the request is counted all the same
   */
  public Counted count(Kind kind, String clientAddress) {
    Instant now = Times.now();
    Instant start = RateLimited.windowStart(now, window);
    String address = address(clientAddress);
    int n =
        jdbc.sql(
                """
            insert into anonymous_write_window (kind, client_addr, window_start, requests)
            values (?, ?, ?, 1)
            on conflict (kind, client_addr, window_start)
            do update set requests = anonymous_write_window.requests + 1
            returning requests""")
            .params(kind.name(), address, Timestamp.from(start))
            .query(Integer.class)
            .single();
    int limit =
        switch (kind) {
          case PROOF -> proofLimit;
          case READ -> readLimit;
          case WRITE -> writeLimit;
        };
    if (n > limit) throw RateLimited.until(now, start, window);
    return new Counted(kind, address, start);
  }

  /**
   * Gives back what the current HTTP request was counted, if anything: {@link IdempotentIntake}
   * calls it for a replay of an already answered {@code Idempotency-Key}, which writes nothing.
   */
  void refundCurrentRequest() {
    if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a))
      return;
    HttpServletRequest request = a.getRequest();
    if (!(request.getAttribute(COUNTED) instanceof Counted c)) return;
    request.removeAttribute(COUNTED);
    jdbc.sql(
            """
            update anonymous_write_window set requests = requests - 1
            where kind = ? and client_addr = ? and window_start = ? and requests > 0""")
        .params(c.kind().name(), c.clientAddress(), Timestamp.from(c.windowStart()))
        .update();
  }

  /**
   * As the column holds it: an address from a forwarded header can be anything, so at most 64
   * characters.
   */
  private static String address(String clientAddress) {
    if (clientAddress == null || clientAddress.isEmpty()) return "?";
    return clientAddress.length() <= 64 ? clientAddress : clientAddress.substring(0, 64);
  }
}
