package io.linli.consultation;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The link between a grievance and the topic a grid worker turned it into, both ways: a topic
 * keeps the grievance's case number, and the grievance's status view asks here for its topic.
 */
@Repository
public class TopicLinks {

  private final JdbcClient jdbc;

  TopicLinks(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The number of the topic made from this grievance, if any. */
  public Optional<String> topicOf(String grievanceCaseNo) {
    return jdbc.sql("select topic_no from consultation_topic where grievance_case_no = ?")
        .param(grievanceCaseNo)
        .query(String.class)
        .optional();
  }

  /** Where a grievance is, read without the grievance module's classes. */
  record Grievance(String caseNo, String communityCode, String estateCode) {}

  Optional<Grievance> grievance(String caseNo) {
    return jdbc.sql(
            """
            select g.case_no, g.community_code, e.code
            from grievance_case g left join estate e on e.id = g.estate_id where g.case_no = ?""")
        .param(caseNo)
        .query((rs, n) -> new Grievance(rs.getString(1), rs.getString(2), rs.getString(3)))
        .optional();
  }
}
