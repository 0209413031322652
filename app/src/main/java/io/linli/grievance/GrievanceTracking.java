package io.linli.grievance;

import io.linli.intake.ContactCipher;
import io.linli.system.ApiError;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 查询进度 on the resident page: case number + the phone given at intake. Nothing is shown unless
 * the phone matches; an unknown case, a case without phone and a wrong phone get the same 404, so
 * the answer does not tell which case numbers exist.
 */
@Service
class GrievanceTracking {

  private final GrievanceCases cases;
  private final GrievanceStatusView statusView;
  private final ContactCipher cipher;

  GrievanceTracking(GrievanceCases cases, GrievanceStatusView statusView, ContactCipher cipher) {
    this.cases = cases;
    this.statusView = statusView;
    this.cipher = cipher;
  }

  /** The status plus the token that opens the live-update stream of this case. */
  record Tracked(GrievanceStatusView.Status status, String watchToken, String eventsUrl) {}

  @Transactional(readOnly = true)
  Tracked track(String caseNo, String phone) {
    String token = cipher.watchTokenForPhone(GrievanceProcess.FLOW, caseNo,
            cases.contactPhone(caseNo), phone)
        .orElseThrow(() -> ApiError.notFound("案件编号与手机号码不匹配"));
    return new Tracked(statusView.of(caseNo), token,
        "/api/cases/grievance/" + caseNo + "/events?token=" + token);
  }
}
