package io.linli.consultation;

import io.linli.caselog.CaseEventKind;

/**
 * What the consultation flow writes into a topic's log; LINKED_TO_TOPIC goes on the grievance a
 * topic came from. Topics are public deliberation: their notes (reasons, meetings, results) are
 * public too.
 */
public enum ConsultationEvent implements CaseEventKind {
  PROPOSED(Text.of("已提出议题").notice("已提出，正在征集附议").publicNote()),
  LINKED_TO_TOPIC(Text.of("已转为议事协商议题").publicNote()),
  TOPIC_ACCEPTED(Text.of("议题已受理").notice("已受理，将安排议事").publicNote()),
  REJECTED(Text.of("议题未予受理").noticeQuotingNote("未予受理").publicNote()),
  MERGED(Text.of("议题已合并").noticeQuotingNote("已与其他议题合并").publicNote()),
  MEETING_SCHEDULED(Text.of("已安排议事会议").noticeQuotingNote("已安排议事会议").publicNote()),
  VOTE_AGREED(Text.of("表决通过").notice("表决通过").publicNote()),
  VOTE_NOT_AGREED(Text.of("表决未通过").notice("表决未通过").publicNote()),
  VOTE_NO_QUORUM(Text.of("表决未达法定人数").notice("表决未达法定人数").publicNote()),
  LAPSED(Text.of("多轮表决未达法定人数，议题终止").notice("多轮表决未达法定人数，议题终止").publicNote()),
  LISTED(Text.of("已列入协商事项清单").notice("已列入协商事项清单").publicNote()),
  EXECUTED(Text.of("已办理完成").notice("已办理完成").publicNote()),
  PUBLISHED(Text.of("办理结果和评价已公示").notice("办理结果和评价已公示").publicNote());

  private final Text text;

  ConsultationEvent(Text text) {
    this.text = text;
  }

  @Override
  public Text text() {
    return text;
  }
}
