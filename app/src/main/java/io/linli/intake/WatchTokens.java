package io.linli.intake;

import io.linli.system.Times;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Watch tokens: what lets a resident without an account follow, photograph and answer their own
 * case. A token is 192 random bits handed out once (at intake, and after the phone check of 查询进度);
 * only its SHA-256 is stored (case_watch_token, V13), with an expiry ({@code
 * linli.intake.watch-token-ttl}, default 90 days). Nothing derives a token from a key, so neither
 * the encryption key nor a case number yields one; {@link #revoke} ends every token of a case. Any
 * node checks a token another node issued.
 */
@Component
public class WatchTokens {

  private final JdbcClient jdbc;
  private final Duration ttl;
  private final SecureRandom random = new SecureRandom();

  WatchTokens(JdbcClient jdbc, @Value("${linli.intake.watch-token-ttl:P90D}") Duration ttl) {
    this.jdbc = jdbc;
    this.ttl = ttl;
  }

  /** A new token for the case (earlier ones stay valid until they expire). */
  public String issue(String caseNo) {
    byte[] raw = new byte[24];
    random.nextBytes(raw);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    Instant now = Times.now();
    jdbc.sql(
            "insert into case_watch_token (token_hash, case_no, issued_at, expires_at) values (?, ?, ?, ?)")
        .params(hash(token), caseNo, Timestamp.from(now), Timestamp.from(now.plus(ttl)))
        .update();
    return token;
  }

  /** True when {@code token} was issued for this case and has not expired or been revoked. */
  public boolean valid(String caseNo, String token) {
    if (token == null || token.isEmpty() || token.length() > 64 || caseNo == null) return false;
    return jdbc.sql(
                """
            select count(*) from case_watch_token
            where token_hash = ? and case_no = ? and expires_at > ?""")
            .params(hash(token), caseNo, Timestamp.from(Times.now()))
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * The flow of the case a valid {@code token} opens, as case_file stores it: empty for a wrong,
   * expired or revoked token, or a token of another case.
   */
  public java.util.Optional<String> flowOf(String caseNo, String token) {
    if (!valid(caseNo, token)) return java.util.Optional.empty();
    return jdbc.sql("select flow from case_file where case_no = ?")
        .param(caseNo)
        .query(String.class)
        .optional();
  }

  /** True when {@code token} opens the case and the case belongs to the flow a path names. */
  public boolean opens(String flowSegment, String caseNo, String token) {
    return flowSegment != null
        && flowOf(caseNo, token)
            .filter(f -> f.equalsIgnoreCase(flowSegment.replace('-', '_')))
            .isPresent();
  }

  /** Ends every token of the case: the resident asks for a new one with their phone. */
  public int revoke(String caseNo) {
    return jdbc.sql("delete from case_watch_token where case_no = ?").param(caseNo).update();
  }

  private static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Retention (cases.CaseRetention): revokes every watch token of the case. */
  public void revokeAll(String caseNo) {
    jdbc.sql("delete from case_watch_token where case_no = ?").param(caseNo).update();
  }
}
