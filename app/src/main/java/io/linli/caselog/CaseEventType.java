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
  PAID("已付款"),
  // 议事协商 (a topic's history; LINKED_TO_TOPIC is written on the grievance it came from)
  PROPOSED("已提出议题"),
  LINKED_TO_TOPIC("已转为议事协商议题"),
  TOPIC_ACCEPTED("议题已受理"),
  REJECTED("议题未予受理"),
  MERGED("议题已合并"),
  MEETING_SCHEDULED("已安排议事会议"),
  VOTE_AGREED("表决通过"),
  VOTE_NOT_AGREED("表决未通过"),
  VOTE_NO_QUORUM("表决未达法定人数"),
  LAPSED("多轮表决未达法定人数，议题终止"),
  LISTED("已列入协商事项清单"),
  EXECUTED("已办理完成"),
  PUBLISHED("办理结果和评价已公示");

  private final String label;

  CaseEventType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
