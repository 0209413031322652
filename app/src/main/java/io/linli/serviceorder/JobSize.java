package io.linli.serviceorder;

/** The on-site assessment (seed 001, "52022"): a small problem, or a special or complex one. */
public enum JobSize {
  SMALL("小问题"),
  COMPLEX("特殊复杂问题");

  private final String label;

  JobSize(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
