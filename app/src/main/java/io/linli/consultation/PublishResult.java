package io.linli.consultation;

import io.linli.caselog.CaseLog;
import io.linli.system.Times;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 公示结果和评价: the topic is closed; its result and rating stand on the 协商事项清单. */
@Component("publishResult")
class PublishResult implements JavaDelegate {

  private final Topics topics;
  private final Ratings ratings;
  private final CaseLog caseLog;

  PublishResult(Topics topics, Ratings ratings, CaseLog caseLog) {
    this.topics = topics;
    this.ratings = ratings;
    this.caseLog = caseLog;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ConsultationVariables v = new ConsultationVariables(execution);
    Topics.Row topic = topics.byId(v.caseId()).orElseThrow();
    Ratings.Counts counts = ratings.counts(topic.id(), topic.evaluationRound());
    topics.finish(topic.id(), TopicState.CLOSED, Times.now());
    caseLog.record(
        ConsultationProcess.FLOW,
        topic.topicNo(),
        ConsultationEvent.PUBLISHED,
        null,
        counts.label());
  }
}
