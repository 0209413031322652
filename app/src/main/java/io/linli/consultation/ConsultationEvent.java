package io.linli.consultation;

import io.linli.caselog.CaseEventKind;

/** What the consultation flow writes into a topic's log; LINKED_TO_TOPIC goes on the grievance a topic came from. */
public enum ConsultationEvent implements CaseEventKind {
  PROPOSED("已提出议题", "已提出，正在征集附议", false),
  LINKED_TO_TOPIC("已转为议事协商议题", null, false),
  TOPIC_ACCEPTED("议题已受理", "已受理，将安排议事", false),
  REJECTED("议题未予受理", "未予受理", true),
  MERGED("议题已合并", "已与其他议题合并", true),
  MEETING_SCHEDULED("已安排议事会议", "已安排议事会议", true),
  VOTE_AGREED("表决通过", "表决通过", false),
  VOTE_NOT_AGREED("表决未通过", "表决未通过", false),
  VOTE_NO_QUORUM("表决未达法定人数", "表决未达法定人数", false),
  LAPSED("多轮表决未达法定人数，议题终止", "多轮表决未达法定人数，议题终止", false),
  LISTED("已列入协商事项清单", "已列入协商事项清单", false),
  EXECUTED("已办理完成", "已办理完成", false),
  PUBLISHED("办理结果和评价已公示", "办理结果和评价已公示", false);

  private final String label;
  private final String notice;
  private final boolean withNote;

  ConsultationEvent(String label, String notice, boolean withNote) {
    this.label = label;
    this.notice = notice;
    this.withNote = withNote;
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public String notice(String note) {
    return CaseEventKind.notice(notice, withNote, note);
  }

  /** Topics are public deliberation: their notes (reasons, meetings, results) are public too. */
  @Override
  public boolean notePublic() {
    return true;
  }
}
