package io.linli.consultation;

import static io.linli.consultation.ConsultationVariables.*;

import io.linli.caselog.CaseLog;
import io.linli.identity.Role;
import io.linli.system.Times;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * 议: the party branch schedules the round's meeting — party branch, grid worker and the estate's
 * building representatives ("1+1+33", seed 002), with the property company and the owners'
 * committee when they attend. The representatives active now are the round's roll: they, and only
 * they, get a vote task. Voting closes the policy's vote window after the meeting.
 */
@Component("scheduleMeetingListener")
class ScheduleMeetingListener implements TaskListener {

  private final Topics topics;
  private final Representatives representatives;
  private final Rounds rounds;
  private final ConsultationSla policy;
  private final CaseLog caseLog;

  ScheduleMeetingListener(
      Topics topics,
      Representatives representatives,
      Rounds rounds,
      ConsultationSla policy,
      CaseLog caseLog) {
    this.topics = topics;
    this.representatives = representatives;
    this.rounds = rounds;
    this.policy = policy;
    this.caseLog = caseLog;
  }

  @Override
  public void notify(DelegateTask task) {
    ConsultationVariables v = new ConsultationVariables(task);
    Topics.Row topic = topics.byId(v.caseId()).orElseThrow();
    Instant meetingAt = FormDateTime.parse(v.raw(MEETING_AT), "会议时间");
    if (meetingAt == null) throw new BadUserRequestException("请填写会议时间");
    Instant closes = policy.voteClosesAt(Date.from(meetingAt)).toInstant();
    if (!closes.isAfter(policy.now())) {
      throw new BadUserRequestException("会议时间过早：表决将于" + Times.label(closes) + "截止，已过");
    }
    if (meetingAt.isAfter(policy.latestMeeting())) {
      throw new BadUserRequestException("会议时间不得晚于" + Times.label(policy.latestMeeting()));
    }
    String place = v.text(MEETING_PLACE);
    if (place == null) throw new BadUserRequestException("请填写会议地点");
    List<String> roll = representatives.activeOf(topic.estateId());
    if (roll.isEmpty()) throw new BadUserRequestException("该小区尚未登记楼栋代表，无法表决");

    String participants =
        "小区党支部、网格员、楼栋代表"
            + roll.size()
            + "名"
            + (v.flag(PROPERTY_ATTENDS) ? "、物业公司" : "")
            + (v.flag(OWNERS_COMMITTEE_ATTENDS) ? "、业主委员会" : "");
    int round = v.round();
    rounds.schedule(topic.id(), round, meetingAt, place, participants, closes, roll);
    task.setVariable(MEETING_AT, Date.from(meetingAt));
    task.setVariable(MEETING_LABEL, Times.label(meetingAt) + "，" + place);
    caseLog.record(
        ConsultationProcess.FLOW,
        topic.topicNo(),
        ConsultationEvent.MEETING_SCHEDULED,
        Role.PARTY_GROUP.label(),
        "第"
            + round
            + "轮议事会议："
            + Times.label(meetingAt)
            + "，"
            + place
            + "；参加："
            + participants
            + "；表决截止："
            + Times.label(closes));
  }
}
