package io.linli.testflow;

import io.linli.cases.CaseFiles;
import io.linli.cases.CaseTracking;
import io.linli.sla.ClockStates;
import io.linli.system.ApiError;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The test flow's API: report, read, track by phone. */
@RestController
@RequestMapping("/api/test-checks")
@ConditionalOnProperty(name = "linli.test-flow", havingValue = "true")
class DailyCheckController {

  private final DailyChecks checks;
  private final DailyCheckFlow flow;
  private final CaseFiles files;
  private final CaseTracking tracking;
  private final ClockStates clocks;

  DailyCheckController(
      DailyChecks checks,
      DailyCheckFlow flow,
      CaseFiles files,
      CaseTracking tracking,
      ClockStates clocks) {
    this.checks = checks;
    this.flow = flow;
    this.files = files;
    this.tracking = tracking;
    this.clocks = clocks;
  }

  record ReportRequest(String communityCode, String estateCode, String contactPhone) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  DailyChecks.Receipt report(@RequestBody ReportRequest r) {
    return checks.report(r.communityCode(), r.estateCode(), r.contactPhone());
  }

  record Status(
      String caseNo, String status, String statusLabel, List<ClockStates.ClockState> deadlines) {}

  @GetMapping("/{caseNo}")
  Status status(@PathVariable String caseNo) {
    var c = files.find(flow.key(), caseNo).orElseThrow(() -> ApiError.notFound("没有这个巡查单"));
    return new Status(
        c.caseNo(), c.status(), flow.statusLabel(c.status()), clocks.of(caseNo, c.closed()));
  }

  @PostMapping("/{caseNo}/track")
  Map<String, String> track(@PathVariable String caseNo, @RequestBody Map<String, String> body) {
    String token = tracking.track(flow, caseNo, body.get("phone"), "巡查单编号与手机号码不匹配");
    return Map.of("watchToken", token, "eventsUrl", CaseTracking.eventsUrl(flow, caseNo, token));
  }
}
