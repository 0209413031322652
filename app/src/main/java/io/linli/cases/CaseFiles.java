package io.linli.cases;

import io.linli.intake.ContactCipher;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The case_file table (V13): one row per case of every flow, written by the flow in the transaction
 * that writes its own row, read by every shared mechanism instead of the flows' tables. The
 * resident's name and phone are encrypted here ({@link ContactCipher}) and nowhere else.
 */
@Repository
public class CaseFiles {

  private final JdbcClient jdbc;
  private final ContactCipher cipher;
  private final ApplicationEventPublisher events;

  CaseFiles(JdbcClient jdbc, ContactCipher cipher, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.cipher = cipher;
    this.events = events;
  }

  /**
   * A new case as its flow reports it.
   *
   * @param contactPhone E.164 or null; encrypted here
   * @param contactName clear or null; encrypted here
   */
  public record NewCase(
      String flow,
      long caseId,
      String caseNo,
      String communityCode,
      Long estateId,
      Long buildingId,
      String category,
      String serviceCode,
      String title,
      String status,
      Instant reportedAt,
      String contactName,
      String contactPhone,
      String originCaseNo) {}

  public void open(NewCase c) {
    jdbc.sql(
            """
            insert into case_file (flow, case_id, case_no, community_code, estate_id, building_id,
              property_company_id, category, service_code, title, status, reported_at,
              contact_name_enc, contact_phone_enc, origin_case_no)
            values (:flow, :caseId, :caseNo, :community, :estate, :building,
              (select property_company_id from estate where id = :estate), :category, :service,
              :title, :status, :reportedAt, :name, :phone, :origin)""")
        .param("flow", c.flow())
        .param("caseId", c.caseId())
        .param("caseNo", c.caseNo())
        .param("community", c.communityCode())
        .param("estate", c.estateId())
        .param("building", c.buildingId())
        .param("category", c.category())
        .param("service", c.serviceCode())
        .param("title", c.title())
        .param("status", c.status())
        .param("reportedAt", Timestamp.from(c.reportedAt()))
        .param("name", cipher.encrypt(c.contactName()))
        .param("phone", cipher.encrypt(c.contactPhone()))
        .param("origin", c.originCaseNo())
        .update();
    events.publishEvent(
        new CaseFileChanged(c.flow(), c.caseId(), c.caseNo(), CaseFileChanged.Change.OPENED));
  }

  // The flow's own changes, mirrored here in the same transaction; a case is named by its flow and
  // the id of the flow's own row, which every flow's task listeners carry.

  public void setProcessInstance(String flow, long caseId, String processInstanceId) {
    jdbc.sql("update case_file set process_instance_id = ? where flow = ? and case_id = ?")
        .params(processInstanceId, flow, caseId)
        .update();
  }

  public void setStatus(String flow, long caseId, String status) {
    change(CaseFileChanged.Change.STATUS, flow, caseId, "status = ?", status);
  }

  public void setCategory(String flow, long caseId, String category, String serviceCode) {
    change(
        CaseFileChanged.Change.CATEGORY,
        flow,
        caseId,
        "category = ?, service_code = ?",
        category,
        serviceCode);
  }

  public void setRating(String flow, long caseId, String rating) {
    change(CaseFileChanged.Change.RATING, flow, caseId, "rating = ?", rating);
  }

  public void setFollowUpRating(String flow, long caseId, String rating) {
    change(CaseFileChanged.Change.FOLLOW_UP_RATING, flow, caseId, "follow_up_rating = ?", rating);
  }

  public void close(String flow, long caseId, String status, Instant at) {
    change(
        CaseFileChanged.Change.CLOSED,
        flow,
        caseId,
        "status = ?, closed_at = ?",
        status,
        Timestamp.from(at));
  }

  /**
   * Sets {@code set} on the case's row and publishes the change with the case's number, which the
   * update returns (a case_file row the flow has not written: nothing to publish).
   */
  private void change(
      CaseFileChanged.Change change, String flow, long caseId, String set, Object... values) {
    Object[] params = java.util.Arrays.copyOf(values, values.length + 2);
    params[values.length] = flow;
    params[values.length + 1] = caseId;
    jdbc.sql("update case_file set " + set + " where flow = ? and case_id = ? returning case_no")
        .params(params)
        .query(String.class)
        .optional()
        .ifPresent(no -> events.publishEvent(new CaseFileChanged(flow, caseId, no, change)));
  }

  public Optional<CaseFile> find(String caseNo) {
    return jdbc.sql(SELECT + " where c.case_no = ?").param(caseNo).query(CaseFiles::row).optional();
  }

  /** The case of {@code flow} numbered {@code caseNo}: empty for another flow's number. */
  public Optional<CaseFile> find(String flow, String caseNo) {
    return find(caseNo).filter(c -> c.flow().equals(flow));
  }

  /** The encrypted E.164 phone the resident left with the case, if any. */
  public Optional<byte[]> contactPhone(String caseNo) {
    return jdbc
        .sql("select contact_phone_enc from case_file where case_no = ?")
        .param(caseNo)
        .query((rs, n) -> Optional.ofNullable(rs.getBytes(1)))
        .list()
        .stream()
        .flatMap(Optional::stream)
        .findFirst();
  }

  /** The cases made from {@code caseNo} (a topic from a grievance), oldest first. */
  public List<String> derivedFrom(String caseNo) {
    return jdbc.sql(
            "select case_no from case_file where origin_case_no = ? order by reported_at, id")
        .param(caseNo)
        .query(String.class)
        .list();
  }

  /** Case numbers of the given flows in a community reported in [from, to), newest first. */
  public List<String> caseNos(
      List<String> flows, String communityCode, Instant from, Instant to, int limit) {
    if (flows.isEmpty()) return List.of();
    return jdbc.sql(
            """
            select case_no from case_file
            where community_code = :community and flow in (:flows)
              and reported_at >= :from and reported_at < :to
            order by reported_at desc, id desc limit :limit""")
        .param("community", communityCode)
        .param("flows", flows)
        .param("from", Timestamp.from(from))
        .param("to", Timestamp.from(to))
        .param("limit", limit)
        .query(String.class)
        .list();
  }

  /** When the case last changed: its newest case event, else when it was reported. */
  public Instant updatedAt(CaseFile c) {
    return jdbc.sql("select max(occurred_at) from case_event where case_no = ?")
        .param(c.caseNo())
        .query((rs, n) -> rs.getTimestamp(1))
        .optional()
        .map(Timestamp::toInstant)
        .orElse(c.reportedAt());
  }

  private static final String SELECT =
      """
      select c.flow, c.case_id, c.case_no, c.community_code, c.estate_id, e.code, e.name, b.code,
             b.name, c.property_company_id, c.category, c.service_code, c.title, c.status,
             c.reported_at, c.closed_at, c.process_instance_id, c.origin_case_no, c.rating,
             c.follow_up_rating
      from case_file c left join estate e on e.id = c.estate_id
      left join building b on b.id = c.building_id""";

  private static CaseFile row(ResultSet rs, int n) throws SQLException {
    return new CaseFile(
        rs.getString(1),
        rs.getLong(2),
        rs.getString(3),
        rs.getString(4),
        (Long) rs.getObject(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        (Long) rs.getObject(10),
        rs.getString(11),
        rs.getString(12),
        rs.getString(13),
        rs.getString(14),
        instant(rs.getTimestamp(15)),
        instant(rs.getTimestamp(16)),
        rs.getString(17),
        rs.getString(18),
        rs.getString(19),
        rs.getString(20));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
