package io.linli.grievance;

/** The three tiers of seed 002 (温江 地铁首座). */
public enum Tier {
  GENERAL("一般问题"),
  MEDIUM("中等问题"),
  DIFFICULT("疑难问题");

  private final String label;

  Tier(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
