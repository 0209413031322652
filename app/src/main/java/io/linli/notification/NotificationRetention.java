package io.linli.notification;

import io.linli.cases.PersonalData;
import io.linli.cases.RetentionTarget;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Retention (cases.CaseRetention): a purged case's notice subscriptions (encrypted addresses) go
 * with its contacts; its outbox rows (address, subject, body) go with the notification bodies.
 * Nothing is left to send for a case closed that long ago.
 */
@Component
class NotificationRetention implements RetentionTarget {

  private final JdbcClient jdbc;

  NotificationRetention(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void purge(PersonalData kind, String flow, String caseNo) {
    if (kind == PersonalData.CONTACTS) {
      jdbc.sql("delete from notification_subscription where flow = ? and case_no = ?")
          .params(flow, caseNo)
          .update();
    }
    if (kind == PersonalData.CONTACTS || kind == PersonalData.NOTIFICATION_BODIES) {
      // an outbox row carries the address as well as the message
      jdbc.sql("delete from notification_outbox where flow = ? and case_no = ?")
          .params(flow, caseNo)
          .update();
    }
  }
}
