package io.linli.consultation;

/** The three kinds of the 协商事项清单 (seed 004, 嘉祥). */
public enum TopicCategory {
  PUBLIC_FACILITY("公共设施"),
  PROPERTY_MANAGEMENT("物业管理"),
  SUPPORTING_FACILITY("配套设施");

  private final String label;

  TopicCategory(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
