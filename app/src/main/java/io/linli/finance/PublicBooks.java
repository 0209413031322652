package io.linli.finance;

import io.linli.supervision.ApprovedBooks;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The 收支 that residents see (公示): only what 社区党委 approved, without who entered or decided it. Tells
 * the 双晒 report whether an estate's quarter is approved ({@link ApprovedBooks}) and gives the
 * approved figures of a community's estates to the resident page's 公示.
 */
@Component
public class PublicBooks implements ApprovedBooks {

  /**
   * An estate's approved quarter: fees billed and collected, spending in total and by item (中文).
   */
  public record Published(
      String estateCode,
      String estateName,
      String quarter,
      String quarterLabel,
      String entryNo,
      String correctsEntryNo,
      Instant approvedAt,
      long billedFen,
      long collectedFen,
      long expenseFen,
      Map<String, Long> expensesByCategory) {}

  private final FinanceEntries entries;

  PublicBooks(FinanceEntries entries) {
    this.entries = entries;
  }

  @Override
  public Optional<Approval> approved(long estateId, String quarter) {
    return entries
        .published(estateId, quarter)
        .flatMap(entries::find)
        .map(e -> new Approval(e.entryNo(), e.correctsEntryNo(), e.decidedAt()));
  }

  /** The approved 收支 in force of each estate of the community for the quarter ({@code 2026-Q2}). */
  public List<Published> of(String communityCode, String quarter) {
    return entries.published(communityCode, quarter).stream()
        .map(
            p ->
                new Published(
                    p.estateCode(),
                    p.estateName(),
                    p.quarter(),
                    p.quarterLabel(),
                    p.entryNo(),
                    p.correctsEntryNo(),
                    p.approvedAt(),
                    p.billedFen(),
                    p.collectedFen(),
                    p.expenseFen(),
                    p.expensesByCategory()))
        .toList();
  }
}
