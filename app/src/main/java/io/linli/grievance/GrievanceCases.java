package io.linli.grievance;

import io.linli.cases.CaseFiles;
import io.linli.system.Times;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The grievance_case table: the case itself, with the resident's text. Each change the shared
 * mechanisms read (status, category, ratings, closing) is mirrored into the case's case_file row in
 * the same transaction; the resident's contact lives only there, encrypted.
 */
@Repository
class GrievanceCases {

  private static final String FLOW = GrievanceProcess.FLOW;

  private final JdbcClient jdbc;
  private final CaseFiles files;

  GrievanceCases(JdbcClient jdbc, CaseFiles files) {
    this.jdbc = jdbc;
    this.files = files;
  }

  record NewCase(
      String communityCode,
      Long estateId,
      Long buildingId,
      Category category,
      String description,
      String contactName,
      String contactPhone,
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
    String caseNo =
        String.format("GR-%d-%06d", c.reportedAt().atZone(Times.BEIJING).getYear(), seq);
    long id =
        jdbc.sql(
                """
                insert into grievance_case (case_no, community_code, estate_id, building_id, category,
                  description, channel, recorded_by, status, reported_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'TRIAGE', ?) returning id""")
            .params(
                caseNo,
                c.communityCode(),
                c.estateId(),
                c.buildingId(),
                c.category().name(),
                c.description(),
                c.channel().name(),
                c.recordedBy(),
                Timestamp.from(c.reportedAt()))
            .query(Long.class)
            .single();
    files.open(
        new CaseFiles.NewCase(
            FLOW,
            id,
            caseNo,
            c.communityCode(),
            c.estateId(),
            c.buildingId(),
            c.category().name(),
            c.category().name(),
            null,
            GrievanceStatus.TRIAGE.name(),
            c.reportedAt(),
            c.contactName(),
            c.contactPhone(),
            null));
    return find(caseNo)
        .orElseThrow(() -> new IllegalStateException("inserted case " + id + " vanished"));
  }

  Optional<Row> find(String caseNo) {
    return jdbc.sql(
            """
            select id, case_no, community_code, category, tier, status, channel, reported_at,
                   committed_deadline, rectification_measures, rating, closed_at, process_instance_id
            from grievance_case where case_no = ?""")
        .param(caseNo)
        .query(
            (rs, n) ->
                new Row(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    instant(rs.getTimestamp(8)),
                    instant(rs.getTimestamp(9)),
                    rs.getString(10),
                    rs.getString(11),
                    instant(rs.getTimestamp(12)),
                    rs.getString(13)))
        .optional();
  }

  void setProcessInstance(long id, String processInstanceId) {
    jdbc.sql("update grievance_case set process_instance_id = ? where id = ?")
        .params(processInstanceId, id)
        .update();
    files.setProcessInstance(FLOW, id, processInstanceId);
  }

  void setStatus(long id, GrievanceStatus status) {
    jdbc.sql("update grievance_case set status = ? where id = ?")
        .params(status.name(), id)
        .update();
    files.setStatus(FLOW, id, status.name());
  }

  void setTriage(long id, Category category, Tier tier) {
    jdbc.sql("update grievance_case set category = ?, tier = ? where id = ?")
        .params(category.name(), tier.name(), id)
        .update();
    files.setCategory(FLOW, id, category.name(), category.name());
  }

  void setCommitment(long id, String measures, Instant deadline) {
    jdbc.sql(
            "update grievance_case set rectification_measures = ?, committed_deadline = ? where id = ?")
        .params(measures, Timestamp.from(deadline), id)
        .update();
  }

  void setRating(long id, Rating rating, String comment, Instant at) {
    jdbc.sql("update grievance_case set rating = ?, rating_comment = ?, rated_at = ? where id = ?")
        .params(rating.name(), comment, Timestamp.from(at), id)
        .update();
    files.setRating(FLOW, id, rating.name());
  }

  void setFollowUp(long id, String satisfaction) {
    jdbc.sql("update grievance_case set follow_up_satisfaction = ? where id = ?")
        .params(satisfaction, id)
        .update();
    files.setFollowUpRating(FLOW, id, satisfaction);
  }

  /** Ends a duplicate merged into another grievance: MERGED, closed, left out of the rates. */
  void merged(long id, Instant at) {
    jdbc.sql("update grievance_case set status = 'MERGED', closed_at = ? where id = ?")
        .params(Timestamp.from(at), id)
        .update();
    files.close(FLOW, id, GrievanceStatus.MERGED.name(), at);
  }

  void close(long id, Instant at) {
    jdbc.sql("update grievance_case set status = 'CLOSED', closed_at = ? where id = ?")
        .params(Timestamp.from(at), id)
        .update();
    files.close(FLOW, id, GrievanceStatus.CLOSED.name(), at);
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
