package io.linli.consultation;

/** The outcome of one round of the representatives' vote. */
public enum VoteOutcome {
  AGREED("通过"),
  NOT_AGREED("未通过"),
  NO_QUORUM("未达法定人数");

  private final String label;

  VoteOutcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
