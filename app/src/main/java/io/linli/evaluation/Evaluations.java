package io.linli.evaluation;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The evaluation tables (V80): evaluations, their rolls, scores and per-aspect results. */
@Repository
class Evaluations {

  private final JdbcClient jdbc;

  Evaluations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Evaluation(
      long id,
      String evaluationNo,
      String communityCode,
      long estateId,
      String estateName,
      long companyId,
      String companyName,
      int year,
      EvaluationState state,
      int eligible,
      Integer answered,
      Boolean quorumMet,
      BigDecimal overall,
      Instant openedAt,
      Instant talliedAt) {}

  record AspectResult(
      int aspect, String name, BigDecimal weight, int answers, BigDecimal average, boolean weak) {}

  private static final String SELECT =
      """
      select v.id, v.evaluation_no, v.community_code, v.estate_id, e.name as estate_name,
        v.property_company_id, c.name as company_name, v.year, v.state, v.eligible, v.answered,
        v.quorum_met, v.overall, v.opened_at, v.tallied_at
      from evaluation v join estate e on e.id = v.estate_id
      join property_company c on c.id = v.property_company_id""";

  private static Evaluation row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    Timestamp tallied = rs.getTimestamp("tallied_at");
    return new Evaluation(
        rs.getLong("id"),
        rs.getString("evaluation_no"),
        rs.getString("community_code"),
        rs.getLong("estate_id"),
        rs.getString("estate_name"),
        rs.getLong("property_company_id"),
        rs.getString("company_name"),
        rs.getInt("year"),
        EvaluationState.valueOf(rs.getString("state")),
        rs.getInt("eligible"),
        (Integer) rs.getObject("answered"),
        (Boolean) rs.getObject("quorum_met"),
        rs.getBigDecimal("overall"),
        rs.getTimestamp("opened_at").toInstant(),
        tallied == null ? null : tallied.toInstant());
  }

  Optional<Evaluation> find(String evaluationNo) {
    return jdbc.sql(SELECT + " where v.evaluation_no = ?")
        .param(evaluationNo)
        .query(Evaluations::row)
        .optional();
  }

  Optional<Evaluation> find(long id) {
    return jdbc.sql(SELECT + " where v.id = ?").param(id).query(Evaluations::row).optional();
  }

  Optional<Evaluation> find(long estateId, long companyId, int year) {
    return jdbc.sql(
            SELECT
                + " where v.estate_id = ? and v.property_company_id = ? and v.year = ?"
                + " and v.state <> 'NO_QUORUM'")
        .params(estateId, companyId, year)
        .query(Evaluations::row)
        .optional();
  }

  /** Results of the year (all states), newest first; for 公示 and the star rating. */
  List<Evaluation> ofYear(int year, String communityCode) {
    return jdbc.sql(SELECT + " where v.year = ? and (? = '' or v.community_code = ?) order by v.id")
        .params(
            year,
            communityCode == null ? "" : communityCode,
            communityCode == null ? "" : communityCode)
        .query(Evaluations::row)
        .list();
  }

  /**
   * Inserts the evaluation unless one exists for the estate, company and year.
   *
   * @return the new row's id, or empty when it existed (a retry, or another opener was first)
   */
  Optional<Long> insert(
      String communityCode,
      long estateId,
      long companyId,
      int year,
      String openedBy,
      Instant at,
      int eligible) {
    return jdbc.sql(
            """
            insert into evaluation (evaluation_no, community_code, estate_id, property_company_id,
              year, state, opened_by, opened_at, eligible)
            values ('PJ-' || ? || '-' || lpad(nextval('evaluation_no_seq')::text, 6, '0'), ?, ?, ?, ?,
              'SCORING', ?, ?, ?)
            on conflict (estate_id, property_company_id, year) where state <> 'NO_QUORUM' do nothing
            returning id""")
        .params(
            year, communityCode, estateId, companyId, year, openedBy, Timestamp.from(at), eligible)
        .query(Long.class)
        .optional();
  }

  void addRoll(long id, List<String> representatives) {
    for (String r : representatives) {
      jdbc.sql("insert into evaluation_roll (evaluation_id, representative_id) values (?, ?)")
          .params(id, r)
          .update();
    }
  }

  List<String> roll(long id) {
    return jdbc.sql(
            "select representative_id from evaluation_roll where evaluation_id = ? order by representative_id")
        .param(id)
        .query(String.class)
        .list();
  }

  void setProcessInstance(long id, String pi) {
    jdbc.sql("update evaluation set process_instance_id = ? where id = ?").params(pi, id).update();
  }

  void setState(long id, EvaluationState state) {
    jdbc.sql("update evaluation set state = ? where id = ?").params(state.name(), id).update();
  }

  /**
   * Serializes the scoring of one evaluation: each completion updates the multi-instance counters.
   */
  void lock(long id) {
    jdbc.sql("select id from evaluation where id = ? for update")
        .param(id)
        .query(Long.class)
        .single();
  }

  boolean hasScored(long id, String representative) {
    return jdbc.sql(
                "select count(*) from evaluation_score where evaluation_id = ? and representative_id = ?")
            .params(id, representative)
            .query(Long.class)
            .single()
        > 0;
  }

  void score(long id, String representative, int aspect, int score, String comment, Instant at) {
    jdbc.sql(
            """
            insert into evaluation_score (evaluation_id, representative_id, aspect, score, comment, scored_at)
            values (?, ?, ?, ?, ?, ?)""")
        .params(id, representative, aspect, score, comment, Timestamp.from(at))
        .update();
  }

  /** Representatives on the roll who have not scored. */
  List<String> nonResponders(long id) {
    return jdbc.sql(
            """
            select r.representative_id from evaluation_roll r where r.evaluation_id = ?
            and not exists (select 1 from evaluation_score s
              where s.evaluation_id = r.evaluation_id and s.representative_id = r.representative_id)
            order by r.representative_id""")
        .param(id)
        .query(String.class)
        .list();
  }

  /** Representatives who scored. */
  int answered(long id) {
    return jdbc.sql(
            "select count(distinct representative_id) from evaluation_score where evaluation_id = ?")
        .param(id)
        .query(Integer.class)
        .single();
  }

  /** Sum and count of the scores per aspect. */
  record AspectSum(int aspect, long sum, int count) {}

  List<AspectSum> sums(long id) {
    return jdbc.sql(
            """
            select aspect, sum(score), count(*) from evaluation_score where evaluation_id = ?
            group by aspect order by aspect""")
        .param(id)
        .query((rs, n) -> new AspectSum(rs.getInt(1), rs.getLong(2), rs.getInt(3)))
        .list();
  }

  void recordTally(long id, EvaluationTally.Result t, EvaluationState state, Instant at) {
    jdbc.sql(
            """
            update evaluation set answered = ?, quorum_met = ?, overall = ?, tallied_at = ?, state = ?
            where id = ?""")
        .params(t.answered(), t.quorumMet(), t.overall(), Timestamp.from(at), state.name(), id)
        .update();
    for (EvaluationTally.AspectScore a : t.aspects()) {
      jdbc.sql(
              """
              insert into evaluation_result (evaluation_id, aspect, aspect_name, weight, answers, average, weak)
              values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
          .params(id, a.aspect(), a.name(), a.weight(), a.answers(), a.average(), a.weak())
          .update();
    }
  }

  List<AspectResult> results(long id) {
    return jdbc.sql(
            """
            select aspect, aspect_name, weight, answers, average, weak from evaluation_result
            where evaluation_id = ? order by aspect""")
        .param(id)
        .query(
            (rs, n) ->
                new AspectResult(
                    rs.getInt(1),
                    rs.getString(2),
                    rs.getBigDecimal(3),
                    rs.getInt(4),
                    rs.getBigDecimal(5),
                    rs.getBoolean(6)))
        .list();
  }
}
