package io.linli.grievance;

/** The resident's rating (评价). NONE: the window passed without one. */
public enum Rating {
  SATISFIED("满意"),
  BASICALLY_SATISFIED("基本满意"),
  DISSATISFIED("不满意"),
  NONE("未评价");

  private final String label;

  Rating(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
