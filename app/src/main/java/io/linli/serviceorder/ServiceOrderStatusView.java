package io.linli.serviceorder;

import io.linli.caselog.CaseLog;
import io.linli.sla.Clock;
import io.linli.sla.SlaLedger;
import io.linli.sla.SlaPolicy;
import io.linli.system.ApiError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a resident (or anyone with the order number) sees of a service order: the item, the money,
 * the "52022" clocks as they stand, and the history. No personal data.
 */
@Service
class ServiceOrderStatusView {

  private final ServiceOrders orders;
  private final CaseLog caseLog;
  private final SlaLedger ledger;
  private final SlaPolicy policy;

  ServiceOrderStatusView(ServiceOrders orders, CaseLog caseLog, SlaLedger ledger, SlaPolicy policy) {
    this.orders = orders;
    this.caseLog = caseLog;
    this.ledger = ledger;
    this.policy = policy;
  }

  record Status(
      String orderNo,
      String status,
      String statusLabel,
      String itemCode,
      String itemName,
      String pricing,
      long referencePriceFen,
      String jobSize,
      Long quoteFen,
      Long paidFen,
      Instant orderedAt,
      Instant committedFinish,
      List<Deadline> deadlines,
      List<HistoryEntry> history) {}

  /** @param state OPEN (running), MET (done in time), BREACHED (escalated) or STOPPED (order ended) */
  record Deadline(String clock, String label, Instant dueAt, String state) {}

  record HistoryEntry(Instant at, String event, String label, String actorRole, String note) {}

  @Transactional(readOnly = true)
  Status of(String orderNo) {
    ServiceOrders.Row o =
        orders.find(orderNo).orElseThrow(() -> ApiError.notFound("没有这个服务单：" + orderNo));
    Set<String> breached =
        ledger.entriesOf(orderNo).stream()
            .filter(e -> "BREACHED".equals(e.event()) && e.level() == 1)
            .map(SlaLedger.Entry::clock)
            .collect(Collectors.toSet());
    boolean ended = ServiceOrderStatus.DECLINED.name().equals(o.status());
    List<Deadline> deadlines = new ArrayList<>();
    Clocks c = new Clocks(deadlines, breached, ended);
    c.add(Clock.SERVICE_ORDER_DISPATCH, policy.serviceOrderDispatchDue(date(o.orderedAt())),
        o.dispatchedAt());
    if (o.dispatchedAt() != null) {
      c.add(Clock.SERVICE_ORDER_ACCEPT, policy.serviceOrderAcceptDue(date(o.dispatchedAt())),
          o.acceptedAt());
    }
    if (o.acceptedAt() != null) {
      c.add(Clock.SERVICE_ORDER_ARRIVE, policy.serviceOrderArriveDue(date(o.acceptedAt())),
          o.arrivedAt());
    }
    boolean complex = JobSize.COMPLEX.name().equals(o.jobSize());
    if (o.arrivedAt() != null && !complex) {
      c.add(Clock.SERVICE_ORDER_SMALL_FIX, policy.serviceOrderSmallFixDue(date(o.arrivedAt())),
          o.workDoneAt());
    }
    if (complex) {
      Date assessed = date(o.assessedAt());
      c.add(Clock.SERVICE_ORDER_PLAN, policy.serviceOrderPlanDue(assessed),
          o.solutionPlan() == null ? null : o.assessedAt());
      c.add(Clock.SERVICE_ORDER_REPLY, policy.serviceOrderReplyDue(assessed), o.repliedAt());
    }
    if (o.committedFinish() != null) {
      c.add(Clock.SERVICE_ORDER_COMMITTED, Date.from(o.committedFinish()), o.workDoneAt());
    }
    ServiceOrderStatus status = ServiceOrderStatus.valueOf(o.status());
    return new Status(o.orderNo(), status.name(), status.label(), o.itemCode(), o.itemName(),
        o.pricing().name(), o.referencePriceFen(), o.jobSize(), o.quoteFen(), o.paidFen(),
        o.orderedAt(), o.committedFinish(), deadlines,
        caseLog.history(orderNo).stream()
            .map(e -> new HistoryEntry(e.occurredAt(), e.type().name(), e.type().label(),
                e.actorRole(), e.note()))
            .toList());
  }

  private record Clocks(List<Deadline> out, Set<String> breached, boolean ended) {
    void add(Clock clock, Date due, Instant doneAt) {
      String state = breached.contains(clock.name()) ? "BREACHED"
          : doneAt != null ? "MET"
          : ended ? "STOPPED"
          : "OPEN";
      out.add(new Deadline(clock.name(), clock.label(), due.toInstant(), state));
    }
  }

  private static Date date(Instant i) {
    return Date.from(i);
  }
}
