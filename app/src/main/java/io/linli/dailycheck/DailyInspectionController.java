package io.linli.dailycheck;

import io.linli.identity.ActingUser;
import io.linli.identity.Role;
import io.linli.identity.StaffReach;
import io.linli.system.ApiError;
import io.linli.system.TextInput;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 每日巡查's API: a check with every open case of its community (clocks, holders), and 督促 on one of
 * them. The community's committee (社区党委) reads and urges; the street committee above it and
 * supervisors read.
 */
@RestController
@RequestMapping("/api/daily-checks")
class DailyInspectionController {

  private final DailyInspections checks;
  private final OpenCases openCases;
  private final DailyCheckUrges urges;
  private final StaffReach reach;
  private final ActingUser acting;

  DailyInspectionController(
      DailyInspections checks,
      OpenCases openCases,
      DailyCheckUrges urges,
      StaffReach reach,
      ActingUser acting) {
    this.checks = checks;
    this.openCases = openCases;
    this.urges = urges;
    this.reach = reach;
    this.acting = acting;
  }

  record CheckView(
      String checkNo,
      String communityCode,
      LocalDate checkDate,
      Instant openedAt,
      Instant completedAt,
      String completedBy,
      long openCaseCount,
      List<CaseView> openCases) {}

  record CaseView(
      String caseNo,
      String flow,
      String flowLabel,
      String category,
      List<OpenCases.Clock> clocks,
      List<String> holders) {}

  @GetMapping("/{checkNo}")
  CheckView check(@PathVariable String checkNo) {
    DailyInspections.Check c = found(checkNo);
    if (!reach.inCommunity(c.communityCode(), Role.COMMUNITY_COMMITTEE)
        && !reach.streetAbove(c.communityCode())
        && !reach.supervisor()) {
      throw ApiError.forbidden("只有本社区党委、街道党工委和督查可查看每日巡查");
    }
    List<CaseView> cases =
        openCases.of(c.communityCode(), 10_000).stream()
            .map(
                l ->
                    new CaseView(
                        l.caseNo(), l.flow(), l.flowLabel(), l.category(), l.clocks(), l.holders()))
            .toList();
    return new CheckView(
        c.caseNo(),
        c.communityCode(),
        c.checkDate(),
        c.openedAt(),
        c.completedAt(),
        c.completedBy(),
        cases.size(),
        cases);
  }

  record UrgeRequest(String caseNo, String note) {}

  @PostMapping("/{checkNo}/urges")
  ResponseEntity<DailyCheckUrges.Urged> urge(
      @PathVariable String checkNo,
      @RequestBody UrgeRequest r,
      @RequestHeader(value = "X-Linli-User", required = false) String user) {
    DailyInspections.Check c = found(checkNo);
    if (!reach.inCommunity(c.communityCode(), Role.COMMUNITY_COMMITTEE)) {
      throw ApiError.forbidden("只有本社区党委可督促");
    }
    if (r == null || r.caseNo() == null || r.caseNo().isBlank()) {
      throw ApiError.invalid("caseNo", "请填写要督促的案件编号");
    }
    String note = r.note() == null ? null : TextInput.clean("note", r.note());
    if (note != null && note.length() > 200) throw ApiError.invalid("note", "督促说明不能超过200字");
    String caseNo = TextInput.clean("caseNo", r.caseNo()).strip();
    if (caseNo.length() > 32) throw ApiError.invalid("caseNo", "本社区没有这个案件");
    DailyCheckUrges.Urged u = urges.urge(c, caseNo, note, acting.of(user).orElse(null));
    return ResponseEntity.status(u.repeated() ? 200 : 201).body(u);
  }

  private DailyInspections.Check found(String checkNo) {
    return checks.find(checkNo).orElseThrow(() -> ApiError.notFound("没有这个巡查单"));
  }
}
