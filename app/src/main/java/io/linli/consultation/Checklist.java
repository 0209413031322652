package io.linli.consultation;

import static io.linli.consultation.Topics.instant;
import static io.linli.consultation.Topics.ts;

import io.linli.system.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The 协商事项清单 (seed 004): every topic with its state, latest vote, responsible body, deadline and
 * rating, filtered by community, estate, category, state and overdue. Overdue: still being executed
 * (办) past its deadline, by the engine's clock.
 */
@Repository
class Checklist {

  private static final String SELECT =
      """
      select t.id, t.topic_no, t.title, t.category, t.community_code, e.code, e.name, t.state,
             t.proposed_at, t.collection_ends_at, t.grievance_case_no, t.merged_into, t.closed_at,
             t.evaluation_round,
             (select count(*) from consultation_supporter s where s.topic_id = t.id),
             m.round, m.meeting_at, m.votes_close_at, m.eligible, m.agree, m.disagree, m.abstain,
             m.outcome,
             x.responsible_body, x.responsible_name, x.deadline, x.done_at, x.rework_deadline,
             x.rework_done_at,
             %s as overdue
      from consultation_topic t
      join estate e on e.id = t.estate_id
      left join lateral (select * from consultation_meeting m where m.topic_id = t.id
                         order by m.round desc limit 1) m on true
      left join consultation_execution x on x.topic_id = t.id
      """
          .formatted(overdue());

  private static String overdue() {
    return "coalesce((t.state = 'EXECUTING' and x.deadline < :now)"
        + " or (t.state = 'REWORKING' and x.rework_deadline < :now), false)";
  }

  private final JdbcClient jdbc;
  private final Ratings ratings;

  Checklist(JdbcClient jdbc, Ratings ratings) {
    this.jdbc = jdbc;
    this.ratings = ratings;
  }

  record Filter(
      String communityCode,
      String estateCode,
      TopicCategory category,
      TopicState state,
      Boolean overdue,
      int page,
      int size) {}

  record Item(
      String topicNo,
      String title,
      String category,
      String categoryLabel,
      String communityCode,
      String estateCode,
      String estateName,
      String state,
      String stateLabel,
      Instant proposedAt,
      Instant collectionEndsAt,
      int supporters,
      String grievanceCaseNo,
      String mergedInto,
      Vote vote,
      Execution execution,
      Rating rating,
      boolean overdue,
      Instant closedAt) {}

  /** The latest round; the counts are null until the vote has closed. */
  record Vote(
      int round,
      Instant meetingAt,
      Instant closesAt,
      int eligible,
      Integer agree,
      Integer disagree,
      Integer abstain,
      String outcome,
      String outcomeLabel) {}

  record Execution(
      String responsibleBody,
      String responsibleBodyLabel,
      String responsibleName,
      Instant deadline,
      Instant doneAt,
      Instant reworkDeadline,
      Instant reworkDoneAt) {}

  /** The last counted evaluation; null before the first evaluation window closed. */
  record Rating(
      int evaluationRound,
      int satisfied,
      int basicallySatisfied,
      int dissatisfied,
      int total,
      Integer satisfactionPercent) {}

  List<Item> list(Filter f) {
    StringBuilder where = new StringBuilder(" where true");
    Map<String, Object> params = new HashMap<>();
    params.put("now", ts(Times.now()));
    if (f.communityCode() != null) {
      where.append(" and t.community_code = :community");
      params.put("community", f.communityCode());
    }
    if (f.estateCode() != null) {
      where.append(" and e.code = :estate");
      params.put("estate", f.estateCode());
    }
    if (f.category() != null) {
      where.append(" and t.category = :category");
      params.put("category", f.category().name());
    }
    if (f.state() != null) {
      where.append(" and t.state = :state");
      params.put("state", f.state().name());
    }
    if (f.overdue() != null) {
      where.append(f.overdue() ? " and " : " and not ").append(overdue());
    }
    params.put("limit", f.size());
    params.put("offset", f.page() * f.size());
    return jdbc.sql(
            SELECT + where + " order by t.proposed_at desc, t.id desc limit :limit offset :offset")
        .params(params)
        .query((rs, n) -> item(rs))
        .list();
  }

  Optional<Item> find(String topicNo) {
    return jdbc.sql(SELECT + " where t.topic_no = :topicNo")
        .param("topicNo", topicNo)
        .param("now", ts(Times.now()))
        .query((rs, n) -> item(rs))
        .optional();
  }

  private Item item(ResultSet rs) throws SQLException {
    long id = rs.getLong(1);
    TopicCategory category = TopicCategory.valueOf(rs.getString(4));
    TopicState state = TopicState.valueOf(rs.getString(8));
    int evaluationRound = rs.getInt(14);
    Vote vote = null;
    if (rs.getObject(16) != null) {
      String outcome = rs.getString(23);
      vote =
          new Vote(
              rs.getInt(16),
              instant(rs.getTimestamp(17)),
              instant(rs.getTimestamp(18)),
              rs.getInt(19),
              (Integer) rs.getObject(20),
              (Integer) rs.getObject(21),
              (Integer) rs.getObject(22),
              outcome,
              outcome == null ? null : VoteOutcome.valueOf(outcome).label());
    }
    Execution execution = null;
    if (rs.getString(24) != null) {
      ResponsibleBody body = ResponsibleBody.valueOf(rs.getString(24));
      execution =
          new Execution(
              body.name(),
              body.label(),
              rs.getString(25),
              instant(rs.getTimestamp(26)),
              instant(rs.getTimestamp(27)),
              instant(rs.getTimestamp(28)),
              instant(rs.getTimestamp(29)));
    }
    // counted: the last round once published, or the first one that sent the topic back to 办
    Integer ratedRound =
        state == TopicState.CLOSED
            ? Integer.valueOf(evaluationRound)
            : evaluationRound == 2 ? Integer.valueOf(1) : null;
    Rating rating = null;
    if (ratedRound != null) {
      Ratings.Counts c = ratings.counts(id, ratedRound);
      rating =
          new Rating(
              ratedRound,
              c.satisfied(),
              c.basicallySatisfied(),
              c.dissatisfied(),
              c.total(),
              c.satisfactionPercent());
    }
    return new Item(
        rs.getString(2),
        rs.getString(3),
        category.name(),
        category.label(),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        state.name(),
        state.label(),
        instant(rs.getTimestamp(9)),
        instant(rs.getTimestamp(10)),
        rs.getInt(15),
        rs.getString(11),
        rs.getString(12),
        vote,
        execution,
        rating,
        rs.getBoolean(30),
        instant(rs.getTimestamp(13)));
  }
}
