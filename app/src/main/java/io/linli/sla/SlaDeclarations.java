package io.linli.sla;

import io.linli.calendar.Counting;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Whoever runs on SLA durations declares them here, with the seed defaults: every flow (its clocks
 * and its other windows) and the escalation (its 督办 levels). {@link SlaPolicy} reads each key from
 * {@code linli.sla.<key>} and falls back to the declared default; how each counts (round the clock,
 * working days, working hours) from {@code linli.sla.counting.<key>}, else {@link #counting()}.
 */
public interface SlaDeclarations {

  /** The clocks the ledger records, in the order residents and supervisors read them. */
  default List<ClockSpec> clocks() {
    return List.of();
  }

  /**
   * Durations that are not a clock of their own (a rating window, the latest commitment allowed).
   */
  default Map<String, Duration> settings() {
    return Map.of();
  }

  /**
   * How the declared durations count by default, by key; a key not named here runs round the clock
   * ({@link Counting#WALL_CLOCK}). {@code linli.sla.counting.<key>} overrides it.
   */
  default Map<String, Counting> counting() {
    return Map.of();
  }
}
