package io.linli.evaluation;

import io.linli.caselog.CaseLog;
import io.linli.cases.CaseFiles;
import io.linli.identity.Role;
import io.linli.system.Times;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.Year;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rectification cases (整改, V80 {@code rectification}): one per weak aspect of an evaluation, opened
 * from the property company's plan with its own case number (ZG-…), case_file row and process, on
 * the plan's deadline.
 */
@Repository
class Rectifications {

  private final JdbcClient jdbc;
  private final CaseFiles files;
  private final CaseLog caseLog;
  private final RuntimeService runtime;

  Rectifications(JdbcClient jdbc, CaseFiles files, CaseLog caseLog, RuntimeService runtime) {
    this.jdbc = jdbc;
    this.files = files;
    this.caseLog = caseLog;
    this.runtime = runtime;
  }

  record Rectification(
      long id,
      String rectificationNo,
      long evaluationId,
      String evaluationNo,
      int aspect,
      String aspectName,
      BigDecimal average,
      String plan,
      Instant deadline,
      String state,
      Instant openedAt,
      String result,
      Instant doneAt) {}

  private static final String SELECT =
      """
      select r.id, r.rectification_no, r.evaluation_id, v.evaluation_no, r.aspect, x.aspect_name,
        x.average, r.plan, r.deadline, r.state, r.opened_at, r.result, r.done_at
      from rectification r join evaluation v on v.id = r.evaluation_id
      join evaluation_result x on x.evaluation_id = r.evaluation_id and x.aspect = r.aspect""";

  private static Rectification row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    Timestamp done = rs.getTimestamp(13);
    return new Rectification(
        rs.getLong(1),
        rs.getString(2),
        rs.getLong(3),
        rs.getString(4),
        rs.getInt(5),
        rs.getString(6),
        rs.getBigDecimal(7),
        rs.getString(8),
        rs.getTimestamp(9).toInstant(),
        rs.getString(10),
        rs.getTimestamp(11).toInstant(),
        rs.getString(12),
        done == null ? null : done.toInstant());
  }

  Optional<Rectification> find(String no) {
    return jdbc.sql(SELECT + " where r.rectification_no = ?")
        .param(no)
        .query(Rectifications::row)
        .optional();
  }

  Optional<Rectification> find(long id) {
    return jdbc.sql(SELECT + " where r.id = ?").param(id).query(Rectifications::row).optional();
  }

  List<Rectification> ofEvaluation(long evaluationId) {
    return jdbc.sql(SELECT + " where r.evaluation_id = ? order by r.aspect")
        .param(evaluationId)
        .query(Rectifications::row)
        .list();
  }

  /**
   * Opens the rectification case of one weak aspect; a second plan for the aspect is not opened.
   */
  String open(
      Evaluations.Evaluation ev,
      Evaluations.AspectResult aspect,
      String plan,
      Instant deadline,
      String plannedBy,
      String locationLabel) {
    Instant now = Times.now();
    Optional<Long> id =
        jdbc.sql(
                """
            insert into rectification (rectification_no, evaluation_id, aspect, plan, deadline, state,
              planned_by, opened_at)
            values ('ZG-' || ? || '-' || lpad(nextval('rectification_no_seq')::text, 6, '0'), ?, ?, ?, ?,
              'RECTIFYING', ?, ?)
            on conflict (evaluation_id, aspect) do nothing returning id""")
            .params(
                Year.now(Times.BEIJING).getValue(),
                ev.id(),
                aspect.aspect(),
                plan,
                Timestamp.from(deadline),
                plannedBy,
                Timestamp.from(now))
            .query(Long.class)
            .optional();
    if (id.isEmpty()) {
      return jdbc.sql(
              "select rectification_no from rectification where evaluation_id = ? and aspect = ?")
          .params(ev.id(), aspect.aspect())
          .query(String.class)
          .single();
    }
    String no = find(id.get()).orElseThrow().rectificationNo();
    String summary = "整改：" + aspect.name() + "（" + ev.year() + "年度考评均分" + aspect.average() + "）";
    files.open(
        new CaseFiles.NewCase(
            RectificationFlow.KEY,
            id.get(),
            no,
            ev.communityCode(),
            ev.estateId(),
            null,
            RectificationFlow.aspectCode(aspect.aspect()),
            null,
            summary,
            "RECTIFYING",
            now,
            null,
            null,
            ev.evaluationNo()));
    var pi =
        runtime.startProcessInstanceByKey(
            RectificationProcess.KEY,
            no,
            Map.of(
                EvaluationVariables.CASE_ID,
                id.get(),
                EvaluationVariables.CASE_NO,
                no,
                EvaluationVariables.COMMUNITY_CODE,
                ev.communityCode(),
                EvaluationVariables.SUMMARY,
                summary,
                EvaluationVariables.LOCATION_LABEL,
                locationLabel,
                EvaluationVariables.DEADLINE,
                Date.from(deadline),
                "deadlineLabel",
                Times.label(deadline)));
    jdbc.sql("update rectification set process_instance_id = ? where id = ?")
        .params(pi.getId(), id.get())
        .update();
    files.setProcessInstance(RectificationFlow.KEY, id.get(), pi.getId());
    caseLog.record(
        RectificationFlow.KEY,
        no,
        RectificationEvent.PLANNED,
        Role.PROPERTY_STAFF.label(),
        "整改时限" + Times.label(deadline));
    return no;
  }

  void done(long id, String result, Instant at) {
    jdbc.sql(
            "update rectification set state = 'DONE', result = ?, done_at = ? where id = ? and state = 'RECTIFYING'")
        .params(result, Timestamp.from(at), id)
        .update();
    files.close(RectificationFlow.KEY, id, "DONE", at);
    caseLog.record(
        RectificationFlow.KEY,
        find(id).orElseThrow().rectificationNo(),
        RectificationEvent.RECTIFIED,
        Role.PROPERTY_STAFF.label(),
        null);
  }
}
