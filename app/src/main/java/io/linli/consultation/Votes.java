package io.linli.consultation;

import static io.linli.consultation.Topics.ts;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The representatives' votes: one row per topic, round and representative (a unique key, so a
 * vote is counted once however often it is sent), never updated (a trigger refuses it).
 */
@Repository
class Votes {

  private final JdbcClient jdbc;

  Votes(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** @return false when this representative has already voted in this round */
  boolean record(long topicId, int round, String representative, VoteChoice choice, String comment,
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
