package io.linli.consultation;

/** A building representative's vote. */
public enum VoteChoice {
  AGREE("同意"),
  DISAGREE("不同意"),
  ABSTAIN("弃权");

  private final String label;

  VoteChoice(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
