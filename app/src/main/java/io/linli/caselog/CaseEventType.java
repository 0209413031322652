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
  CLOSED("已结案"),
  // service orders (群众点单—物业派单—机构（个人）接单—党小组回访)
  ORDERED("已下单"),
  DISPATCHED("已派单"),
  ACCEPTED("已接单"),
  ARRIVED("师傅已到场"),
  ASSESSED("已现场评估"),
  QUOTED("已报价"),
  PLAN_MADE("已形成解决方案"),
  REPLIED("已答复居民"),
  QUOTE_ACCEPTED("居民已接受报价"),
  QUOTE_DECLINED("居民未接受报价，服务单终止"),
  WORK_DONE("已完工，请居民确认"),
  COMPLETED("居民已确认完工"),
  PAID("已付款");

  private final String label;

  CaseEventType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
