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
      // grievances
      CaseEventType.RECEIVED, CaseEventType.TIER_SET, CaseEventType.RESPONDED,
      CaseEventType.PLAN_COMMITTED, CaseEventType.ESCALATED, CaseEventType.RESOLVED,
      CaseEventType.ASKED_TO_RATE, CaseEventType.REWORK, CaseEventType.CLOSED,
      // service orders
      CaseEventType.ORDERED, CaseEventType.DISPATCHED, CaseEventType.ACCEPTED,
      CaseEventType.ARRIVED, CaseEventType.QUOTED, CaseEventType.PLAN_MADE, CaseEventType.REPLIED,
      CaseEventType.QUOTE_DECLINED, CaseEventType.WORK_DONE, CaseEventType.COMPLETED,
      // consultation topics
      CaseEventType.PROPOSED, CaseEventType.TOPIC_ACCEPTED, CaseEventType.REJECTED,
      CaseEventType.MERGED, CaseEventType.MEETING_SCHEDULED, CaseEventType.VOTE_AGREED,
      CaseEventType.VOTE_NOT_AGREED, CaseEventType.VOTE_NO_QUORUM, CaseEventType.LAPSED,
      CaseEventType.LISTED, CaseEventType.EXECUTED, CaseEventType.PUBLISHED);

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
      case ORDERED -> "已下单，物业服务中心将尽快派单";
      case DISPATCHED -> "已派单";
      case ACCEPTED -> "已有师傅接单";
      case ARRIVED -> "师傅已到场";
      case QUOTED -> "已报价，请查看并决定是否接受";
      case PLAN_MADE -> "已形成解决方案";
      case REPLIED -> "已答复您，请查看解决方案和完成时限";
      case QUOTE_DECLINED -> "因未接受报价已终止";
      case WORK_DONE -> "已完工，请确认";
      case COMPLETED -> "已确认完工";
      case PROPOSED -> "已提出，正在征集附议";
      case TOPIC_ACCEPTED -> "已受理，将安排议事";
      case REJECTED -> "未予受理" + (e.note() == null ? "" : "（" + e.note() + "）");
      case MERGED -> "已与其他议题合并" + (e.note() == null ? "" : "（" + e.note() + "）");
      case MEETING_SCHEDULED -> "已安排议事会议" + (e.note() == null ? "" : "（" + e.note() + "）");
      default -> e.type().label();
    };
    String url = properties.publicUrl() + "/resident/#track=" + e.caseNo();
    String noun = switch (e.flow()) {
      case "SERVICE_ORDER" -> "服务单";
      case "CONSULTATION" -> "议题";
      default -> "案件";
    };
    String subject = "【邻里】" + noun + " " + e.caseNo() + " " + e.type().label();
    String body = "【邻里】您好！您的" + noun + " " + e.caseNo() + " " + what + "（"
        + Times.label(e.occurredAt()) + "）。查看进度：" + url;
    return new Text(subject, body);
  }
}
