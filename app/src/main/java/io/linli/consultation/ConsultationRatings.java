package io.linli.consultation;

import io.linli.system.ApiError;
import io.linli.system.Times;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 评: a resident rates an executed topic's result during the evaluation window, once per evaluation
 * round. The topic row is read under a shared lock, so a rating racing the tally is either counted
 * or refused, never silently dropped.
 */
@Service
class ConsultationRatings {

  private final Topics topics;
  private final Ratings ratings;

  ConsultationRatings(Topics topics, Ratings ratings) {
    this.topics = topics;
    this.ratings = ratings;
  }

  @Transactional
  int rate(String topicNo, String userId, Satisfaction rating, String comment) {
    Topics.Row topic =
        topics.find(topicNo).orElseThrow(() -> ApiError.notFound("没有这个议题：" + topicNo));
    if (topics.lockedState(topic.id()) != TopicState.EVALUATING) {
      throw ApiError.conflict("该议题当前不在评价期");
    }
    int round = topics.byId(topic.id()).orElseThrow().evaluationRound();
    if (!ratings.rate(topic.id(), round, userId, rating, comment, Times.now())) {
      throw ApiError.conflict("您已评价");
    }
    return round;
  }
}
