package io.linli.caselog;

/** The state changes a resident cares about (each will become one notification). */
public enum CaseEventType {
  RECEIVED("已受理"),
  TIER_SET("已分流定级"),
  RESPONDED("已响应"),
  PLAN_COMMITTED("已承诺整改措施和时限"),
  RESOLVED("已办结"),
  ESCALATED("超时，已提请督办"),
  SUPERVISED("督办意见已落实"),
  REASSIGNED("已改派承办人"),
  ASKED_TO_RATE("请您评价"),
  RATED("已评价"),
  NOT_RATED("评价期满未评价"),
  REWORK("不满意，返工处置"),
  FOLLOWED_UP("党小组已回访"),
  CLOSED("已结案");

  private final String label;

  CaseEventType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
