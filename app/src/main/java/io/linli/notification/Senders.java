package io.linli.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * The channel senders: e-mail over Spring Boot's mail sender (spring.mail.*), SMS via a gateway.
 */
@Configuration(proxyBeanMethods = false)
class Senders {

  @Bean
  @ConditionalOnMissingBean(SmsGateway.class)
  SmsGateway httpSmsGateway(NotificationProperties p, ObjectMapper json) {
    return new HttpSmsGateway(p.smsUrl(), p.smsTimeout(), json);
  }

  @Bean
  NotificationSender smsSender(SmsGateway gateway) {
    return new NotificationSender() {
      @Override
      public NotifyChannel channel() {
        return NotifyChannel.SMS;
      }

      @Override
      public void send(String address, String subject, String body, String dedupKey)
          throws DeliveryFailed {
        if (!gateway.configured()) throw new DeliveryFailed("未配置短信网关", true, null);
        try {
          gateway.send(address, body, dedupKey);
        } catch (Exception e) {
          throw new DeliveryFailed("短信发送失败：" + e.getMessage(), false, e);
        }
      }
    };
  }

  /** Without spring.mail.host Spring Boot makes no JavaMailSender: e-mail rows then fail as 未配置. */
  @Bean
  NotificationSender emailSender(ObjectProvider<JavaMailSender> mail, NotificationProperties p) {
    return new NotificationSender() {
      @Override
      public NotifyChannel channel() {
        return NotifyChannel.EMAIL;
      }

      @Override
      public void send(String address, String subject, String body, String dedupKey)
          throws DeliveryFailed {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) throw new DeliveryFailed("未配置邮件服务器（spring.mail.host）", true, null);
        try {
          MimeMessage m = sender.createMimeMessage();
          MimeMessageHelper h = new MimeMessageHelper(m, StandardCharsets.UTF_8.name());
          h.setFrom(new InternetAddress(p.mailFrom(), "邻里", StandardCharsets.UTF_8.name()));
          h.setTo(address);
          h.setSubject(subject);
          h.setText(body);
          m.setHeader("X-Linli-Dedup-Key", dedupKey);
          sender.send(m);
        } catch (Exception e) {
          throw new DeliveryFailed("邮件发送失败：" + e.getMessage(), false, e);
        }
      }
    };
  }
}
