package io.linli.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import io.linli.system.Times;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The one SLA policy: every deadline of every clock is computed here from {@link SlaProperties}.
 * The models read it through expressions, e.g. {@code timeDate="${slaPolicy.grievanceRespondBy(reportedAt,
 * tier)}"}, so changing a duration in configuration changes the running system without touching a
 * model. "Now" is the engine clock, so tests move time with {@link ClockUtil}.
 */
@Component("slaPolicy")
public class SlaPolicy {

  private final SlaProperties sla;

  SlaPolicy(SlaProperties sla) {
    this.sla = sla;
  }

  /** 一般: handled and fed back; 中等: responded; 疑难: resident contacted — counted from the report. */
  public Date grievanceRespondBy(Date reportedAt, String tier) {
    return plus(reportedAt, tier(tier).respond());
  }

  /** 中等问题 closed (办结), counted from the report. */
  public Date grievanceResolveBy(Date reportedAt, String tier) {
    return plus(reportedAt, tier(tier).resolve());
  }

  public Date grievanceReworkDue() {
    return fromNow(sla.grievance().rework());
  }

  public Date grievanceFollowUpDue() {
    return fromNow(sla.grievance().followUp());
  }

  /** ISO-8601 duration for the rating window timer. */
  public String grievanceRatingWindow() {
    return sla.grievance().ratingWindow().toString();
  }

  /** The latest 整改时限 a handler may commit to for a 疑难 case, from now. */
  public Instant latestCommitment() {
    return now().plus(sla.grievance().difficult().maxCommitment());
  }

  /** 物业派单, counted from the order. */
  public Date serviceOrderDispatchDue(Date orderedAt) {
    return plus(orderedAt, sla.serviceOrder().dispatch());
  }

  /** 机构（个人）接单, counted from the dispatch. */
  public Date serviceOrderAcceptDue(Date dispatchedAt) {
    return plus(dispatchedAt, sla.serviceOrder().accept());
  }

  /** "5": on site within 5 minutes of accepting the order. */
  public Date serviceOrderArriveDue(Date acceptedAt) {
    return plus(acceptedAt, sla.serviceOrder().arrive());
  }

  /** "20": a small job solved within 20 minutes of the check-in; the assessment runs on it too. */
  public Date serviceOrderSmallFixDue(Date arrivedAt) {
    return plus(arrivedAt, sla.serviceOrder().smallFix());
  }

  /** The first "2": a complex job's solution plan, counted from the assessment. */
  public Date serviceOrderPlanDue(Date assessedAt) {
    return plus(assessedAt, sla.serviceOrder().plan());
  }

  /** The second "2": the resident's reply, counted from the same assessment (see SlaProperties). */
  public Date serviceOrderReplyDue(Date assessedAt) {
    return plus(assessedAt, sla.serviceOrder().reply());
  }

  /** 党小组回访 of a service order, counted from the resident's confirmation. */
  public Date serviceOrderFollowUpDue(Date completedAt) {
    return plus(completedAt, sla.serviceOrder().followUp());
  }

  /** The latest completion date a complex job's plan may commit to, from now. */
  public Instant serviceOrderLatestCommitment() {
    return now().plus(sla.serviceOrder().maxCommitment());
  }

  public Date communitySupervisionDue() {
    return fromNow(sla.escalation().community());
  }

  public Date streetSupervisionDue() {
    return fromNow(sla.escalation().street());
  }

  /** 征: the collection window closes this long after the topic was proposed. */
  public Date consultationCollectionEnds(Date proposedAt) {
    return plus(proposedAt, sla.consultation().collection());
  }

  /** 审: the party branch reviews a topic by then. */
  public Date consultationReviewDue() {
    return fromNow(sla.consultation().review());
  }

  /** The party branch's other steps (schedule the meeting, enter the 清单) have the same time. */
  public Date consultationBranchDue() {
    return fromNow(sla.consultation().review());
  }

  /** 议: the representatives' vote closes this long after the meeting. */
  public Date consultationVoteClosesAt(Date meetingAt) {
    return plus(meetingAt, sla.consultation().voteWindow());
  }

  /** The latest time a meeting may be scheduled for, from now. */
  public Instant latestMeeting() {
    return now().plus(sla.consultation().maxMeetingLead());
  }

  /** 办: the 办理时限 when the party branch sets none. */
  public Instant consultationExecutionDefault() {
    return now().plus(sla.consultation().execution());
  }

  /** The latest 办理时限 the party branch may set, from now. */
  public Instant latestExecutionDeadline() {
    return now().plus(sla.consultation().maxExecution());
  }

  /** 办 again after a majority 不满意. */
  public Date consultationReworkDue() {
    return fromNow(sla.consultation().rework());
  }

  /** 评: residents rate the result until then. */
  public Date consultationEvaluationEnds() {
    return fromNow(sla.consultation().evaluation());
  }

  public Instant now() {
    return Times.now();
  }

  private SlaProperties.Tier tier(String tier) {
    if (tier == null) throw new IllegalArgumentException("tier is not set");
    return switch (tier) {
      case "GENERAL" -> sla.grievance().general();
      case "MEDIUM" -> sla.grievance().medium();
      case "DIFFICULT" -> sla.grievance().difficult();
      default -> throw new IllegalArgumentException("unknown tier " + tier);
    };
  }

  private Date fromNow(Duration d) {
    return Date.from(now().plus(d));
  }

  private static Date plus(Date from, Duration d) {
    return Date.from(from.toInstant().plus(d));
  }
}
