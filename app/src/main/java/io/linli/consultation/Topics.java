package io.linli.consultation;

import io.linli.cases.CaseFiles;
import io.linli.system.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The consultation_topic table and its supporters (附议). */
@Repository
class Topics {

  private static final String SELECT =
      """
      select t.id, t.topic_no, t.community_code, t.estate_id, e.code, e.name, t.category, t.title,
             t.description, t.proposer_role, t.grievance_case_no, t.state, t.review_note,
             t.merged_into, t.evaluation_round, t.proposed_at, t.collection_ends_at, t.closed_at,
             t.process_instance_id
      from consultation_topic t join estate e on e.id = t.estate_id
      """;

  private static final String FLOW = ConsultationProcess.FLOW;

  private final JdbcClient jdbc;
  private final CaseFiles files;

  Topics(JdbcClient jdbc, CaseFiles files) {
    this.jdbc = jdbc;
    this.files = files;
  }

  record NewTopic(
      String communityCode,
      long estateId,
      TopicCategory category,
      String title,
      String description,
      String proposerId,
      ProposerRole proposerRole,
      String grievanceCaseNo,
      Instant proposedAt,
      Instant collectionEndsAt) {}

  record Row(
      long id,
      String topicNo,
      String communityCode,
      long estateId,
      String estateCode,
      String estateName,
      TopicCategory category,
      String title,
      String description,
      ProposerRole proposerRole,
      String grievanceCaseNo,
      TopicState state,
      String reviewNote,
      String mergedInto,
      int evaluationRound,
      Instant proposedAt,
      Instant collectionEndsAt,
      Instant closedAt,
      String processInstanceId) {}

  /**
   * Inserts the topic with a number drawn from the database sequence, e.g. YS-2026-000042.
   *
   * @return empty when the grievance it comes from already has a topic
   */
  Optional<Row> insert(NewTopic t) {
    long seq = jdbc.sql("select nextval('consultation_topic_no_seq')").query(Long.class).single();
    String topicNo =
        String.format("YS-%d-%06d", t.proposedAt().atZone(Times.BEIJING).getYear(), seq);
    int inserted =
        jdbc.sql(
                """
                insert into consultation_topic (topic_no, community_code, estate_id, category, title,
                  description, proposer_id, proposer_role, grievance_case_no, state, proposed_at,
                  collection_ends_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'COLLECTING', ?, ?)
                on conflict (grievance_case_no) do nothing""")
            .params(
                topicNo,
                t.communityCode(),
                t.estateId(),
                t.category().name(),
                t.title(),
                t.description(),
                t.proposerId(),
                t.proposerRole().name(),
                t.grievanceCaseNo(),
                ts(t.proposedAt()),
                ts(t.collectionEndsAt()))
            .update();
    if (inserted == 0) return Optional.empty();
    Optional<Row> row = find(topicNo);
    row.ifPresent(
        r ->
            files.open(
                new CaseFiles.NewCase(
                    FLOW,
                    r.id(),
                    topicNo,
                    t.communityCode(),
                    t.estateId(),
                    null,
                    t.category().name(),
                    null,
                    t.title(),
                    TopicState.COLLECTING.name(),
                    t.proposedAt(),
                    null,
                    null,
                    t.grievanceCaseNo())));
    return row;
  }

  Optional<Row> find(String topicNo) {
    return jdbc.sql(SELECT + " where t.topic_no = ?").param(topicNo).query(Topics::row).optional();
  }

  Optional<Row> byId(long id) {
    return jdbc.sql(SELECT + " where t.id = ?").param(id).query(Topics::row).optional();
  }

  List<Row> byProcessInstances(Collection<String> processInstanceIds) {
    if (processInstanceIds.isEmpty()) return List.of();
    return jdbc.sql(SELECT + " where t.process_instance_id in (:ids) order by t.topic_no")
        .param("ids", processInstanceIds)
        .query(Topics::row)
        .list();
  }

  /** Locks the topic row until the transaction ends (rating vs. the tally of ratings). */
  void lock(long id) {
    jdbc.sql("select id from consultation_topic where id = ? for update")
        .param(id)
        .query(Long.class)
        .single();
  }

  /** Reads the state under a shared lock: a tally holding the row lock is waited for. */
  TopicState lockedState(long id) {
    return TopicState.valueOf(
        jdbc.sql("select state from consultation_topic where id = ? for share")
            .param(id)
            .query(String.class)
            .single());
  }

  void setProcessInstance(long id, String processInstanceId) {
    jdbc.sql("update consultation_topic set process_instance_id = ? where id = ?")
        .params(processInstanceId, id)
        .update();
    files.setProcessInstance(FLOW, id, processInstanceId);
  }

  void setState(long id, TopicState state) {
    jdbc.sql("update consultation_topic set state = ? where id = ?")
        .params(state.name(), id)
        .update();
    files.setStatus(FLOW, id, state.name());
  }

  void setReviewNote(long id, String note) {
    jdbc.sql("update consultation_topic set review_note = ? where id = ?")
        .params(note, id)
        .update();
  }

  /** The topic ends in a final state (rejected, merged, not agreed, lapsed, closed). */
  void finish(long id, TopicState state, Instant at) {
    jdbc.sql("update consultation_topic set state = ?, closed_at = ? where id = ?")
        .params(state.name(), ts(at), id)
        .update();
    files.close(FLOW, id, state.name(), at);
  }

  void setMergedInto(long id, String topicNo) {
    jdbc.sql("update consultation_topic set merged_into = ? where id = ?")
        .params(topicNo, id)
        .update();
  }

  void setEvaluationRound(long id, int round) {
    jdbc.sql("update consultation_topic set evaluation_round = ? where id = ?")
        .params(round, id)
        .update();
  }

  /**
   * @return false when the user already supports the topic
   */
  boolean addSupporter(long topicId, String userId, Instant at) {
    return jdbc.sql(
                """
                insert into consultation_supporter (topic_id, user_id, supported_at) values (?, ?, ?)
                on conflict do nothing""")
            .params(topicId, userId, ts(at))
            .update()
        == 1;
  }

  int supporterCount(long topicId) {
    return jdbc.sql("select count(*) from consultation_supporter where topic_id = ?")
        .param(topicId)
        .query(Integer.class)
        .single();
  }

  /** A merged topic's supporters support the topic it was merged into (each user once). */
  void moveSupporters(long fromTopicId, long toTopicId) {
    jdbc.sql(
            """
            insert into consultation_supporter (topic_id, user_id, supported_at)
            select ?, user_id, supported_at from consultation_supporter where topic_id = ?
            on conflict do nothing""")
        .params(toTopicId, fromTopicId)
        .update();
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    return new Row(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getLong(4),
        rs.getString(5),
        rs.getString(6),
        TopicCategory.valueOf(rs.getString(7)),
        rs.getString(8),
        rs.getString(9),
        ProposerRole.valueOf(rs.getString(10)),
        rs.getString(11),
        TopicState.valueOf(rs.getString(12)),
        rs.getString(13),
        rs.getString(14),
        rs.getInt(15),
        instant(rs.getTimestamp(16)),
        instant(rs.getTimestamp(17)),
        instant(rs.getTimestamp(18)),
        rs.getString(19));
  }

  static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
