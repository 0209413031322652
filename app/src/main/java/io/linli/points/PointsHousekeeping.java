package io.linli.points;

import io.linli.system.Times;
import java.sql.Timestamp;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets what opens nothing any more: expired wallet tokens, and redemption codes that expired
 * unused (a used code stays: it names its ledger entry and shop). Plain deletes by time, so every
 * node may run them at once.
 */
@Component
class PointsHousekeeping {

  private static final Logger log = LoggerFactory.getLogger(PointsHousekeeping.class);

  private final JdbcClient jdbc;

  PointsHousekeeping(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Scheduled(fixedDelayString = "${linli.points.housekeeping-interval:PT1H}", initialDelayString = "PT5M")
  void scheduled() {
    purge(Times.now());
  }

  /** @return rows deleted */
  int purge(Instant now) {
    int tokens = jdbc.sql("delete from points_wallet_token where expires_at <= ?")
        .param(Timestamp.from(now)).update();
    int codes = jdbc.sql("delete from points_redemption_code where redeemed_at is null and expires_at <= ?")
        .param(Timestamp.from(now)).update();
    if (tokens + codes > 0) log.info("purged {} expired wallet tokens and {} unused codes", tokens, codes);
    return tokens + codes;
  }
}
