package io.linli.grievance;

import io.linli.cases.PersonalData;
import io.linli.cases.RetentionTarget;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Retention of a grievance's free text (cases.CaseRetention): the resident's description and rating
 * comment, the rectification measures staff told the resident, and a merge's reason. Category,
 * tier, status, dates and ratings stay.
 */
@Component
class GrievanceRetention implements RetentionTarget {

  private final JdbcClient jdbc;

  GrievanceRetention(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void purge(PersonalData kind, String flow, String caseNo) {
    if (!GrievanceProcess.FLOW.equals(flow) || kind != PersonalData.FREE_TEXT) return;
    jdbc.sql(
            """
            update grievance_case set description = ?, rectification_measures = null, rating_comment = null
            where case_no = ?""")
        .params(PersonalData.ERASED, caseNo)
        .update();
    jdbc.sql(
            "update grievance_merge set reason = null where duplicate_case_no = ? or original_case_no = ?")
        .params(caseNo, caseNo)
        .update();
  }
}
