package io.linli.consultation;

import io.linli.sla.SlaPolicy;
import java.time.Instant;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * The consultation model's deadlines (征—审—议—办—评), each from the SLA policy by the keys {@link
 * ConsultationFlow} declares.
 */
@Component("consultationSla")
public class ConsultationSla {

  private final SlaPolicy policy;

  ConsultationSla(SlaPolicy policy) {
    this.policy = policy;
  }

  /** 征: the collection window closes this long after the topic was proposed. */
  public Date collectionEnds(Date proposedAt) {
    return policy.due("consultation.collection", proposedAt);
  }

  /** 审: the party branch reviews a topic by then. */
  public Date reviewDue() {
    return policy.dueFromNow(ConsultationFlow.REVIEW);
  }

  /** The party branch's other steps (schedule the meeting, enter the 清单) have the same time. */
  public Date branchDue() {
    return policy.dueFromNow(ConsultationFlow.REVIEW);
  }

  /** 议: the representatives' vote closes this long after the meeting. */
  public Date voteClosesAt(Date meetingAt) {
    return policy.due("consultation.vote-window", meetingAt);
  }

  /** The latest time a meeting may be scheduled for, from now. */
  public Instant latestMeeting() {
    return policy.latest("consultation.max-meeting-lead");
  }

  /** 办: the 办理时限 when the party branch sets none. */
  public Instant executionDefault() {
    return policy.latest("consultation.execution");
  }

  /** The latest 办理时限 the party branch may set, from now. */
  public Instant latestExecutionDeadline() {
    return policy.latest("consultation.max-execution");
  }

  /** 办 again after a majority 不满意. */
  public Date reworkDue() {
    return policy.dueFromNow("consultation.rework");
  }

  /** 评: residents rate the result until then. */
  public Date evaluationEnds() {
    return policy.dueFromNow("consultation.evaluation");
  }

  public Instant now() {
    return policy.now();
  }
}
