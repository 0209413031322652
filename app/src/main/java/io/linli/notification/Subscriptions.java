package io.linli.notification;

import io.linli.intake.ContactCipher;
import io.linli.system.ApiError;
import io.linli.system.Times;
import java.sql.Timestamp;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The channels a resident chose for one case (any flow), with the address encrypted. */
@Repository
public class Subscriptions {

  private final JdbcClient jdbc;
  private final ContactCipher cipher;

  Subscriptions(JdbcClient jdbc, ContactCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  record Subscription(NotifyChannel channel, byte[] addressEnc) {}

  /**
   * @param address an E.164 phone for SMS, an e-mail address for EMAIL
   */
  public void subscribe(String flow, String caseNo, NotifyChannel channel, String address) {
    jdbc.sql(
            """
            insert into notification_subscription (flow, case_no, channel, address_enc, created_at)
            values (?, ?, ?, ?, ?) on conflict (flow, case_no, channel) do nothing""")
        .params(flow, caseNo, channel.name(), cipher.encrypt(address), Timestamp.from(Times.now()))
        .update();
  }

  /**
   * The channels a resident ticked at intake, each needing its address (400 naming the field when
   * it is missing). Written before the intake's first case event, which already notifies.
   *
   * @param phone E.164 or null
   */
  public void subscribeChosen(
      String flow, String caseNo, Set<NotifyChannel> chosen, String phone, String email) {
    if (chosen == null) return;
    if (chosen.contains(NotifyChannel.SMS)) {
      if (phone == null) throw ApiError.invalid("contactPhone", "选择短信通知须填写手机号码");
      subscribe(flow, caseNo, NotifyChannel.SMS, phone);
    }
    if (chosen.contains(NotifyChannel.EMAIL)) {
      if (email == null) throw ApiError.invalid("contactEmail", "选择邮件通知须填写电子邮箱");
      subscribe(flow, caseNo, NotifyChannel.EMAIL, email);
    }
  }

  List<Subscription> of(String flow, String caseNo) {
    return jdbc.sql(
            """
            select channel, address_enc from notification_subscription
            where flow = ? and case_no = ? order by channel""")
        .params(flow, caseNo)
        .query((rs, n) -> new Subscription(NotifyChannel.valueOf(rs.getString(1)), rs.getBytes(2)))
        .list();
  }
}
