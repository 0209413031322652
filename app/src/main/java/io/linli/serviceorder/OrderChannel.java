package io.linli.serviceorder;

/**
 * How an order came in (seed 000: 小程序、社区微信群、电话). WECHAT_GROUP, PHONE and WALK_IN are entered by the
 * property service centre on the resident's behalf.
 */
public enum OrderChannel {
  MINI_PROGRAM("小程序"),
  WEB("网页"),
  API("接口"),
  WECHAT_GROUP("社区微信群（工作人员代登记）"),
  PHONE("电话（工作人员代登记）"),
  WALK_IN("窗口（工作人员代登记）");

  private final String label;

  OrderChannel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean staffEntered() {
    return this == WECHAT_GROUP || this == PHONE || this == WALK_IN;
  }
}
