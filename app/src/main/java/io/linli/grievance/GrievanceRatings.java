package io.linli.grievance;

import io.linli.caselog.CaseLog;
import io.linli.caselog.CommonEvent;
import io.linli.identity.Role;
import io.linli.system.ApiError;
import io.linli.system.Times;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 评价: the resident rates a handled case. The first 不满意 sends it back for one rework round; any
 * later rating goes on to the party group's follow-up visit.
 */
@Service
class GrievanceRatings {

  private final GrievanceCases cases;
  private final CaseLog caseLog;
  private final RuntimeService runtime;

  GrievanceRatings(GrievanceCases cases, CaseLog caseLog, RuntimeService runtime) {
    this.cases = cases;
    this.caseLog = caseLog;
    this.runtime = runtime;
  }

  /**
   * @return whether the case goes back for rework
   */
  @Transactional
  boolean rate(String caseNo, Rating rating, String comment) {
    if (rating == Rating.NONE) {
      throw ApiError.invalid("rating", "请选择满意、基本满意或不满意");
    }
    GrievanceCases.Row row =
        cases.find(caseNo).orElseThrow(() -> ApiError.notFound("没有这个案件：" + caseNo));
    Execution waiting =
        row.processInstanceId() == null
            ? null
            : runtime
                .createExecutionQuery()
                .processInstanceId(row.processInstanceId())
                .activityId(GrievanceProcess.TASK_AWAIT_RATING)
                .singleResult();
    if (waiting == null) {
      throw ApiError.conflict("该案件当前不在待评价阶段");
    }
    Object done = runtime.getVariable(row.processInstanceId(), GrievanceVariables.REWORK_COUNT);
    boolean rework =
        rating == Rating.DISSATISFIED && (done == null || ((Number) done).intValue() == 0);

    cases.setRating(row.id(), rating, comment, Times.now());
    caseLog.record(
        GrievanceProcess.FLOW, caseNo, CommonEvent.RATED, Role.RESIDENT.label(), rating.label());
    if (rework) {
      caseLog.record(GrievanceProcess.FLOW, caseNo, CommonEvent.REWORK, null, null);
    }
    runtime
        .createMessageCorrelation(GrievanceProcess.MESSAGE_RATED)
        .processInstanceId(row.processInstanceId())
        .setVariable(GrievanceVariables.RATING, rating.name())
        .setVariable(GrievanceVariables.RATING_LABEL, rating.label())
        .setVariable(GrievanceVariables.RATING_COMMENT, comment == null ? "" : comment)
        .setVariable(GrievanceVariables.REWORK_REQUIRED, rework)
        .correlate();
    return rework;
  }
}
