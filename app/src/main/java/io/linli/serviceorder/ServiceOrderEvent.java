package io.linli.serviceorder;

import io.linli.caselog.CaseEventKind;

/** What the service-order flow writes into an order's log (群众点单—物业派单—机构（个人）接单—党小组回访). */
public enum ServiceOrderEvent implements CaseEventKind {
  ORDERED("已下单", "已下单，物业服务中心将尽快派单", false),
  DISPATCHED("已派单", "已派单", false),
  ACCEPTED("已接单", "已有师傅接单", false),
  ARRIVED("师傅已到场", "师傅已到场", false),
  ASSESSED("已现场评估", null, false),
  QUOTED("已报价", "已报价，请查看并决定是否接受", false),
  PLAN_MADE("已形成解决方案", "已形成解决方案", false),
  REPLIED("已答复居民", "已答复您，请查看解决方案和完成时限", false),
  QUOTE_ACCEPTED("居民已接受报价", null, false),
  QUOTE_DECLINED("居民未接受报价，服务单终止", "因未接受报价已终止", false),
  WORK_DONE("已完工，请居民确认", "已完工，请确认", false),
  COMPLETED("居民已确认完工", "已确认完工", false),
  PAID("已付款", null, false);

  private final String label;
  private final String notice;
  private final boolean withNote;

  ServiceOrderEvent(String label, String notice, boolean withNote) {
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
    return this == ORDERED;
  }
}
