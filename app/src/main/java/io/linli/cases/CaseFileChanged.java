package io.linli.cases;

/**
 * A case_file row was opened or changed (status, rating, follow-up rating, closing), published by
 * {@link CaseFiles} inside the writing transaction, so a listener's writes commit or roll back with
 * the flow's own. {@code change} says what moved.
 */
public record CaseFileChanged(String flow, long caseId, String caseNo, Change change) {

  public enum Change {
    OPENED,
    STATUS,
    CATEGORY,
    RATING,
    FOLLOW_UP_RATING,
    CLOSED
  }
}
