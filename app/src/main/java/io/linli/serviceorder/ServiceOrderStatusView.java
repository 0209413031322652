package io.linli.serviceorder;

import io.linli.caselog.CaseLog;
import io.linli.sla.ClockSpec;
import io.linli.sla.ClockStates;
import io.linli.system.ApiError;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
  private final ClockStates clocks;
  private final ServiceOrderFlow flow;

  ServiceOrderStatusView(
      ServiceOrders orders, CaseLog caseLog, ClockStates clocks, ServiceOrderFlow flow) {
    this.orders = orders;
    this.caseLog = caseLog;
    this.clocks = clocks;
    this.flow = flow;
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
      String rating,
      List<Deadline> deadlines,
      List<HistoryEntry> history) {}

  /**
   * @param state OPEN (running), MET (done in time), LATE (done after its due time), BREACHED
   *     (escalated) or STOPPED (the order ended first)
   */
  record Deadline(String clock, String label, Instant dueAt, String state) {}

  record HistoryEntry(Instant at, String event, String label, String actorRole, String note) {}

  @Transactional(readOnly = true)
  Status of(String orderNo) {
    return of(orderNo, false);
  }

  /**
   * @param caseResident true for the resident who proved the case is theirs (查询进度 with the phone):
   *     they also read the notes staff typed on their case
   */
  @Transactional(readOnly = true)
  Status of(String orderNo, boolean caseResident) {
    ServiceOrders.Row o =
        orders.find(orderNo).orElseThrow(() -> ApiError.notFound("没有这个服务单：" + orderNo));
    // The "52022" clocks as the ledger recorded them: the due times the timers ran on.
    boolean ended = o.closedAt() != null || ServiceOrderStatus.DECLINED.name().equals(o.status());
    Map<String, String> labels =
        flow.clocks().stream()
            .filter(c -> !c.internal())
            .collect(Collectors.toMap(ClockSpec::id, ClockSpec::label));
    List<Deadline> deadlines =
        clocks.of(orderNo, ended).stream()
            .filter(c -> labels.containsKey(c.clock()))
            .map(c -> new Deadline(c.clock(), labels.get(c.clock()), c.dueAt(), c.state().name()))
            .toList();
    ServiceOrderStatus status = ServiceOrderStatus.valueOf(o.status());
    return new Status(
        o.orderNo(),
        status.name(),
        status.label(),
        o.itemCode(),
        o.itemName(),
        o.pricing().name(),
        o.referencePriceFen(),
        o.jobSize(),
        o.quoteFen(),
        o.paidFen(),
        o.orderedAt(),
        o.committedFinish(),
        o.rating(),
        deadlines,
        caseLog.history(orderNo).stream()
            .map(
                e ->
                    new HistoryEntry(
                        e.occurredAt(),
                        e.type().name(),
                        e.type().label(),
                        e.actorRole(),
                        e.noteFor(caseResident)))
            .toList());
  }
}
