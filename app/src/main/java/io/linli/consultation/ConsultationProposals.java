package io.linli.consultation;

import static io.linli.consultation.ConsultationVariables.*;

import io.linli.caselog.CaseLog;
import io.linli.community.Community;
import io.linli.community.CommunityDirectory;
import io.linli.identity.Role;
import io.linli.notification.NotifyChannel;
import io.linli.notification.Subscriptions;
import io.linli.system.ApiError;
import io.linli.system.Times;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 征: a topic becomes a row and a process instance in one transaction (the topic number is the
 * business key); its proposer is its first supporter. Residents support it during the collection
 * window. A grid worker can turn a recurring grievance into a topic; both keep the link.
 */
@Service
class ConsultationProposals {

  static final int SUMMARY_LENGTH = 200;
  static final String GRIEVANCE_FLOW = "GRIEVANCE";

  private final CommunityDirectory directory;
  private final Topics topics;
  private final TopicLinks links;
  private final CaseLog caseLog;
  private final ConsultationSla policy;
  private final RuntimeService runtime;

  private final Subscriptions subscriptions;

  ConsultationProposals(
      CommunityDirectory directory,
      Topics topics,
      TopicLinks links,
      CaseLog caseLog,
      ConsultationSla policy,
      RuntimeService runtime,
      Subscriptions subscriptions) {
    this.subscriptions = subscriptions;
    this.directory = directory;
    this.topics = topics;
    this.links = links;
    this.caseLog = caseLog;
    this.policy = policy;
    this.runtime = runtime;
  }

  record Proposal(
      String communityCode,
      String estateCode,
      TopicCategory category,
      String title,
      String description,
      String proposerId,
      ProposerRole proposerRole) {}

  record Receipt(String topicNo, TopicState state, Instant collectionEndsAt) {}

  @Transactional
  Receipt propose(Proposal p) {
    return open(p, null, topicNo -> {});
  }

  /** A proposal whose proposer asked for progress notices (the resident page). */
  @Transactional
  Receipt propose(Proposal p, Set<NotifyChannel> notifyBy, String phone, String email) {
    return open(
        p,
        null,
        topicNo ->
            subscriptions.subscribeChosen(
                ConsultationProcess.FLOW, topicNo, notifyBy, phone, email));
  }

  /** A grid worker turns a recurring grievance into a topic of the grievance's estate. */
  @Transactional
  Receipt fromGrievance(
      String caseNo,
      TopicCategory category,
      String title,
      String description,
      String gridWorkerId) {
    TopicLinks.Grievance g =
        links
            .grievance(GRIEVANCE_FLOW, caseNo)
            .orElseThrow(() -> ApiError.invalid("grievanceCaseNo", "没有这个诉求案件：" + caseNo));
    if (g.estateCode() == null) {
      throw ApiError.invalid("grievanceCaseNo", "该诉求未指明小区，不能转为议题");
    }
    links
        .topicOf(caseNo)
        .ifPresent(
            t -> {
              throw ApiError.conflict("该诉求已转为议题 " + t);
            });
    Receipt receipt =
        open(
            new Proposal(
                g.communityCode(),
                g.estateCode(),
                category,
                title,
                description,
                gridWorkerId,
                ProposerRole.GRID_WORKER),
            caseNo,
            topicNo -> {});
    caseLog.record(
        GRIEVANCE_FLOW,
        caseNo,
        ConsultationEvent.LINKED_TO_TOPIC,
        Role.GRID_WORKER.label(),
        "议题 " + receipt.topicNo());
    return receipt;
  }

  /** 附议: once per resident, during the collection window. */
  @Transactional
  int support(String topicNo, String userId) {
    Topics.Row topic =
        topics.find(topicNo).orElseThrow(() -> ApiError.notFound("没有这个议题：" + topicNo));
    if (topics.lockedState(topic.id()) != TopicState.COLLECTING) {
      throw ApiError.conflict("该议题已过征集期，不能再附议");
    }
    if (!topics.addSupporter(topic.id(), userId, Times.now())) {
      throw ApiError.conflict("您已附议该议题");
    }
    return topics.supporterCount(topic.id());
  }

  /**
   * @param subscribe writes the proposer's notification choices before the first event
   */
  private Receipt open(
      Proposal p, String grievanceCaseNo, java.util.function.Consumer<String> subscribe) {
    Community community =
        directory
            .community(p.communityCode())
            .orElseThrow(() -> ApiError.invalid("communityCode", "未知社区：" + p.communityCode()));
    CommunityDirectory.Estate estate =
        directory
            .estate(community.code(), p.estateCode())
            .orElseThrow(() -> ApiError.invalid("estateCode", "该社区没有此小区：" + p.estateCode()));
    Instant now = Times.now();
    Instant collectionEnds = policy.collectionEnds(Date.from(now)).toInstant();
    Topics.Row topic =
        topics
            .insert(
                new Topics.NewTopic(
                    community.code(),
                    estate.id(),
                    p.category(),
                    p.title(),
                    p.description(),
                    p.proposerId(),
                    p.proposerRole(),
                    grievanceCaseNo,
                    now,
                    collectionEnds))
            .orElseThrow(() -> ApiError.conflict("该诉求已转为议题"));
    topics.addSupporter(topic.id(), p.proposerId(), now);

    Map<String, Object> vars = new HashMap<>();
    vars.put(CASE_ID, topic.id());
    vars.put(CASE_NO, topic.topicNo());
    vars.put(COMMUNITY_CODE, community.code());
    vars.put(LOCATION_LABEL, community.name() + " " + estate.name());
    vars.put(SUMMARY, summary(p.title(), p.description()));
    vars.put(CATEGORY_LABEL, p.category().label());
    vars.put(PROPOSED_AT, Date.from(now));
    vars.put(ROUND, 1);
    ProcessInstance pi =
        runtime.startProcessInstanceByKey(ConsultationProcess.KEY, topic.topicNo(), vars);
    topics.setProcessInstance(topic.id(), pi.getId());
    subscribe.accept(topic.topicNo());

    caseLog.record(
        ConsultationProcess.FLOW,
        topic.topicNo(),
        ConsultationEvent.PROPOSED,
        p.proposerRole().role().label(),
        grievanceCaseNo == null ? null : "由诉求 " + grievanceCaseNo + " 转为议题");
    return new Receipt(topic.topicNo(), TopicState.COLLECTING, collectionEnds);
  }

  static String summary(String title, String description) {
    String d = title.strip() + "：" + description.strip();
    if (d.codePointCount(0, d.length()) <= SUMMARY_LENGTH) return d;
    return d.substring(0, d.offsetByCodePoints(0, SUMMARY_LENGTH)) + "…";
  }
}
