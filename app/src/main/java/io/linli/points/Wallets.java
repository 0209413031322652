package io.linli.points;

import io.linli.cases.CaseFile;
import io.linli.cases.CaseFiles;
import io.linli.intake.ContactCipher;
import io.linli.intake.PhoneNumbers;
import io.linli.intake.WatchTokens;
import io.linli.system.ApiError;
import io.linli.system.Times;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Wallet tokens: how a resident without a realm account opens their own points. The resident proves
 * the phone with a case reported with it — its number and the phone (as 查询进度 does), or the case's
 * watch token — and gets a random 192-bit token for the account of that phone; only its SHA-256 is
 * stored, with an expiry ({@code linli.points.wallet-ttl}). A wrong pair is 404, like the phone
 * check of tracking, so case numbers and phones cannot be probed.
 */
@Component
class Wallets {

  /** The token and the account it opens. */
  record Opened(String token, Instant expiresAt, long account) {}

  private final JdbcClient jdbc;
  private final CaseFiles files;
  private final ContactCipher cipher;
  private final WatchTokens watchTokens;
  private final Residents residents;
  private final Ledger ledger;
  private final PointsProperties rules;

  Wallets(
      JdbcClient jdbc,
      CaseFiles files,
      ContactCipher cipher,
      WatchTokens watchTokens,
      Residents residents,
      Ledger ledger,
      PointsProperties rules) {
    this.jdbc = jdbc;
    this.files = files;
    this.cipher = cipher;
    this.watchTokens = watchTokens;
    this.residents = residents;
    this.ledger = ledger;
    this.rules = rules;
  }

  Opened open(String caseNo, String phone, String watchToken) {
    ApiError wrong = ApiError.notFound("案件编号与手机号（或凭证）不符");
    Optional<CaseFile> file = files.find(caseNo);
    Optional<byte[]> enc = files.contactPhone(caseNo);
    if (file.isEmpty() || enc.isEmpty()) throw wrong;
    String e164 = cipher.decrypt(enc.get());
    boolean proven =
        phone != null ? PhoneNumbers.same(e164, phone) : watchTokens.valid(caseNo, watchToken);
    if (!proven) throw wrong;
    long account = ledger.resident(residents.phone(e164), file.get().communityCode());
    String token = Tokens.random();
    Instant now = Times.now();
    Instant expires = now.plus(rules.walletTtl());
    jdbc.sql(
            "insert into points_wallet_token (token_hash, account_id, issued_at, expires_at) values (?, ?, ?, ?)")
        .params(Tokens.hash(token), account, Timestamp.from(now), Timestamp.from(expires))
        .update();
    return new Opened(token, expires, account);
  }

  Optional<Long> account(String token) {
    if (token == null || token.isEmpty() || token.length() > 64) return Optional.empty();
    return jdbc.sql(
            "select account_id from points_wallet_token where token_hash = ? and expires_at > ?")
        .params(Tokens.hash(token), Timestamp.from(Times.now()))
        .query(Long.class)
        .optional();
  }
}
