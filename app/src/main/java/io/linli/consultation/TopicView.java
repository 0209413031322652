package io.linli.consultation;

import io.linli.caselog.CaseLog;
import io.linli.system.ApiError;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One topic as anyone with its number sees it: the 清单 entry, the texts, every round's meeting and
 * tally, and its history (roles, never names). No voter's choice is shown, only the counts.
 */
@Service
class TopicView {

  private final Topics topics;
  private final Checklist checklist;
  private final Rounds rounds;
  private final ExecutionItems items;
  private final CaseLog caseLog;

  TopicView(
      Topics topics, Checklist checklist, Rounds rounds, ExecutionItems items, CaseLog caseLog) {
    this.topics = topics;
    this.checklist = checklist;
    this.rounds = rounds;
    this.items = items;
    this.caseLog = caseLog;
  }

  record Detail(
      Checklist.Item topic,
      String description,
      String proposerRole,
      String reviewNote,
      List<Round> rounds,
      ExecutionItems.Texts execution,
      List<HistoryEntry> history) {}

  record Round(
      int round,
      Instant meetingAt,
      String place,
      String participants,
      Instant closesAt,
      int eligible,
      Integer agree,
      Integer disagree,
      Integer abstain,
      String outcome,
      String outcomeLabel) {}

  record HistoryEntry(Instant at, String event, String label, String actorRole, String note) {}

  @Transactional(readOnly = true)
  Detail of(String topicNo) {
    Topics.Row topic =
        topics.find(topicNo).orElseThrow(() -> ApiError.notFound("没有这个议题：" + topicNo));
    Checklist.Item item = checklist.find(topicNo).orElseThrow();
    return new Detail(
        item,
        topic.description(),
        topic.proposerRole().role().label(),
        topic.reviewNote(),
        rounds.meetings(topic.id()).stream()
            .map(
                m ->
                    new Round(
                        m.round(),
                        m.meetingAt(),
                        m.place(),
                        m.participants(),
                        m.votesCloseAt(),
                        m.eligible(),
                        m.agree(),
                        m.disagree(),
                        m.abstain(),
                        m.outcome() == null ? null : m.outcome().name(),
                        m.outcome() == null ? null : m.outcome().label()))
            .toList(),
        items.texts(topic.id()).orElse(null),
        caseLog.history(topicNo).stream()
            .map(
                e ->
                    new HistoryEntry(
                        e.occurredAt(), e.type().name(), e.type().label(), e.actorRole(), e.note()))
            .toList());
  }
}
