package io.linli.consultation;

import static io.linli.consultation.Topics.instant;
import static io.linli.consultation.Topics.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rounds of 议: one meeting each, the roll of representatives called, and the tally. */
@Repository
class Rounds {

  private final JdbcClient jdbc;

  Rounds(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Meeting(
      int round,
      Instant meetingAt,
      String place,
      String participants,
      Instant votesCloseAt,
      int eligible,
      Integer agree,
      Integer disagree,
      Integer abstain,
      VoteOutcome outcome,
      Instant talliedAt) {}

  void schedule(
      long topicId,
      int round,
      Instant meetingAt,
      String place,
      String participants,
      Instant votesCloseAt,
      List<String> roll) {
    jdbc.sql(
            """
            insert into consultation_meeting (topic_id, round, meeting_at, place, participants,
              votes_close_at, eligible) values (?, ?, ?, ?, ?, ?, ?)""")
        .params(topicId, round, ts(meetingAt), place, participants, ts(votesCloseAt), roll.size())
        .update();
    for (String rep : roll) {
      jdbc.sql(
              "insert into consultation_roll (topic_id, round, representative_id) values (?, ?, ?)")
          .params(topicId, round, rep)
          .update();
    }
  }

  List<String> roll(long topicId, int round) {
    return jdbc.sql(
            """
            select representative_id from consultation_roll where topic_id = ? and round = ?
            order by representative_id""")
        .params(topicId, round)
        .query(String.class)
        .list();
  }

  boolean onRoll(long topicId, int round, String userId) {
    return jdbc.sql(
                "select count(*) from consultation_roll where topic_id = ? and round = ? and representative_id = ?")
            .params(topicId, round, userId)
            .query(Integer.class)
            .single()
        > 0;
  }

  Optional<Meeting> meeting(long topicId, int round) {
    return jdbc.sql(SELECT + " where topic_id = ? and round = ?")
        .params(topicId, round)
        .query(Rounds::meeting)
        .optional();
  }

  /** The latest round of a topic, if it reached 议. */
  Optional<Meeting> latest(long topicId) {
    return jdbc.sql(SELECT + " where topic_id = ? order by round desc limit 1")
        .param(topicId)
        .query(Rounds::meeting)
        .optional();
  }

  List<Meeting> meetings(long topicId) {
    return jdbc.sql(SELECT + " where topic_id = ? order by round")
        .param(topicId)
        .query(Rounds::meeting)
        .list();
  }

  void recordTally(long topicId, int round, VoteRules.Tally t, VoteOutcome outcome, Instant at) {
    jdbc.sql(
            """
            update consultation_meeting set agree = ?, disagree = ?, abstain = ?, outcome = ?,
              tallied_at = ? where topic_id = ? and round = ?""")
        .params(t.agree(), t.disagree(), t.abstain(), outcome.name(), ts(at), topicId, round)
        .update();
  }

  private static final String SELECT =
      """
      select round, meeting_at, place, participants, votes_close_at, eligible, agree, disagree,
             abstain, outcome, tallied_at
      from consultation_meeting""";

  private static Meeting meeting(ResultSet rs, int n) throws SQLException {
    return new Meeting(
        rs.getInt(1),
        instant(rs.getTimestamp(2)),
        rs.getString(3),
        rs.getString(4),
        instant(rs.getTimestamp(5)),
        rs.getInt(6),
        (Integer) rs.getObject(7),
        (Integer) rs.getObject(8),
        (Integer) rs.getObject(9),
        rs.getString(10) == null ? null : VoteOutcome.valueOf(rs.getString(10)),
        instant(rs.getTimestamp(11)));
  }
}
