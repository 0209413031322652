package io.linli.grievance;

import io.linli.caselog.CaseEventKind;

/** What the grievance flow writes into a case's log (the shared ones are CommonEvent's). */
public enum GrievanceEvent implements CaseEventKind {
  RECEIVED("已受理", "已受理，我们会尽快分流处理", false),
  TIER_SET("已分流定级", "已分流定级", true),
  RESPONDED("已响应", "已有工作人员响应", false),
  PLAN_COMMITTED("已承诺整改措施和时限", "已承诺整改措施和整改时限", false);

  private final String label;
  private final String notice;
  private final boolean withNote;

  GrievanceEvent(String label, String notice, boolean withNote) {
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

  /** Only the notes the system writes (the channel, the tier, the item) are public. */
  @Override
  public boolean notePublic() {
    return this == RECEIVED || this == TIER_SET;
  }
}
