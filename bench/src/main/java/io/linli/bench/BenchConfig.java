package io.linli.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sizes and switches, from system properties ({@code -Dbench.open-large=100000}); the defaults are
 * the target sizes, {@code -Dbench.quick=true} shrinks every one for a run of a few minutes.
 */
record BenchConfig(
    boolean quick,
    String parts,
    boolean copyFill,
    int clients,
    int fillThreads,
    int communities,
    int intakeWarmup,
    int intakeCount,
    int intakeRate,
    int intakeSeconds,
    int openSmall,
    int openLarge,
    int completeWarmup,
    int completeCount,
    int queryWarmup,
    int queryRepeats,
    int burst,
    int steadyRate,
    int steadySeconds,
    int escalationTimeoutSeconds,
    int historicCases,
    int httpPort,
    int pgPort,
    Path dataDir,
    Path resultsDir,
    boolean durable,
    Path plansDir) {

  static BenchConfig fromSystemProperties() {
    boolean quick = Boolean.getBoolean("bench.quick");
    return new BenchConfig(
        quick,
        System.getProperty("bench.parts", "abcde"),
        !"engine".equals(System.getProperty("bench.fill", "copy")),
        i("bench.clients", 8),
        i("bench.fill-threads", 8),
        i("bench.communities", 20),
        i("bench.intake-warmup", quick ? 50 : 100),
        i("bench.intake-count", quick ? 200 : 1000),
        i("bench.intake-rate", 10),
        i("bench.intake-seconds", quick ? 15 : 60),
        i("bench.open-small", quick ? 1000 : 10_000),
        i("bench.open-large", quick ? 5000 : 100_000),
        i("bench.complete-warmup", quick ? 20 : 100),
        i("bench.complete-count", quick ? 100 : 1000),
        i("bench.query-warmup", quick ? 3 : 10),
        i("bench.query-repeats", quick ? 20 : 100),
        i("bench.burst", quick ? 1000 : 10_000),
        i("bench.steady-rate", 5),
        i("bench.steady-seconds", quick ? 20 : 120),
        i("bench.escalation-timeout", 900),
        i("bench.historic-cases", quick ? 20_000 : 1_000_000),
        i("bench.http-port", 8270),
        i("bench.pg-port", 54360),
        Path.of(System.getProperty("bench.data-dir", "bench/target/pgdata")),
        Path.of(System.getProperty("bench.results-dir", "bench/results")),
        Boolean.getBoolean("bench.durable"),
        // a quick run's plans say nothing about the full size: they stay beside its results
        Path.of(
            System.getProperty(
                "bench.plans-dir",
                quick
                    ? System.getProperty("bench.results-dir", "bench/results") + "/plans"
                    : "bench/plans")));
  }

  boolean runs(char part) {
    return parts.indexOf(part) >= 0;
  }

  private static int i(String name, int dflt) {
    return Integer.getInteger(name, dflt);
  }

  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    for (var c : BenchConfig.class.getRecordComponents()) {
      try {
        m.put(c.getName(), String.valueOf(c.getAccessor().invoke(this)));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    return m;
  }
}
