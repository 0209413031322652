package io.linli.supervision;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether an estate's books of a quarter (物业费 and spending, the income/expense half of 双晒) were
 * approved for publication by 社区党委: the package that takes the entries implements it. The public 双晒
 * report shows the books only when they were; staff see them either way.
 */
public interface ApprovedBooks {

  /** The approved entry whose figures the books now hold, and what it corrected, if anything. */
  record Approval(String entryNo, String correctsEntryNo, Instant approvedAt) {}

  /**
   * @param quarter as {@code 2026-Q2}
   */
  Optional<Approval> approved(long estateId, String quarter);
}
