package io.linli.serviceorder;

/** Seed 000: 志愿服务+低收费服务. */
public enum Pricing {
  FREE("志愿服务（免费）"),
  LOW_FEE("低收费服务");

  private final String label;

  Pricing(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
