package io.linli.serviceorder;

import io.linli.cases.PersonalData;
import io.linli.cases.RetentionTarget;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Retention of a service order's free text (cases.CaseRetention): the resident's description, the
 * worker's solution plan and work result, the resident's reason for declining a quote, the
 * resident's rating comment. The item, prices, payment, dates and ratings stay, and with them the
 * monthly settlement.
 */
@Component
class ServiceOrderRetention implements RetentionTarget {

  private final JdbcClient jdbc;

  ServiceOrderRetention(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void purge(PersonalData kind, String flow, String caseNo) {
    if (!ServiceOrderProcess.FLOW.equals(flow) || kind != PersonalData.FREE_TEXT) return;
    jdbc.sql(
            """
            update service_order set description = ?, solution_plan = null, decline_reason = null,
              work_result = null, rating_comment = null
            where order_no = ?""")
        .params(PersonalData.ERASED, caseNo)
        .update();
  }
}
