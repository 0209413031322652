package io.linli.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Latency percentiles (ms) and throughput of one measured series; warm-up is never in it. */
record Stats(
    String name,
    int count,
    int errors,
    double seconds,
    double perSecond,
    double p50,
    double p95,
    double p99,
    double max,
    String firstError) {

  static Stats of(
      String name, long[] nanos, int count, int errors, double seconds, String firstError) {
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    return new Stats(
        name,
        count,
        errors,
        round(seconds),
        round(count / Math.max(seconds, 1e-9)),
        ms(pct(sorted, 0.50)),
        ms(pct(sorted, 0.95)),
        ms(pct(sorted, 0.99)),
        ms(count == 0 ? 0 : sorted[count - 1]),
        firstError);
  }

  /** Percentiles of plain millisecond values (e.g. escalation lateness). */
  static Stats ofMillis(String name, double[] millis, double seconds) {
    long[] nanos = new long[millis.length];
    for (int i = 0; i < millis.length; i++) nanos[i] = (long) (millis[i] * 1_000_000);
    return of(name, nanos, nanos.length, 0, seconds, null);
  }

  static long pct(long[] sorted, double p) {
    if (sorted.length == 0) return 0;
    int i = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  private static double ms(long nanos) {
    return round(nanos / 1_000_000.0);
  }

  static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("count", count);
    m.put("errors", errors);
    m.put("seconds", seconds);
    m.put("perSecond", perSecond);
    m.put("p50Ms", p50);
    m.put("p95Ms", p95);
    m.put("p99Ms", p99);
    m.put("maxMs", max);
    if (firstError != null) m.put("firstError", firstError);
    return m;
  }

  /** Two series measured in alternating rounds, as one. */
  static Stats merge(String name, Stats a, long[] nanosA, Stats b, long[] nanosB) {
    long[] all = new long[a.count + b.count];
    System.arraycopy(nanosA, 0, all, 0, a.count);
    System.arraycopy(nanosB, 0, all, a.count, b.count);
    return of(
        name,
        all,
        all.length,
        a.errors + b.errors,
        a.seconds + b.seconds,
        a.firstError != null ? a.firstError : b.firstError);
  }
}
