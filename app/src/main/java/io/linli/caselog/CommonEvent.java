package io.linli.caselog;

/**
 * The events every flow may write: supervision (督办) of a breached clock, and the steps of the
 * rating and follow-up loop that several flows share.
 */
public enum CommonEvent implements CaseEventKind {
  ESCALATED("超时，已提请督办", "处理超时，已提请督办"),
  SUPERVISED("督办意见已落实", null),
  REASSIGNED("已改派承办人", null),
  RESOLVED("已办结", "已办结"),
  ASKED_TO_RATE("请您评价", "已处理完毕，请您对处理结果进行评价"),
  RATED("已评价", null),
  NOT_RATED("评价期满未评价", null),
  REWORK("不满意，返工处置", "因您不满意，已安排返工处置"),
  FOLLOWED_UP("党小组已回访", null),
  CLOSED("已结案", "已结案，感谢您的支持");

  private final String label;
  private final String notice;

  CommonEvent(String label, String notice) {
    this.label = label;
    this.notice = notice;
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public String notice(String note) {
    return notice;
  }

  /** The 超时督办 note names the clock; the others carry what people typed. */
  @Override
  public boolean notePublic() {
    return this == ESCALATED;
  }
}
