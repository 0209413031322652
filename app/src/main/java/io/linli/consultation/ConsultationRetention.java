package io.linli.consultation;

import io.linli.cases.PersonalData;
import io.linli.cases.RetentionTarget;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Retention of a topic's free text (cases.CaseRetention): the proposer's description, the review's
 * note, the meeting's list of participants, the representatives' vote comments and the residents'
 * rating comments. The public record stays: title, category, states and dates, the tallies, the
 * responsible body and its plan and result on the 协商事项清单.
 */
@Component
class ConsultationRetention implements RetentionTarget {

  private final JdbcClient jdbc;

  ConsultationRetention(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void purge(PersonalData kind, String flow, String caseNo) {
    if (!ConsultationProcess.FLOW.equals(flow) || kind != PersonalData.FREE_TEXT) return;
    Long topic =
        jdbc.sql("select id from consultation_topic where topic_no = ?")
            .param(caseNo)
            .query(Long.class)
            .optional()
            .orElse(null);
    if (topic == null) return;
    jdbc.sql("update consultation_topic set description = ?, review_note = null where id = ?")
        .params(PersonalData.ERASED, topic)
        .update();
    jdbc.sql("update consultation_meeting set participants = ? where topic_id = ?")
        .params(PersonalData.ERASED, topic)
        .update();
    jdbc.sql(
            "update consultation_vote set comment = null where topic_id = ? and comment is not null")
        .param(topic)
        .update();
    jdbc.sql(
            "update consultation_rating set comment = null where topic_id = ? and comment is not null")
        .param(topic)
        .update();
  }
}
