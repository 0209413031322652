package io.linli.grievance;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import io.linli.system.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The grievance_case table: the case itself, with the resident's text and contact. */
@Repository
class GrievanceCases {

  private final JdbcClient jdbc;

  GrievanceCases(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record NewCase(
      String communityCode,
      Long estateId,
      Long buildingId,
      Category category,
      String description,
      String contactName,
      byte[] contactPhoneEnc,
      Channel channel,
      String recordedBy,
      Instant reportedAt) {}

  record Row(
      long id,
      String caseNo,
      String communityCode,
      String category,
      String tier,
      String status,
      String channel,
      Instant reportedAt,
      Instant committedDeadline,
      String rectificationMeasures,
      String rating,
      Instant closedAt,
      String processInstanceId) {}

  /** Inserts the case with a number drawn from the database sequence, e.g. GR-2026-000042. */
  Row insert(NewCase c) {
    long seq = jdbc.sql("select nextval('grievance_case_no_seq')").query(Long.class).single();
    String caseNo = String.format("GR-%d-%06d", c.reportedAt().atZone(Times.BEIJING).getYear(), seq);
    long id =
        jdbc.sql(
                """
                insert into grievance_case (case_no, community_code, estate_id, building_id, category,
                  description, contact_name, contact_phone_enc, channel, recorded_by, status, reported_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'TRIAGE', ?) returning id""")
            .params(caseNo, c.communityCode(), c.estateId(), c.buildingId(), c.category().name(),
                c.description(), c.contactName(), c.contactPhoneEnc(), c.channel().name(),
                c.recordedBy(), Timestamp.from(c.reportedAt()))
            .query(Long.class)
            .single();
    return find(caseNo).orElseThrow(() -> new IllegalStateException("inserted case " + id + " vanished"));
  }

  Optional<Row> find(String caseNo) {
    return jdbc.sql(
            """
            select id, case_no, community_code, category, tier, status, channel, reported_at,
                   committed_deadline, rectification_measures, rating, closed_at, process_instance_id
            from grievance_case where case_no = ?""")
        .param(caseNo)
        .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getString(7), instant(rs.getTimestamp(8)),
            instant(rs.getTimestamp(9)), rs.getString(10), rs.getString(11),
            instant(rs.getTimestamp(12)), rs.getString(13)))
        .optional();
  }

  /** The encrypted E.164 phone of a case, if the resident left one. */
  Optional<byte[]> contactPhone(String caseNo) {
    return jdbc.sql("select contact_phone_enc from grievance_case where case_no = ?")
        .param(caseNo)
        .query((rs, n) -> Optional.ofNullable(rs.getBytes(1)))
        .list().stream().flatMap(Optional::stream).findFirst();
  }

  void setProcessInstance(long id, String processInstanceId) {
    jdbc.sql("update grievance_case set process_instance_id = ? where id = ?")
        .params(processInstanceId, id).update();
  }

  void setStatus(long id, GrievanceStatus status) {
    jdbc.sql("update grievance_case set status = ? where id = ?").params(status.name(), id).update();
  }

  void setTriage(long id, Category category, Tier tier) {
    jdbc.sql("update grievance_case set category = ?, tier = ? where id = ?")
        .params(category.name(), tier.name(), id).update();
  }

  void setCommitment(long id, String measures, Instant deadline) {
    jdbc.sql("update grievance_case set rectification_measures = ?, committed_deadline = ? where id = ?")
        .params(measures, Timestamp.from(deadline), id).update();
  }

  void setRating(long id, Rating rating, String comment, Instant at) {
    jdbc.sql("update grievance_case set rating = ?, rating_comment = ?, rated_at = ? where id = ?")
        .params(rating.name(), comment, Timestamp.from(at), id).update();
  }

  void setFollowUp(long id, String satisfaction) {
    jdbc.sql("update grievance_case set follow_up_satisfaction = ? where id = ?")
        .params(satisfaction, id).update();
  }

  void close(long id, Instant at) {
    jdbc.sql("update grievance_case set status = 'CLOSED', closed_at = ? where id = ?")
        .params(Timestamp.from(at), id).update();
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
