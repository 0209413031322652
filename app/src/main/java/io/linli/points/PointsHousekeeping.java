package io.linli.points;

import io.linli.system.Times;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets what opens nothing any more: expired wallet tokens, and redemption codes that expired
 * unused (a used code stays: it names its ledger entry and shop); and, past the contacts' retention
 * ({@code linli.retention.contacts}, counted from the activity's end), the name, phone and room a
 * volunteer gave when signing up (the sign-up, its hours and points stay). Plain statements by
 * time, so every node may run them at once.
 */
@Component
class PointsHousekeeping {

  private static final Logger log = LoggerFactory.getLogger(PointsHousekeeping.class);

  private final JdbcClient jdbc;
  private final Duration contacts;

  PointsHousekeeping(
      JdbcClient jdbc,
      @Value("${linli.retention.contacts:${linli.retention.personal-data:P180D}}")
          Duration contacts) {
    this.jdbc = jdbc;
    this.contacts = contacts;
  }

  @Scheduled(
      fixedDelayString = "${linli.points.housekeeping-interval:PT1H}",
      initialDelayString = "PT5M")
  void scheduled() {
    purge(Times.now());
  }

  /**
   * @return rows deleted
   */
  int purge(Instant now) {
    int tokens =
        jdbc.sql("delete from points_wallet_token where expires_at <= ?")
            .param(Timestamp.from(now))
            .update();
    int codes =
        jdbc.sql("delete from points_redemption_code where redeemed_at is null and expires_at <= ?")
            .param(Timestamp.from(now))
            .update();
    int signups =
        jdbc.sql(
                """
            update points_activity_signup s set name_enc = null, phone_enc = null, room = null
            from points_activity a
            where a.id = s.activity_id and a.ends_at < ?
              and (s.name_enc is not null or s.phone_enc is not null or s.room is not null)""")
            .param(Timestamp.from(now.minus(contacts)))
            .update();
    if (tokens + codes + signups > 0) {
      log.info(
          "purged {} expired wallet tokens and {} unused codes; erased the contacts of {} sign-ups",
          tokens,
          codes,
          signups);
    }
    return tokens + codes + signups;
  }
}
