package io.linli.notification;

import io.linli.cases.CasePersonalDataExpired;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Retention (cases.CaseRetention): a purged case's notice subscriptions (encrypted addresses) and
 * outbox rows (address, subject, body) are deleted; nothing is left to send for a case closed that
 * long ago.
 */
@Component
class NotificationRetention {

  private final JdbcClient jdbc;

  NotificationRetention(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @EventListener
  void on(CasePersonalDataExpired e) {
    jdbc.sql("delete from notification_subscription where flow = ? and case_no = ?")
        .params(e.flow(), e.caseNo()).update();
    jdbc.sql("delete from notification_outbox where flow = ? and case_no = ?")
        .params(e.flow(), e.caseNo()).update();
  }
}
