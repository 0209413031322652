package io.linli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The benchmark, in one run: (a) intake, (b) task completion at two sizes, (e) the Tasklist
 * queries, (c) escalation, (d) the supervision queries over a year of history. Writes {@code
 * results/bench-<time>.json} and {@code .md} (and {@code latest.*}); see bench/README.md.
 */
public final class Bench {

  private static final Logger log = LoggerFactory.getLogger(Bench.class);

  private Bench() {}

  public static void main(String[] args) throws Exception {
    Path written = run(BenchConfig.fromSystemProperties());
    log.info("results: {}", written);
    System.exit(0); // the app's non-daemon threads (job executor, Tomcat) are closed; don't wait
  }

  /**
   * @return the Markdown results file
   */
  static Path run(BenchConfig config) throws Exception {
    Map<String, Object> results = new LinkedHashMap<>();
    Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    results.put("started", started.toString());
    results.put("config", config.toMap());
    results.put("machineAtStart", Machine.snapshot());
    Machine.watchHeap();
    long t0 = System.nanoTime();
    try (Sut sut = new Sut(config)) {
      results.put("startupSeconds", Stats.round((System.nanoTime() - t0) / 1e9));
      results.put("settings", Machine.settings(sut));
      Fill fill = new Fill(sut);
      Map<String, Object> timings = new LinkedHashMap<>();
      results.put("phaseSeconds", timings);

      long t = System.nanoTime();
      if (config.runs('a')) {
        log.info("(a) intake");
        results.put("a_intake", new IntakeBench(sut).run());
        timings.put("a", secs(t));
      }

      t = System.nanoTime();
      if (config.runs('b') || config.runs('c') || config.runs('e')) {
        log.info("(b) fill to {} open tasks", config.openSmall());
        results.put("fill_small", fill.to(config.openSmall()));
        log.info("(b) completion at {}", sut.openTasks());
        CompletionBench completion = new CompletionBench(sut);
        Map<String, Object> small = config.runs('b') ? completion.run(sut.openTasks()) : null;
        log.info("(b) fill to {} open tasks", config.openLarge());
        results.put(
            "fill_large",
            config.copyFill()
                ? new CloneFill(sut).to(config.openLarge())
                : fill.to(config.openLarge()));
        log.info("(b) completion at {}", sut.openTasks());
        if (config.runs('b')) {
          results.put("b_completion", completionSummary(small, completion.run(sut.openTasks())));
          timings.put("b", secs(t));
        }
      }

      t = System.nanoTime();
      if (config.runs('e')) {
        log.info("(e) Tasklist queries at {}", sut.openTasks());
        results.put("e_tasklist", new TasklistBench(sut).run(sut.openTasks()));
        timings.put("e", secs(t));
      }

      t = System.nanoTime();
      if (config.runs('c')) {
        results.put("c_escalation", escalation(sut, fill));
        timings.put("c", secs(t));
      }

      t = System.nanoTime();
      if (config.runs('d')) {
        log.info("(d) {} historic cases", config.historicCases());
        results.put("d_supervision", new HistoricBench(sut).run());
        timings.put("d", secs(t));
      }

      results.put("machineAtEnd", Machine.snapshot());
      results.put("memory", Machine.memory());
    }
    results.put("totalSeconds", secs(t0));
    return Report.write(config.resultsDir(), started, results);
  }

  private static Map<String, Object> escalation(Sut sut, Fill fill) throws Exception {
    try {
      EscalationBench escalation = new EscalationBench(sut, fill);
      log.info("(c) burst of {} clocks", sut.config.burst());
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("burst", escalation.burst());
      log.info(
          "(c) steady {} per second for {} s", sut.config.steadyRate(), sut.config.steadySeconds());
      c.put("steady", escalation.steady());
      return c;
    } finally {
      ClockUtil.reset();
    }
  }

  private static Map<String, Object> completionSummary(
      Map<String, Object> small, Map<String, Object> large) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("small", small);
    m.put("large", large);
    double linliRatio = rate(large, "linli") / rate(small, "linli");
    double rawRatio = rate(large, "raw") / rate(small, "raw");
    m.put("linliLargeOverSmall", Math.round(linliRatio * 100) / 100.0);
    m.put("rawLargeOverSmall", Math.round(rawRatio * 100) / 100.0);
    m.put("targetMet", linliRatio >= 0.9);
    return m;
  }

  @SuppressWarnings("unchecked")
  private static double rate(Map<String, Object> run, String path) {
    return ((Number) ((Map<String, Object>) run.get(path)).get("perSecond")).doubleValue();
  }

  private static double secs(long since) {
    return Stats.round((System.nanoTime() - since) / 1e9);
  }

  static ObjectMapper json() {
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  }

  static void writeString(Path file, String s) throws java.io.IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, s);
  }
}
