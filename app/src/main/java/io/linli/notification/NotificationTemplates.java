package io.linli.notification;

import io.linli.caselog.CaseEventRecorded;
import io.linli.cases.Flow;
import io.linli.cases.Flows;
import io.linli.system.Times;
import org.springframework.stereotype.Component;

/**
 * The Chinese texts residents receive: each event kind says its own notice (or none: such events
 * still show on the resident page), each flow its noun ({@code Flow#noun()}).
 */
@Component
class NotificationTemplates {

  private final NotificationProperties properties;
  private final Flows flows;

  NotificationTemplates(NotificationProperties properties, Flows flows) {
    this.properties = properties;
    this.flows = flows;
  }

  record Text(String subject, String body) {}

  /** Whether the event sends a notice at all. */
  static boolean notified(CaseEventRecorded e) {
    return e.type().notice(e.note()) != null;
  }

  Text render(CaseEventRecorded e) {
    String what = e.type().notice(e.note());
    String url = properties.publicUrl() + "/resident/#track=" + e.caseNo();
    String noun = flows.find(e.flow()).map(Flow::noun).orElse("案件");
    String subject = "【邻里】" + noun + " " + e.caseNo() + " " + e.type().label();
    String body =
        "【邻里】您好！您的"
            + noun
            + " "
            + e.caseNo()
            + " "
            + what
            + "（"
            + Times.label(e.occurredAt())
            + "）。查看进度："
            + url;
    return new Text(subject, body);
  }
}
