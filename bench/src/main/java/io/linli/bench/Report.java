package io.linli.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Writes the run's figures as JSON (everything) and Markdown (the tables bench/README.md quotes).
 */
final class Report {

  private Report() {}

  static Path write(Path dir, Instant started, Map<String, Object> r) throws Exception {
    String stamp =
        DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").withZone(ZoneOffset.UTC).format(started);
    String json = Bench.json().writeValueAsString(r);
    String md = markdown(r);
    Bench.writeString(dir.resolve("bench-" + stamp + ".json"), json);
    Bench.writeString(dir.resolve("bench-" + stamp + ".md"), md);
    Bench.writeString(dir.resolve("latest.json"), json);
    Bench.writeString(dir.resolve("latest.md"), md);
    return dir.resolve("bench-" + stamp + ".md");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o, String... path) {
    Object cur = o;
    for (String p : path) cur = cur == null ? null : ((Map<String, Object>) cur).get(p);
    return (Map<String, Object>) cur;
  }

  static Object at(Object o, String... path) {
    Object cur = o;
    for (String p : path) cur = cur instanceof Map<?, ?> m ? m.get(p) : null;
    return cur;
  }

  static String markdown(Map<String, Object> r) {
    StringBuilder s = new StringBuilder();
    Map<String, Object> start = map(r, "machineAtStart");
    Map<String, Object> end = map(r, "machineAtEnd");
    s.append("Run started ")
        .append(r.get("started"))
        .append(", took ")
        .append(r.get("totalSeconds"))
        .append(" s (app start ")
        .append(r.get("startupSeconds"))
        .append(" s; phases ")
        .append(r.get("phaseSeconds"))
        .append(").\n");
    s.append("Machine: ")
        .append(start.get("cores"))
        .append(" cores, ")
        .append(start.get("ramGiB"))
        .append(" GiB RAM, ")
        .append(start.get("java"))
        .append(", heap ≤ ")
        .append(start.get("maxHeapMiB"))
        .append(" MiB; /proc/loadavg at start `")
        .append(start.get("loadavg"))
        .append("`, at end `")
        .append(end == null ? "n/a" : end.get("loadavg"))
        .append("`.\n");
    Object mem = r.get("memory");
    s.append("Memory (driver and app in one JVM): heap ≤ ")
        .append(at(mem, "maxHeapMiB"))
        .append(" MiB, peak heap in use ")
        .append(at(mem, "peakHeapUsedMiB"))
        .append(" MiB (sampled each second); resident set at the end ")
        .append(at(mem, "rssMiB"))
        .append(" MiB, peak ")
        .append(at(mem, "peakRssMiB"))
        .append(" MiB.\n");
    s.append("Sizes: ").append(r.get("config")).append("\n\n");

    s.append("| figure | target | measured | met |\n|---|---|---|---|\n");
    Object a = r.get("a_intake");
    s.append(
        row(
            "(a) intake",
            "≥ engine's own REST start; p99 < 50 ms at a steady 10/s (open-loop)",
            "Linli "
                + at(a, "linli", "perSecond")
                + "/s vs engine "
                + at(a, "engine", "perSecond")
                + "/s (ratio "
                + at(a, "throughputRatio")
                + ", "
                + at(a, "clients")
                + " clients); at "
                + at(a, "rate")
                + "/s open-loop p99 Linli "
                + at(a, "steadyLinli", "p99Ms")
                + " ms, engine "
                + at(a, "steadyEngine", "p99Ms")
                + " ms",
            at(a, "targetMet")));
    Object b = r.get("b_completion");
    s.append(
        row(
            "(b) completion",
            "rate at 100k ≥ 90% of rate at 10k",
            "Linli "
                + at(b, "large", "linli", "perSecond")
                + "/s at "
                + at(b, "large", "openTasks")
                + " vs "
                + at(b, "small", "linli", "perSecond")
                + "/s at "
                + at(b, "small", "openTasks")
                + " open tasks ("
                + pct(at(b, "linliLargeOverSmall"))
                + "); raw TaskService "
                + at(b, "large", "raw", "perSecond")
                + "/s vs "
                + at(b, "small", "raw", "perSecond")
                + "/s ("
                + pct(at(b, "rawLargeOverSmall"))
                + ")",
            at(b, "targetMet")));
    Object c = r.get("c_escalation");
    s.append(
        row(
            "(c) burst",
            "all escalated within 60 s",
            at(c, "burst", "clocks")
                + " clocks: all escalated after "
                + at(c, "burst", "allEscalatedAfterSeconds")
                + " s; lateness p50 "
                + at(c, "burst", "latenessP50Seconds")
                + " s, p99 "
                + at(c, "burst", "latenessP99Seconds")
                + " s",
            at(c, "burst", "targetMet")));
    s.append(
        row(
            "(c) steady",
            "lateness p99 < 5 s",
            at(c, "steady", "clocks")
                + " clocks at "
                + at(c, "steady", "perSecond")
                + "/s: lateness p50 "
                + at(c, "steady", "latenessP50Seconds")
                + " s, p99 "
                + at(c, "steady", "latenessP99Seconds")
                + " s, max "
                + at(c, "steady", "latenessMaxSeconds")
                + " s",
            at(c, "steady", "targetMet")));
    Object d = r.get("d_supervision");
    s.append(
        row(
            "(d) supervision",
            "p95 < 200 ms at 1M cases; ≤ 1.5× the p95 at 100k",
            "worst p95 "
                + at(d, "worstP95Ms")
                + " ms over "
                + at(d, "historicCases")
                + " cases, "
                + at(d, "ledgerRows")
                + " ledger rows in "
                + at(d, "ledgerPartitions")
                + " partitions; worst ratio to "
                + at(d, "small", "cases")
                + " cases "
                + at(d, "worstRatio")
                + "; read model rebuilt in "
                + at(d, "rebuildSeconds")
                + " s ("
                + at(d, "small", "rebuildSeconds")
                + " s at "
                + at(d, "small", "cases")
                + ")",
            at(d, "targetMet")));
    Object e = r.get("e_tasklist");
    s.append(
        row(
            "(e) Tasklist",
            "p95 < 150 ms",
            "worst p95 " + at(e, "worstP95Ms") + " ms at " + at(e, "openTasks") + " open tasks",
            at(e, "targetMet")));

    s.append("\n| series | n | errors | per s | p50 ms | p95 ms | p99 ms | max ms |\n")
        .append("|---|---|---|---|---|---|---|---|\n");
    series(s, "(a) ", at(a, "linli"));
    series(s, "(a) ", at(a, "engine"));
    series(s, "(a) ", at(a, "steadyLinli"));
    series(s, "(a) ", at(a, "steadyEngine"));
    for (String size : List.of("small", "large")) {
      String pre = "(b) at " + at(b, size, "openTasks") + ": ";
      series(s, pre, at(b, size, "linli"));
      series(s, pre, at(b, size, "raw"));
    }
    for (String q : List.of("unclaimed", "overdueNow", "overdueBacklog")) {
      String pre = "(e) " + at(e, q, "matching") + " matching: ";
      series(s, pre, at(e, q, "firstPage"));
      series(s, pre, at(e, q, "count"));
    }
    if (d instanceof Map<?, ?> dm
        && dm.get("small") instanceof Map<?, ?> sm
        && sm.get("queries") instanceof Map<?, ?> qs) {
      for (Object q : qs.values()) series(s, "(d) ", q);
    }
    if (d instanceof Map<?, ?> dm && dm.get("queries") instanceof Map<?, ?> qs) {
      for (Object q : qs.values()) series(s, "(d) ", q);
    }
    s.append("\nFilling: to ")
        .append(at(r, "fill_small", "openTasksAfter"))
        .append(" open tasks through GrievanceIntake (")
        .append(at(r, "fill_small", "threads"))
        .append(" threads) at ")
        .append(at(r, "fill_small", "casesPerSecond"))
        .append(" cases/s");
    if (at(r, "fill_large", "casesCopied") != null) {
      s.append(", then to ")
          .append(at(r, "fill_large", "openTasksAfter"))
          .append(" by copying ")
          .append(at(r, "fill_large", "casesCopied"))
          .append(" cases (CloneFill) in ")
          .append(at(r, "fill_large", "seconds"))
          .append(" s");
    } else {
      s.append(", then to ")
          .append(at(r, "fill_large", "openTasksAfter"))
          .append(" at ")
          .append(at(r, "fill_large", "casesPerSecond"))
          .append(" cases/s (")
          .append(at(r, "fill_large", "seconds"))
          .append(" s)");
    }
    s.append(". Escalation cases through GrievanceIntake at ")
        .append(at(r, "c_escalation", "burst", "casesCreatedPerSecond"))
        .append(" cases/s. ")
        .append("Historic data (d): ")
        .append(at(d, "generateSeconds"))
        .append(" s of bulk SQL.\n");
    s.append("\nSettings: ").append(r.get("settings")).append("\n");
    return s.toString();
  }

  private static String pct(Object ratio) {
    return ratio instanceof Number n ? Math.round(n.doubleValue() * 100) + "%" : "n/a";
  }

  private static String row(String name, String target, String measured, Object met) {
    String verdict =
        Boolean.TRUE.equals(met) ? "yes" : Boolean.FALSE.equals(met) ? "**no**" : "n/a";
    return "| " + name + " | " + target + " | " + measured + " | " + verdict + " |\n";
  }

  private static void series(StringBuilder s, String prefix, Object st) {
    if (!(st instanceof Map<?, ?> m)) return;
    s.append("| ")
        .append(prefix)
        .append(m.get("name"))
        .append(" | ")
        .append(m.get("count"))
        .append(" | ")
        .append(m.get("errors"))
        .append(" | ")
        .append(m.get("perSecond"))
        .append(" | ")
        .append(m.get("p50Ms"))
        .append(" | ")
        .append(m.get("p95Ms"))
        .append(" | ")
        .append(m.get("p99Ms"))
        .append(" | ")
        .append(m.get("maxMs"))
        .append(" |\n");
    if (m.get("firstError") != null)
      s.append("| ↳ first error: ").append(m.get("firstError")).append(" | | | | | | | |\n");
  }
}
