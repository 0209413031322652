package io.linli.serviceorder;

import io.linli.sla.SlaPolicy;
import java.time.Instant;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * The service-order model's deadlines ({@code ${serviceOrderSla.arriveDue(acceptedAt)}}), each from
 * the SLA policy by the keys {@link ServiceOrderFlow} declares.
 */
@Component("serviceOrderSla")
public class ServiceOrderSla {

  private final SlaPolicy policy;

  ServiceOrderSla(SlaPolicy policy) {
    this.policy = policy;
  }

  /** 物业派单, counted from the order. */
  public Date dispatchDue(Date orderedAt) {
    return policy.due("service-order.dispatch", orderedAt);
  }

  /** 机构（个人）接单, counted from the dispatch. */
  public Date acceptDue(Date dispatchedAt) {
    return policy.due("service-order.accept", dispatchedAt);
  }

  /** "5": on site within 5 minutes of accepting the order. */
  public Date arriveDue(Date acceptedAt) {
    return policy.due("service-order.arrive", acceptedAt);
  }

  /** "20": a small job solved within 20 minutes of the check-in; the assessment runs on it too. */
  public Date smallFixDue(Date arrivedAt) {
    return policy.due("service-order.small-fix", arrivedAt);
  }

  /** The first "2": a complex job's solution plan, counted from the assessment. */
  public Date planDue(Date assessedAt) {
    return policy.due("service-order.plan", assessedAt);
  }

  /** The second "2": the resident's reply, counted from the same assessment. */
  public Date replyDue(Date assessedAt) {
    return policy.due("service-order.reply", assessedAt);
  }

  /**
   * 党小组回访 of a service order, counted from when the order reaches the visit: the resident's rating
   * (or its window's end) after the confirmation, or the end of a reopened round — never earlier
   * than the confirmation itself.
   */
  public Date followUpDue(Date completedAt) {
    Date now = Date.from(policy.now());
    return policy.due(
        "service-order.follow-up",
        completedAt == null || completedAt.before(now) ? now : completedAt);
  }

  /** 返工处置 after a 不满意 (the rating's, or the follow-up visit's), counted from now. */
  public Date reworkDue() {
    return policy.dueFromNow(ServiceOrderFlow.REWORK);
  }

  /** ISO-8601 duration of the resident's rating window. */
  public String ratingWindow() {
    return policy.duration(ServiceOrderFlow.RATING_WINDOW).toString();
  }

  /** The latest completion date a complex job's plan may commit to, from now. */
  public Instant latestCommitment() {
    return policy.latest("service-order.max-commitment");
  }

  public Instant now() {
    return policy.now();
  }
}
