package io.linli.grievance;

/** Where a grievance stands, as a resident reads it. */
public enum GrievanceStatus {
  TRIAGE("待分流"),
  HANDLING("处置中"),
  RESOLVING("办理中"),
  RECTIFYING("整改中"),
  AWAITING_RATING("待评价"),
  REWORK("返工处置中"),
  FOLLOW_UP("待回访"),
  CLOSED("已结案"),
  /** Merged at 分流定级 into another open grievance about the same problem, which it follows. */
  MERGED("已合并办理");

  private final String label;

  GrievanceStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
