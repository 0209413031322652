package io.linli.sla;

/** The clocks the SLA policy runs; the ledger names them by {@link #name()}. */
public enum Clock {
  GRIEVANCE_RESPOND("诉求响应时限"),
  GRIEVANCE_RESOLVE("诉求办结时限"),
  GRIEVANCE_COMMITTED("承诺整改时限"),
  GRIEVANCE_REWORK("返工处置时限"),
  GRIEVANCE_FOLLOW_UP("党小组回访时限"),
  SERVICE_ORDER_DISPATCH("物业派单时限"),
  SERVICE_ORDER_ACCEPT("接单时限"),
  SERVICE_ORDER_ARRIVE("接单后到场时限"),
  SERVICE_ORDER_SMALL_FIX("小问题解决时限"),
  SERVICE_ORDER_PLAN("复杂问题解决方案时限"),
  SERVICE_ORDER_REPLY("复杂问题答复居民时限"),
  SERVICE_ORDER_COMMITTED("方案承诺完工时限"),
  SERVICE_ORDER_FOLLOW_UP("服务单党小组回访时限"),
  CONSULTATION_REVIEW("议题审核时限"),
  CONSULTATION_EXECUTION("协商事项办理时限"),
  CONSULTATION_REWORK("协商事项整改时限");

  private final String label;

  Clock(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
