package io.linli.supervision;

import java.time.Instant;

/**
 * What residents paid for paid services in an estate (服务单), for the income half of 双晒: a flow that
 * takes payments implements it in its own package, the report adds up every implementation.
 */
public interface EstateIncome {

  /**
   * @param count the paid cases
   * @param paidFen what residents paid
   * @param feeFen the service centre's fee out of it, half up to the fen
   */
  record Income(long count, long paidFen, long feeFen) {}

  /** What residents call these cases in the report, e.g. 服务单. */
  String label();

  /** The cases of the estate completed in [from, to) and paid for. */
  Income of(long estateId, Instant from, Instant to);
}
