package io.linli.notification;

import io.linli.caselog.CaseEventRecorded;
import io.linli.system.Times;
import java.sql.Timestamp;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes one outbox row per case event and chosen channel, inside the transaction that records the
 * event (a plain, synchronous listener): the notification commits exactly when the state change
 * does. The dedup key {@code flow:caseNo:eventId:channel} is unique, so a replayed write is a
 * no-op.
 */
@Component
class NotificationOutbox {

  private final JdbcClient jdbc;
  private final Subscriptions subscriptions;
  private final NotificationTemplates templates;

  NotificationOutbox(
      JdbcClient jdbc, Subscriptions subscriptions, NotificationTemplates templates) {
    this.jdbc = jdbc;
    this.subscriptions = subscriptions;
    this.templates = templates;
  }

  static String dedupKey(CaseEventRecorded e, NotifyChannel channel) {
    return e.flow() + ":" + e.caseNo() + ":" + e.id() + ":" + channel.name();
  }

  @EventListener
  void on(CaseEventRecorded e) {
    if (!NotificationTemplates.notified(e)) return;
    var subs = subscriptions.of(e.flow(), e.caseNo());
    if (subs.isEmpty()) return;
    NotificationTemplates.Text text = templates.render(e);
    Timestamp now = Timestamp.from(Times.now());
    for (Subscriptions.Subscription s : subs) {
      jdbc.sql(
              """
              insert into notification_outbox (dedup_key, flow, case_no, case_event_id, event_type,
                channel, address_enc, subject, body, next_attempt_at, created_at)
              values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (dedup_key) do nothing""")
          .params(
              dedupKey(e, s.channel()),
              e.flow(),
              e.caseNo(),
              e.id(),
              e.type().name(),
              s.channel().name(),
              s.addressEnc(),
              text.subject(),
              text.body(),
              now,
              now)
          .update();
    }
  }
}
