package io.linli.staffdesk;

import io.linli.caselog.CaseLog;
import io.linli.caselog.CommonEvent;
import io.linli.cases.CaseFile;
import io.linli.cases.CaseFiles;
import io.linli.identity.StaffIdentity.Staff;
import io.linli.sla.SlaPauses;
import io.linli.system.ApiError;
import io.linli.system.Times;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pausing a case's clocks from the staff desk, for waits no flow step models (a resident who cannot
 * be reached after the required attempts, a resident who asks to postpone): only who holds an open
 * task of the case may pause or resume it. Every pause and resumption, of any flow and the
 * automatic one at the cap, goes into the case's log, which the resident reads.
 */
@Component
class CasePauses {

  private final CaseFiles files;
  private final CaseTaskHolders held;
  private final SlaPauses pauses;
  private final CaseLog caseLog;

  CasePauses(CaseFiles files, CaseTaskHolders held, SlaPauses pauses, CaseLog caseLog) {
    this.files = files;
    this.held = held;
    this.pauses = pauses;
    this.caseLog = caseLog;
  }

  /** A case's pause state as the API answers it. */
  record PauseView(
      String caseNo,
      boolean paused,
      String kind,
      String kindLabel,
      String reason,
      Instant pausedAt,
      Instant resumedAt,
      boolean capped,
      List<String> clocks,
      double usedHours,
      double maxHours) {}

  @Transactional
  PauseView pause(
      String caseNo, Staff staff, SlaPauses.Kind kind, String reason, Integer attempts) {
    CaseFile c = holderCase(caseNo, staff, "挂起");
    SlaPauses.Pause p;
    try {
      p =
          pauses.pause(
              new SlaPauses.CaseRef(
                  c.flow(), c.caseId(), c.caseNo(), c.communityCode(), c.processInstanceId()),
              kind,
              reason,
              attempts,
              List.of(),
              staff.userId());
    } catch (SlaPauses.Refused e) {
      throw ApiError.conflict(e.getMessage());
    }
    return view(caseNo, Optional.of(p));
  }

  @Transactional
  PauseView resume(String caseNo, Staff staff) {
    holderCase(caseNo, staff, "恢复计时");
    pauses.resume(caseNo, staff.userId(), "承办人恢复计时");
    return current(caseNo);
  }

  PauseView current(String caseNo) {
    List<SlaPauses.Pause> all = pauses.of(caseNo);
    return view(caseNo, all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1)));
  }

  PauseView state(String caseNo, Staff staff) {
    holderCase(caseNo, staff, "查看挂起情况");
    return current(caseNo);
  }

  CaseFile holderCase(String caseNo, Staff staff, String what) {
    CaseFile c = files.find(caseNo).orElseThrow(() -> ApiError.notFound("没有这个案件：" + caseNo));
    if (c.closed() || held.of(c, staff).isEmpty()) {
      throw ApiError.forbidden("只有持有本案当前任务的承办人可以" + what);
    }
    return c;
  }

  private PauseView view(String caseNo, Optional<SlaPauses.Pause> last) {
    Instant now = Times.now();
    double used = hours(pauses.used(caseNo, now));
    double max = hours(pauses.maxTotal());
    return last.map(
            p ->
                new PauseView(
                    caseNo,
                    p.open(),
                    p.kind().name(),
                    p.kind().label(),
                    p.reason(),
                    p.pausedAt(),
                    p.resumedAt(),
                    p.capped(),
                    p.clocks(),
                    used,
                    max))
        .orElse(
            new PauseView(
                caseNo, false, null, null, null, null, null, false, List.of(), used, max));
  }

  private static double hours(Duration d) {
    return Math.round(d.toSeconds() / 36.0) / 100.0;
  }

  /**
   * Every pause and resumption, of every flow, in the case's log (the note for the resident and
   * staff).
   */
  @EventListener
  void on(SlaPauses.Changed e) {
    SlaPauses.Pause p = e.pause();
    if (!e.resumed()) {
      caseLog.record(
          e.flow(),
          e.caseNo(),
          CommonEvent.PAUSED,
          role(p.pausedBy()),
          p.kind().label() + "：" + p.reason());
    } else {
      Duration d = p.length(p.resumedAt());
      caseLog.record(
          e.flow(),
          e.caseNo(),
          CommonEvent.RESUMED,
          role(p.resumedBy()),
          p.resumeNote() + "（暂停" + label(d) + "，时限顺延）");
    }
  }

  static String label(Duration d) {
    long minutes = Math.max(0, d.toMinutes());
    if (minutes < 60) return minutes + "分钟";
    if (minutes < 24 * 60)
      return (minutes / 60) + "小时" + (minutes % 60 == 0 ? "" : minutes % 60 + "分钟");
    long hours = minutes / 60;
    return (hours / 24) + "天" + (hours % 24 == 0 ? "" : hours % 24 + "小时");
  }

  private static String role(String actor) {
    return actor == null || "system".equals(actor) ? "系统" : "承办人";
  }
}
