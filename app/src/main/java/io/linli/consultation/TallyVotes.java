package io.linli.consultation;

import static io.linli.consultation.ConsultationVariables.*;

import io.linli.caselog.CaseLog;
import io.linli.identity.Role;
import io.linli.system.Times;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 统计表决结果: the vote closed (everyone voted, or the deadline passed). The tally is counted from
 * consultation_vote against the round's roll, recorded on the meeting, and decides what comes next:
 * agreed, not agreed, another round (no quorum), or the topic lapses after the last round.
 */
@Component("tallyVotes")
class TallyVotes implements JavaDelegate {

  private final Rounds rounds;
  private final Votes votes;
  private final VoteRules rules;
  private final Topics topics;
  private final CaseLog caseLog;

  TallyVotes(Rounds rounds, Votes votes, VoteRules rules, Topics topics, CaseLog caseLog) {
    this.rounds = rounds;
    this.votes = votes;
    this.rules = rules;
    this.topics = topics;
    this.caseLog = caseLog;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ConsultationVariables v = new ConsultationVariables(execution);
    int round = v.round();
    Rounds.Meeting meeting = rounds.meeting(v.caseId(), round).orElseThrow();
    VoteRules.Tally tally = votes.tally(v.caseId(), round, meeting.eligible());
    VoteOutcome outcome = rules.outcome(tally);
    VoteRules.Decision decision = rules.decide(outcome, round);
    rounds.recordTally(v.caseId(), round, tally, outcome, Times.now());

    String label = tally.label(round);
    switch (decision) {
      case AGREED -> log(v, ConsultationEvent.VOTE_AGREED, label);
      case NOT_AGREED -> {
        log(v, ConsultationEvent.VOTE_NOT_AGREED, label);
        topics.finish(v.caseId(), TopicState.NOT_AGREED, Times.now());
      }
      case REVOTE -> {
        log(
            v,
            ConsultationEvent.VOTE_NO_QUORUM,
            label + "；法定人数为" + rules.quorumOf(meeting.eligible()) + "人，进入第" + (round + 1) + "轮");
        execution.setVariable(ROUND, round + 1);
      }
      case LAPSED -> {
        log(v, ConsultationEvent.VOTE_NO_QUORUM, label);
        log(v, ConsultationEvent.LAPSED, "已进行" + rules.maxRounds() + "轮");
        topics.finish(v.caseId(), TopicState.LAPSED, Times.now());
      }
    }
    execution.setVariable(VOTE_DECISION, decision.name());
    execution.setVariable(VOTE_TALLY_LABEL, label);
  }

  private void log(ConsultationVariables v, io.linli.caselog.CaseEventKind type, String note) {
    caseLog.record(ConsultationProcess.FLOW, v.caseNo(), type, Role.BUILDING_REP.label(), note);
  }
}
