package io.linli.serviceorder;

/** Where a service order stands, as a resident reads it. */
public enum ServiceOrderStatus {
  DISPATCHING("待派单"),
  AWAITING_ACCEPTANCE("待接单"),
  EN_ROUTE("师傅正赶往现场"),
  ASSESSING("现场评估中"),
  PLANNING("制定解决方案中"),
  REPLYING("待答复"),
  AWAITING_QUOTE_DECISION("待您确认报价"),
  WORKING("服务中"),
  AWAITING_CONFIRMATION("待您确认完工"),
  AWAITING_RATING("待您评价"),
  REWORK("返工处置中"),
  FOLLOW_UP("待回访"),
  CLOSED("已办结"),
  DECLINED("未接受报价，已终止");

  private final String label;

  ServiceOrderStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
