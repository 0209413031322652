package io.linli.consultation;

/** The party branch's review (审) of a topic. */
public enum ReviewDecision {
  ACCEPT("受理"),
  MERGE("合并到其他议题"),
  REJECT("不予受理");

  private final String label;

  ReviewDecision(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
