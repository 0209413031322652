package io.linli.grievance;

import static io.linli.grievance.GrievanceProcess.*;

import io.linli.caselog.CaseEventRecorded;
import io.linli.caselog.CaseLog;
import io.linli.cases.CaseFile;
import io.linli.cases.CaseFiles;
import io.linli.identity.Role;
import io.linli.identity.StaffIdentity;
import io.linli.identity.StaffIdentity.Staff;
import io.linli.staffdesk.CaseTaskHolders;
import io.linli.system.ApiError;
import io.linli.system.Times;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merge at 分流定级: the grid worker holding a case's triage task merges it into an open grievance of
 * the same community about the same problem (see {@link GrievanceDuplicates}). The duplicate ends
 * as {@link GrievanceStatus#MERGED} (left out of the rates: the original counts), its triage clock
 * stops with it, and it follows the original: every step of the original that tells its resident
 * something is told to the duplicate's resident too ({@link GrievanceEvent#ORIGINAL_PROGRESS}). An
 * original is never itself a duplicate, and a case others were merged into cannot be merged.
 */
@Service
class GrievanceMerges {

  record Merged(String caseNo, String originalCaseNo) {}

  private final CaseFiles files;
  private final CaseTaskHolders holders;
  private final GrievanceCases cases;
  private final RuntimeService runtime;
  private final CaseLog caseLog;
  private final JdbcClient jdbc;
  private final StaffIdentity staffIdentity;

  GrievanceMerges(
      CaseFiles files,
      CaseTaskHolders holders,
      GrievanceCases cases,
      RuntimeService runtime,
      CaseLog caseLog,
      JdbcClient jdbc,
      StaffIdentity staffIdentity) {
    this.staffIdentity = staffIdentity;
    this.files = files;
    this.holders = holders;
    this.cases = cases;
    this.runtime = runtime;
    this.caseLog = caseLog;
    this.jdbc = jdbc;
  }

  @Transactional
  Merged merge(String caseNo, Staff staff, String originalNo, String reason) {
    CaseFile dup =
        files
            .find(FLOW, caseNo)
            .filter(c -> !c.closed())
            .orElseThrow(() -> ApiError.notFound("没有您可办理的诉求：" + caseNo));
    holders
        .of(dup, staff, Set.of(TASK_TRIAGE))
        .orElseThrow(() -> ApiError.notFound("没有您可办理的诉求：" + caseNo));
    CaseFile original =
        files
            .find(FLOW, originalNo)
            .filter(
                o ->
                    !o.closed()
                        && o.communityCode().equals(dup.communityCode())
                        && !o.caseNo().equals(caseNo))
            .orElseThrow(() -> ApiError.invalid("originalCaseNo", "须为本社区另一件未办结的诉求：" + originalNo));
    if (!duplicatesOf(caseNo).isEmpty()) {
      throw ApiError.conflict("已有其他诉求并入 " + caseNo + "，它不能再并入别的诉求");
    }
    Instant now = Times.now();
    jdbc.sql(
            """
            insert into grievance_merge (duplicate_case_no, original_case_no, merged_by, reason, merged_at)
            values (?, ?, ?, ?, ?)""")
        .params(caseNo, original.caseNo(), staff.userId(), reason, Timestamp.from(now))
        .update();
    caseLog.record(
        FLOW, caseNo, GrievanceEvent.MERGED, Role.GRID_WORKER.label(), original.caseNo());
    cases.merged(dup.caseId(), now);
    staffIdentity.asApp(
        () ->
            runtime
                .createMessageCorrelation(MESSAGE_MERGED)
                .processInstanceId(dup.processInstanceId())
                .correlateWithResult());
    return new Merged(caseNo, original.caseNo());
  }

  List<String> duplicatesOf(String originalNo) {
    return jdbc.sql(
            "select duplicate_case_no from grievance_merge where original_case_no = ? order by merged_at")
        .param(originalNo)
        .query(String.class)
        .list();
  }

  /**
   * A step of an original that tells its resident something is told to its duplicates' residents.
   */
  @EventListener
  void followOriginal(CaseEventRecorded e) {
    if (!FLOW.equals(e.flow())
        || e.type() == GrievanceEvent.ORIGINAL_PROGRESS
        || e.type() == GrievanceEvent.MERGED
        || e.type().notice(null) == null) {
      return;
    }
    for (String dup : duplicatesOf(e.caseNo())) {
      caseLog.record(
          FLOW,
          dup,
          GrievanceEvent.ORIGINAL_PROGRESS,
          e.actorRole(),
          e.caseNo() + "：" + e.type().label());
    }
  }
}
