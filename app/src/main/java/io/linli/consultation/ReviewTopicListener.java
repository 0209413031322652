package io.linli.consultation;

import static io.linli.consultation.ConsultationVariables.*;

import io.linli.caselog.CaseLog;
import io.linli.identity.Role;
import io.linli.system.Times;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * 审: the party branch accepts the topic, merges it into another open topic of the community (its
 * supporters go along), or rejects it with a reason. The outcome goes into the topic's history,
 * which is what the proposer is shown. A refused form value throws {@link BadUserRequestException},
 * which Tasklist shows; the task stays open.
 */
@Component("reviewTopicListener")
class ReviewTopicListener implements TaskListener {

  private final Topics topics;
  private final CaseLog caseLog;

  ReviewTopicListener(Topics topics, CaseLog caseLog) {
    this.topics = topics;
    this.caseLog = caseLog;
  }

  @Override
  public void notify(DelegateTask task) {
    ConsultationVariables v = new ConsultationVariables(task);
    Topics.Row topic = topics.byId(v.caseId()).orElseThrow();
    ReviewDecision decision = decision(v.text(REVIEW_DECISION));
    String reason = v.text(REVIEW_REASON);
    switch (decision) {
      case ACCEPT -> {
        topics.setReviewNote(topic.id(), reason);
        log(topic.topicNo(), ConsultationEvent.TOPIC_ACCEPTED, reason);
      }
      case REJECT -> {
        if (reason == null) throw new BadUserRequestException("不予受理须说明理由");
        topics.setReviewNote(topic.id(), reason);
        topics.finish(topic.id(), TopicState.REJECTED, Times.now());
        log(topic.topicNo(), ConsultationEvent.REJECTED, reason);
      }
      case MERGE -> merge(topic, v.text(MERGE_INTO), reason);
    }
    task.setVariable(REVIEW_DECISION, decision.name());
  }

  private void merge(Topics.Row topic, String targetNo, String reason) {
    if (targetNo == null) throw new BadUserRequestException("合并须填写目标议题编号");
    Topics.Row target =
        topics.find(targetNo).orElseThrow(() -> new BadUserRequestException("没有这个议题：" + targetNo));
    if (target.id() == topic.id()) throw new BadUserRequestException("不能合并到本议题");
    if (!target.communityCode().equals(topic.communityCode())) {
      throw new BadUserRequestException("只能合并到本社区的议题");
    }
    if (TopicState.FINAL.contains(target.state())) {
      throw new BadUserRequestException(
          "目标议题 " + target.topicNo() + " " + target.state().label() + "，不能合并");
    }
    topics.setReviewNote(topic.id(), reason);
    topics.setMergedInto(topic.id(), target.topicNo());
    topics.moveSupporters(topic.id(), target.id());
    topics.finish(topic.id(), TopicState.MERGED, Times.now());
    log(
        topic.topicNo(),
        ConsultationEvent.MERGED,
        "并入议题 " + target.topicNo() + (reason == null ? "" : "：" + reason));
    log(target.topicNo(), ConsultationEvent.MERGED, "议题 " + topic.topicNo() + " 并入本议题，附议人一并转入");
  }

  private void log(String topicNo, io.linli.caselog.CaseEventKind type, String note) {
    caseLog.record(ConsultationProcess.FLOW, topicNo, type, Role.PARTY_GROUP.label(), note);
  }

  private static ReviewDecision decision(String value) {
    if (value == null) throw new BadUserRequestException("请选择审核结论");
    try {
      return ReviewDecision.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw new BadUserRequestException("审核结论无效：" + value);
    }
  }
}
