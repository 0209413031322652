package io.linli.cases;

import io.linli.intake.ContactCipher;
import io.linli.intake.PhoneNumbers;
import io.linli.intake.WatchTokens;
import io.linli.system.ApiError;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 查询进度 for every flow: a case number and the phone the resident gave with it. A match issues a new
 * watch token; an unknown case, another flow's case, a case without phone and a wrong phone all get
 * the same 404, so the answer does not tell which case numbers exist.
 */
@Service
public class CaseTracking {

  private final CaseFiles files;
  private final ContactCipher cipher;
  private final WatchTokens tokens;

  CaseTracking(CaseFiles files, ContactCipher cipher, WatchTokens tokens) {
    this.files = files;
    this.cipher = cipher;
    this.tokens = tokens;
  }

  /**
   * @param phone as the resident types it (cleaned text)
   * @return a new watch token for the case
   */
  @Transactional
  public String track(Flow flow, String caseNo, String phone, String mismatch) {
    return files
        .find(flow.key(), caseNo)
        .flatMap(c -> files.contactPhone(caseNo))
        .map(cipher::decrypt)
        .filter(stored -> PhoneNumbers.same(stored, phone))
        .map(stored -> tokens.issue(caseNo))
        .orElseThrow(() -> ApiError.notFound(mismatch));
  }

  /** The live-update stream of a case, for the holder of {@code token}. */
  public static String eventsUrl(Flow flow, String caseNo, String token) {
    return "/api/cases/"
        + flow.key().toLowerCase(java.util.Locale.ROOT)
        + "/"
        + caseNo
        + "/events?token="
        + token;
  }
}
