package io.linli.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linli.system.ApiError;
import io.linli.system.Times;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code Idempotency-Key} for intake POSTs. The key row is inserted first, in the same transaction
 * as the intake: a concurrent duplicate blocks on the unique key until the first commits (then gets
 * the stored answer) or rolls back (then does the intake itself). Nothing is held in memory, so
 * this holds across nodes. The same key with a different request body is a 409. A replay gives back
 * the request's count against the anonymous write limit ({@link AnonymousLimit}).
 */
@Component
public class IdempotentIntake {

  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,128}");

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final ObjectMapper json;
  private final AnonymousLimit limit;

  IdempotentIntake(
      JdbcClient jdbc, TransactionTemplate tx, ObjectMapper json, AnonymousLimit limit) {
    this.jdbc = jdbc;
    this.limit = limit;
    this.tx = tx;
    this.json = json;
  }

  /** The answer to an intake: HTTP status and JSON body. */
  public record Answer(int status, String body, boolean replayed) {}

  /**
   * Runs {@code intake} once per (scope, key); without a key it simply runs it.
   *
   * @param requestBody canonical form of the request (e.g. its JSON), fingerprinted to spot reuse
   * @param intake returns the JSON body of a 201 answer; runs inside this transaction
   */
  public Answer once(String scope, String key, String requestBody, Supplier<String> intake) {
    if (key == null) {
      return tx.execute(s -> new Answer(201, intake.get(), false));
    }
    if (!KEY.matcher(key).matches()) {
      throw ApiError.invalid("Idempotency-Key", "须为1–128个可见ASCII字符");
    }
    String hash = sha256(requestBody);
    return tx.execute(
        s -> {
          int inserted =
              jdbc.sql(
                      """
              insert into idempotency_key (scope, idem_key, request_hash, created_at)
              values (?, ?, ?, ?) on conflict do nothing""")
                  .params(scope, key, hash, Timestamp.from(Times.now()))
                  .update();
          if (inserted == 0) {
            Answer replayed = replay(scope, key, hash);
            limit.refundCurrentRequest(); // a replay writes nothing: it does not count as an
            // anonymous write
            return replayed;
          }
          String body = intake.get();
          jdbc.sql(
                  """
              update idempotency_key set response_status = 201, response_body = ?
              where scope = ? and idem_key = ?""")
              .params(body, scope, key)
              .update();
          return new Answer(201, body, false);
        });
  }

  /**
   * An app intake POST answered in JSON: {@link #once} with the cleaned request's JSON as the
   * fingerprint, and the first (or replayed) answer as a 201 whose {@code Location} is the body's
   * {@code statusUrl}, with {@code Idempotent-Replayed}.
   *
   * @param cleanedRequest the request in canonical form (same JSON on every node)
   * @param intake does the intake inside the transaction; returns the answer body (with {@code
   *     statusUrl})
   */
  public ResponseEntity<String> created(
      String scope, String key, Object cleanedRequest, Supplier<Object> intake) {
    Answer answer = once(scope, key, write(cleanedRequest), () -> write(intake.get()));
    String url;
    try {
      url = json.readTree(answer.body()).path("statusUrl").asText();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return ResponseEntity.status(answer.status())
        .location(URI.create(url))
        .contentType(MediaType.APPLICATION_JSON)
        .header("Idempotent-Replayed", Boolean.toString(answer.replayed()))
        .body(answer.body());
  }

  private String write(Object o) {
    try {
      return json.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Answer replay(String scope, String key, String hash) {
    record Stored(String hash, Integer status, String body) {}
    Optional<Stored> stored =
        jdbc.sql(
                """
            select request_hash, response_status, response_body from idempotency_key
            where scope = ? and idem_key = ?""")
            .params(scope, key)
            .query(
                (rs, n) -> new Stored(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3)))
            .optional();
    Stored s = stored.orElseThrow(() -> ApiError.conflict("同一 Idempotency-Key 的请求正在处理，请稍后重试"));
    if (!s.hash().equals(hash)) {
      throw ApiError.conflict("该 Idempotency-Key 已用于另一份不同的提交");
    }
    if (s.status() == null) throw ApiError.conflict("同一 Idempotency-Key 的请求正在处理，请稍后重试");
    return new Answer(s.status(), s.body(), true);
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
