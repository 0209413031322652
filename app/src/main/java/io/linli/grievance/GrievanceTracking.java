package io.linli.grievance;

import io.linli.cases.CaseTracking;
import io.linli.cases.Flows;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 查询进度 on the resident page: case number + the phone given at intake ({@link CaseTracking}), then
 * what the resident may read of the case.
 */
@Service
class GrievanceTracking {

  private final CaseTracking tracking;
  private final Flows flows;
  private final GrievanceStatusView statusView;

  GrievanceTracking(CaseTracking tracking, Flows flows, GrievanceStatusView statusView) {
    this.tracking = tracking;
    this.flows = flows;
    this.statusView = statusView;
  }

  /** The status plus the token that opens the live-update stream of this case. */
  record Tracked(GrievanceStatusView.Status status, String watchToken, String eventsUrl) {}

  @Transactional
  Tracked track(String caseNo, String phone) {
    var flow = flows.get(GrievanceProcess.FLOW);
    String token = tracking.track(flow, caseNo, phone, "案件编号与手机号码不匹配");
    return new Tracked(
        statusView.of(caseNo, true), token, CaseTracking.eventsUrl(flow, caseNo, token));
  }
}
