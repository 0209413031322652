package io.linli.dailycheck;

import io.linli.cases.PersonalData;
import io.linli.cases.RetentionTarget;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Retention of a daily check's free text (cases.CaseRetention): the note the 社区党委 wrote when
 * completing the check, which may name residents. The check itself (who, when, which cases were
 * urged) stays, and with it the missed-check breaches.
 */
@Component
class DailyInspectionRetention implements RetentionTarget {

  private final JdbcClient jdbc;

  DailyInspectionRetention(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void purge(PersonalData kind, String flow, String caseNo) {
    if (!DailyInspectionFlow.KEY.equals(flow) || kind != PersonalData.FREE_TEXT) return;
    jdbc.sql("update daily_check set note = null where case_no = ?").param(caseNo).update();
  }
}
