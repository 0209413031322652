package io.linli.grievance;

/** How a grievance came in. PHONE and WALK_IN are entered by staff on the resident's behalf. */
public enum Channel {
  WEB("网页"),
  QR("扫码"),
  API("接口"),
  PHONE("电话（工作人员代登记）"),
  WALK_IN("窗口（工作人员代登记）");

  private final String label;

  Channel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean staffEntered() {
    return this == PHONE || this == WALK_IN;
  }
}
