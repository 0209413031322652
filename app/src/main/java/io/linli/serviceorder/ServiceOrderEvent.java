package io.linli.serviceorder;

import io.linli.caselog.CaseEventKind;

/**
 * What the service-order flow writes into an order's log (群众点单—物业派单—机构（个人）接单—党小组回访). Only the
 * order's note (the item) is public.
 */
public enum ServiceOrderEvent implements CaseEventKind {
  ORDERED(Text.of("已下单").notice("已下单，物业服务中心将尽快派单").publicNote()),
  DISPATCHED(Text.of("已派单").notice("已派单")),
  ACCEPTED(Text.of("已接单").notice("已有师傅接单")),
  ARRIVED(Text.of("师傅已到场").notice("师傅已到场")),
  ASSESSED(Text.of("已现场评估")),
  QUOTED(Text.of("已报价").notice("已报价，请查看并决定是否接受")),
  PLAN_MADE(Text.of("已形成解决方案").notice("已形成解决方案")),
  REPLIED(Text.of("已答复居民").notice("已答复您，请查看解决方案和完成时限")),
  QUOTE_ACCEPTED(Text.of("居民已接受报价")),
  QUOTE_DECLINED(Text.of("居民未接受报价，服务单终止").notice("因未接受报价已终止")),
  WORK_DONE(Text.of("已完工，请居民确认").notice("已完工，请确认")),
  COMPLETED(Text.of("居民已确认完工").notice("已确认完工")),
  PAID(Text.of("已付款")),
  REWORK_DONE(Text.of("已返工处置")),
  /** 回访不满意: the party group's visit found the resident dissatisfied; one more round. */
  REOPENED(Text.of("回访不满意，重新处置").notice("党小组回访时您表示不满意，已重新安排处置")),
  /** 拒单: the contractor declines the order, which goes back to 物业派单 (staff-internal). */
  DECLINED(Text.of("接单机构拒单，重新派单")) {
    @Override
    public boolean move() {
      return true;
    }
  };

  private final Text text;

  ServiceOrderEvent(Text text) {
    this.text = text;
  }

  @Override
  public Text text() {
    return text;
  }
}
