package io.linli.notification;

import io.linli.intake.ContactCipher;
import io.linli.system.Times;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due outbox rows. Each node polls (Spring's scheduler); a pass claims a batch with {@code
 * FOR UPDATE SKIP LOCKED} and keeps the row locks until the outcome is written, so no two nodes
 * ever hold the same row and a crashed node's claim ends with its transaction. Failures back off
 * exponentially ({@code backoff · 2^(attempts-1)}, capped) until {@code maxAttempts}. A sent row is
 * never claimed again; the only window for a second delivery is a crash between a gateway's
 * acceptance and the commit, which the dedup key passed to the gateway covers.
 */
@Component
class NotificationDispatcher {

  private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final ContactCipher cipher;
  private final NotificationProperties properties;
  private final Map<NotifyChannel, NotificationSender> senders;
  private final MeterRegistry meters;

  NotificationDispatcher(
      JdbcClient jdbc,
      TransactionTemplate tx,
      ContactCipher cipher,
      NotificationProperties properties,
      List<NotificationSender> senders,
      MeterRegistry meters) {
    this.jdbc = jdbc;
    this.meters = meters;
    this.tx = tx;
    this.cipher = cipher;
    this.properties = properties;
    this.senders =
        senders.stream()
            .collect(Collectors.toMap(NotificationSender::channel, Function.identity()));
  }

  private record Row(
      long id,
      String dedupKey,
      NotifyChannel channel,
      byte[] addressEnc,
      String subject,
      String body,
      int attempts) {}

  @Scheduled(
      fixedDelayString = "${linli.notification.poll-interval:PT2S}",
      initialDelayString = "${linli.notification.poll-interval:PT2S}")
  void poll() {
    try {
      while (dispatchDue() == properties.batchSize()) {
        // a full batch: there may be more due
      }
    } catch (RuntimeException e) {
      log.warn("notification dispatch pass failed; next pass retries", e);
    }
  }

  /** One pass: claims up to a batch of due rows, sends them, records each outcome. */
  int dispatchDue() {
    Integer n =
        tx.execute(
            s -> {
              Instant now = Times.now();
              List<Row> rows =
                  jdbc.sql(
                          """
              select id, dedup_key, channel, address_enc, subject, body, attempts
              from notification_outbox
              where status = 'PENDING' and next_attempt_at <= ?
              order by next_attempt_at, id
              limit ? for update skip locked""")
                      .params(Timestamp.from(now), properties.batchSize())
                      .query(
                          (rs, i) ->
                              new Row(
                                  rs.getLong(1),
                                  rs.getString(2),
                                  NotifyChannel.valueOf(rs.getString(3)),
                                  rs.getBytes(4),
                                  rs.getString(5),
                                  rs.getString(6),
                                  rs.getInt(7)))
                      .list();
              rows.forEach(r -> attempt(r, now));
              return rows.size();
            });
    return n == null ? 0 : n;
  }

  private void attempt(Row r, Instant now) {
    int attempts = r.attempts() + 1;
    String address = cipher.decrypt(r.addressEnc());
    long started = System.nanoTime();
    try {
      senders.get(r.channel()).send(address, r.subject(), r.body(), r.dedupKey());
      sendTimer(r.channel(), "sent").record(Duration.ofNanos(System.nanoTime() - started));
      jdbc.sql(
              """
              update notification_outbox set status = 'SENT', attempts = ?, sent_at = ?, last_error = null
              where id = ?""")
          .params(attempts, Timestamp.from(now), r.id())
          .update();
    } catch (NotificationSender.DeliveryFailed e) {
      sendTimer(r.channel(), "failed").record(Duration.ofNanos(System.nanoTime() - started));
      boolean giveUp = e.permanent() || attempts >= properties.maxAttempts();
      jdbc.sql(
              """
              update notification_outbox set status = ?, attempts = ?, next_attempt_at = ?, last_error = ?
              where id = ?""")
          .params(
              giveUp ? "FAILED" : "PENDING",
              attempts,
              Timestamp.from(now.plus(backoff(attempts))),
              truncate(e.getMessage()),
              r.id())
          .update();
      log.info(
          "notification {} attempt {} failed{}: {}",
          r.dedupKey(),
          attempts,
          giveUp ? " for good" : ", will retry",
          e.getMessage());
    }
  }

  /** How long a gateway (SMTP, the SMS gateway) took to accept or refuse one message. */
  private Timer sendTimer(NotifyChannel channel, String outcome) {
    return Timer.builder("linli.notification.send")
        .description("Notification send latency per attempt, by channel and outcome")
        .tag("channel", channel.name())
        .tag("outcome", outcome)
        .serviceLevelObjectives(
            Duration.ofMillis(50),
            Duration.ofMillis(100),
            Duration.ofMillis(250),
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(5),
            Duration.ofSeconds(10),
            Duration.ofSeconds(30))
        .register(meters);
  }

  Duration backoff(int attempts) {
    Duration d = properties.backoff().multipliedBy(1L << Math.min(attempts - 1, 20));
    return d.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : d;
  }

  private static String truncate(String s) {
    return s == null ? null : s.length() <= 500 ? s : s.substring(0, 500);
  }
}
