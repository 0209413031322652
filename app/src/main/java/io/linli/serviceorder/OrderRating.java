package io.linli.serviceorder;

/** The resident's rating of a finished service order (评价). NONE: the window passed without one. */
public enum OrderRating {
  SATISFIED("满意"),
  BASICALLY_SATISFIED("基本满意"),
  DISSATISFIED("不满意"),
  NONE("未评价");

  private final String label;

  OrderRating(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
