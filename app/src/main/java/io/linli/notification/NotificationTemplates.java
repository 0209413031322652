package io.linli.notification;

import io.linli.caselog.CaseEventRecorded;
import io.linli.caselog.CaseEventType;
import io.linli.system.Times;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The Chinese texts residents receive. Only events a resident acts on or waits for are sent;
 * everything else still shows on the resident page.
 */
@Component
class NotificationTemplates {

  static final Set<CaseEventType> NOTIFIED = EnumSet.of(
      CaseEventType.RECEIVED, CaseEventType.TIER_SET, CaseEventType.RESPONDED,
      CaseEventType.PLAN_COMMITTED, CaseEventType.ESCALATED, CaseEventType.RESOLVED,
      CaseEventType.ASKED_TO_RATE, CaseEventType.REWORK, CaseEventType.CLOSED);

  private final NotificationProperties properties;

  NotificationTemplates(NotificationProperties properties) {
    this.properties = properties;
  }

  record Text(String subject, String body) {}

  Text render(CaseEventRecorded e) {
    String what = switch (e.type()) {
      case RECEIVED -> "已受理，我们会尽快分流处理";
      case TIER_SET -> "已分流定级（" + (e.note() == null ? "" : e.note()) + "）";
      case RESPONDED -> "已有工作人员响应";
      case PLAN_COMMITTED -> "已承诺整改措施和整改时限";
      case ESCALATED -> "处理超时，已提请督办";
      case RESOLVED -> "已办结";
      case ASKED_TO_RATE -> "已处理完毕，请您对处理结果进行评价";
      case REWORK -> "因您不满意，已安排返工处置";
      case CLOSED -> "已结案，感谢您的支持";
      default -> e.type().label();
    };
    String url = properties.publicUrl() + "/resident/#track=" + e.caseNo();
    String subject = "【邻里】案件 " + e.caseNo() + " " + e.type().label();
    String body = "【邻里】您好！您的案件 " + e.caseNo() + " " + what + "（"
        + Times.label(e.occurredAt()) + "）。查看进度：" + url;
    return new Text(subject, body);
  }
}
