package io.linli.consultation;

import static io.linli.consultation.ConsultationVariables.*;

import io.linli.caselog.CaseLog;
import io.linli.caselog.CommonEvent;
import io.linli.identity.Role;
import io.linli.system.Times;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 统计居民评价: the evaluation window passed. A majority 不满意 in the first evaluation sends the topic back
 * to 办 once, with the policy's rework deadline; otherwise the result is published. The topic row is
 * locked first, so a rating arriving now is either counted or refused.
 */
@Component("tallyRatings")
class TallyRatings implements JavaDelegate {

  private final Topics topics;
  private final Ratings ratings;
  private final ExecutionItems items;
  private final VoteRules rules;
  private final ConsultationSla policy;
  private final CaseLog caseLog;

  TallyRatings(
      Topics topics,
      Ratings ratings,
      ExecutionItems items,
      VoteRules rules,
      ConsultationSla policy,
      CaseLog caseLog) {
    this.topics = topics;
    this.ratings = ratings;
    this.items = items;
    this.rules = rules;
    this.policy = policy;
    this.caseLog = caseLog;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ConsultationVariables v = new ConsultationVariables(execution);
    topics.lock(v.caseId());
    int round = topics.byId(v.caseId()).orElseThrow().evaluationRound();
    Ratings.Counts counts = ratings.counts(v.caseId(), round);
    boolean rework =
        round == 1 && rules.dissatisfiedMajority(counts.dissatisfied(), counts.total());
    execution.setVariable(RATING_LABEL, counts.label());
    execution.setVariable(REWORK_REQUIRED, rework);
    if (rework) {
      Date due = policy.reworkDue();
      items.sentBack(v.caseId(), due.toInstant());
      topics.setEvaluationRound(v.caseId(), 2);
      execution.setVariable(REWORK_DUE, due);
      execution.setVariable(REWORK_DUE_LABEL, Times.label(due));
      caseLog.record(
          ConsultationProcess.FLOW,
          v.caseNo(),
          CommonEvent.REWORK,
          Role.RESIDENT.label(),
          counts.label() + "；多数不满意，返回办理，整改时限：" + Times.label(due));
    }
  }
}
