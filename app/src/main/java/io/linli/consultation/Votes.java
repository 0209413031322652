package io.linli.consultation;

import static io.linli.consultation.Topics.ts;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The representatives' votes: one row per topic, round and representative (a unique key, so a vote
 * is counted once however often it is sent), never updated (a trigger refuses it).
 */
@Repository
class Votes {

  private final JdbcClient jdbc;

  Votes(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Advisory-lock class id of "votes of one topic" ("LLVT"). */
  static final int LOCK_CLASS = 0x4C4C5654;

  /**
   * Votes of one topic are cast one at a time: each waits here, until the end of the transaction
   * before it, instead of colliding on the multi-instance counters and retrying.
   */
  void serialize(long topicId) {
    jdbc.sql("select 1 from pg_advisory_xact_lock(?, ?)")
        .params(LOCK_CLASS, (int) (topicId % Integer.MAX_VALUE))
        .query(Integer.class)
        .single();
  }

  /**
   * @return false when this representative has already voted in this round
   */
  boolean record(
      long topicId,
      int round,
      String representative,
      VoteChoice choice,
      String comment,
      Instant at) {
    return jdbc.sql(
                """
                insert into consultation_vote (topic_id, round, representative_id, choice, comment,
                  voted_at) values (?, ?, ?, ?, ?, ?)
                on conflict (topic_id, round, representative_id) do nothing""")
            .params(topicId, round, representative, choice.name(), comment, ts(at))
            .update()
        == 1;
  }

  Optional<VoteChoice> voteOf(long topicId, int round, String representative) {
    return jdbc.sql(
            "select choice from consultation_vote where topic_id = ? and round = ? and representative_id = ?")
        .params(topicId, round, representative)
        .query((rs, n) -> VoteChoice.valueOf(rs.getString(1)))
        .optional();
  }

  VoteRules.Tally tally(long topicId, int round, int eligible) {
    return jdbc.sql(
            """
            select count(*) filter (where choice = 'AGREE'), count(*) filter (where choice = 'DISAGREE'),
                   count(*) filter (where choice = 'ABSTAIN')
            from consultation_vote where topic_id = ? and round = ?""")
        .params(topicId, round)
        .query((rs, n) -> new VoteRules.Tally(eligible, rs.getInt(1), rs.getInt(2), rs.getInt(3)))
        .single();
  }
}
