package io.linli.evaluation;

import io.linli.cases.PersonalData;
import io.linli.cases.RetentionTarget;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Retention of an evaluation's free text (cases.CaseRetention): the representatives' comments on
 * their scores (the scores themselves, final, stay with the tally and the published result). The
 * property company's rectification plans and results are the company's, not a resident's, and stay.
 */
@Component
class EvaluationRetention implements RetentionTarget {

  private final JdbcClient jdbc;

  EvaluationRetention(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void purge(PersonalData kind, String flow, String caseNo) {
    if (!EvaluationFlow.KEY.equals(flow) || kind != PersonalData.FREE_TEXT) return;
    jdbc.sql(
            """
            update evaluation_score set comment = null
            where comment is not null
              and evaluation_id = (select id from evaluation where evaluation_no = ?)""")
        .param(caseNo)
        .update();
  }
}
