package io.linli.sla;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A clock a flow declares: its ledger id, the name supervisors read, the durations it runs on (the
 * key under {@code linli.sla.} with the seed default; a clock whose length depends on a tier has
 * one key per tier) and what it counts for in the rates.
 *
 * @param id the ledger's name of the clock, upper case with the flow's prefix
 * @param label 中文名, as supervisors and the 督办 form read it
 * @param settings configuration key (relative to {@code linli.sla.}, kebab-case) → seed default
 * @param counts what the clock counts for in the supervision rates
 * @param internal a clock of the office's own follow-up (党小组回访), not shown to residents
 */
public record ClockSpec(
    String id, String label, Map<String, Duration> settings, Set<Counts> counts, boolean internal) {

  /** What a clock counts for in the supervision rates. */
  public enum Counts {
    /** a breach or a late stop makes the case's closure late (按时办结率) */
    HANDLING,
    /** its first stop is the case's response (响应用时) */
    RESPONSE,
    /** it runs on a deadline staff committed to (整改率) */
    COMMITMENT
  }

  public ClockSpec {
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    counts = Set.copyOf(counts);
  }

  /** A clock with one duration. */
  public static ClockSpec of(String id, String label, String key, Duration seed, Counts... counts) {
    return new ClockSpec(id, label, Map.of(key, seed), Set.of(counts), false);
  }

  /** A clock whose due time is set by staff (a committed deadline): no duration of its own. */
  public static ClockSpec committed(String id, String label, Counts... counts) {
    return new ClockSpec(id, label, Map.of(), Set.of(counts), false);
  }

  /** A clock of the office's own follow-up, escalated like any other but not shown to residents. */
  public static ClockSpec internal(String id, String label, String key, Duration seed) {
    return new ClockSpec(id, label, Map.of(key, seed), Set.of(), true);
  }
}
