package io.linli.consultation;

import static io.linli.consultation.Topics.ts;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Residents' ratings of a topic's result (评): once per resident and evaluation round. */
@Repository
class Ratings {

  private final JdbcClient jdbc;

  Ratings(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The ratings of one evaluation round. */
  record Counts(int satisfied, int basicallySatisfied, int dissatisfied) {
    int total() {
      return satisfied + basicallySatisfied + dissatisfied;
    }

    /**
     * 满意率: satisfied and basically satisfied, in percent of the ratings given; null without any.
     */
    Integer satisfactionPercent() {
      return total() == 0 ? null : Math.round(100f * (satisfied + basicallySatisfied) / total());
    }

    String label() {
      if (total() == 0) return "评价期内无居民评价";
      return "满意"
          + satisfied
          + "，基本满意"
          + basicallySatisfied
          + "，不满意"
          + dissatisfied
          + "（满意率"
          + satisfactionPercent()
          + "%）";
    }
  }

  /**
   * @return false when this resident has already rated in this round
   */
  boolean rate(
      long topicId, int round, String userId, Satisfaction rating, String comment, Instant at) {
    return jdbc.sql(
                """
                insert into consultation_rating (topic_id, evaluation_round, user_id, rating, comment,
                  rated_at) values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
            .params(topicId, round, userId, rating.name(), comment, ts(at))
            .update()
        == 1;
  }

  Counts counts(long topicId, int round) {
    return jdbc.sql(
            """
            select count(*) filter (where rating = 'SATISFIED'),
                   count(*) filter (where rating = 'BASICALLY_SATISFIED'),
                   count(*) filter (where rating = 'DISSATISFIED')
            from consultation_rating where topic_id = ? and evaluation_round = ?""")
        .params(topicId, round)
        .query((rs, n) -> new Counts(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
        .single();
  }
}
