package io.linli.consultation;

import static io.linli.consultation.Topics.ts;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Entries of the 协商事项清单: an agreed topic's responsible body, deadline and result (办). */
@Repository
class ExecutionItems {

  private final JdbcClient jdbc;

  ExecutionItems(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void list(
      long topicId, ResponsibleBody body, String name, String plan, Instant deadline, Instant at) {
    jdbc.sql(
            """
            insert into consultation_execution (topic_id, responsible_body, responsible_name, plan,
              deadline, listed_at) values (?, ?, ?, ?, ?, ?)""")
        .params(topicId, body.name(), name, plan, ts(deadline), ts(at))
        .update();
  }

  void done(long topicId, String result, Instant at) {
    jdbc.sql("update consultation_execution set result = ?, done_at = ? where topic_id = ?")
        .params(result, ts(at), topicId)
        .update();
  }

  void sentBack(long topicId, Instant reworkDeadline) {
    jdbc.sql("update consultation_execution set rework_deadline = ? where topic_id = ?")
        .params(ts(reworkDeadline), topicId)
        .update();
  }

  void reworkDone(long topicId, String result, Instant at) {
    jdbc.sql(
            "update consultation_execution set rework_result = ?, rework_done_at = ? where topic_id = ?")
        .params(result, ts(at), topicId)
        .update();
  }

  /** What was planned and done, as residents read it. */
  record Texts(String plan, String result, String reworkResult) {}

  Optional<Texts> texts(long topicId) {
    return jdbc.sql(
            "select plan, result, rework_result from consultation_execution where topic_id = ?")
        .param(topicId)
        .query((rs, n) -> new Texts(rs.getString(1), rs.getString(2), rs.getString(3)))
        .optional();
  }
}
