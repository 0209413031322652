package io.linli.grievance;

import io.linli.caselog.CaseEventKind;

/**
 * What the grievance flow writes into a case's log (the shared kinds are CommonEvent's). Only the
 * notes the system writes (the channel, the tier) are public.
 */
public enum GrievanceEvent implements CaseEventKind {
  RECEIVED(Text.of("已受理").notice("已受理，我们会尽快分流处理").publicNote()),
  TIER_SET(Text.of("已分流定级").noticeQuotingNote("已分流定级").publicNote()),
  RESPONDED(Text.of("已响应").notice("已有工作人员响应")),
  PLAN_COMMITTED(Text.of("已承诺整改措施和时限").notice("已承诺整改措施和整改时限")),
  /** Merged into the original (the note is its case number): the resident follows that case. */
  MERGED(Text.of("已与同一问题的诉求合并办理").noticeQuotingNote("已与同一问题的诉求合并办理，进展将一并告知").publicNote()),
  /** A step of the original this case was merged into (the note is the step's label). */
  ORIGINAL_PROGRESS(Text.of("合并办理的诉求有新进展").noticeQuotingNote("合并办理的诉求有新进展").publicNote()),
  /** 退单: a handler returns the case to 分流定级, with a reason (staff-internal, no notice). */
  RETURNED(Text.of("已退回重新分流")) {
    @Override
    public boolean move() {
      return true;
    }
  },
  /** 转单: a handler hands the case to another team or company of the community, with a reason. */
  TRANSFERRED(Text.of("已转交其他处置单位")) {
    @Override
    public boolean move() {
      return true;
    }
  };

  private final Text text;

  GrievanceEvent(Text text) {
    this.text = text;
  }

  @Override
  public Text text() {
    return text;
  }
}
