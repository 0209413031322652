package io.linli.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Residents reporting grievances through whichever node answers: request {@code i} goes to node
 * {@code i mod 2}; a refusal to retry (409 in progress, 429, 5xx) or no answer at all (connection
 * refused, reset, timeout) is retried on the other node with the same {@code Idempotency-Key} until
 * a 201 or the per-request deadline. Each description carries the run id and {@code #i}, so the
 * checks can find every case a request created.
 */
final class IntakeLoad {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What request {@code i} got in the end. */
  record Outcome(String caseNo, int attempts, boolean replayed, int finalStatus) {}

  final String runId;
  final int total;
  private final List<LinliNode> nodes;
  private final int concurrency;
  private final double rate;
  private final Duration requestDeadline;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  final AtomicReferenceArray<Outcome> outcomes;
  final AtomicInteger acknowledged = new AtomicInteger();
  final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();

  IntakeLoad(
      String runId,
      int total,
      List<LinliNode> nodes,
      int concurrency,
      double rate,
      Duration requestDeadline) {
    this.runId = runId;
    this.total = total;
    this.nodes = nodes;
    this.concurrency = concurrency;
    this.rate = rate;
    this.requestDeadline = requestDeadline;
    this.outcomes = new AtomicReferenceArray<>(total);
  }

  static String description(String runId, int i) {
    return "故障测试 " + runId + " #" + i + "：小区垃圾清运不及时";
  }

  /** Runs every request; returns when all have an outcome. */
  void run() throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    long t0 = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    for (int w = 0; w < concurrency; w++) {
      pool.execute(
          () -> {
            for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
              if (rate > 0) {
                long due = t0 + (long) (i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                  try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              }
              outcomes.set(i, send(i));
            }
          });
    }
    pool.shutdown();
    if (!pool.awaitTermination(2, TimeUnit.HOURS)) throw new IllegalStateException("load stuck");
  }

  private Outcome send(int i) {
    String body;
    try {
      body =
          JSON.writeValueAsString(
              Map.of(
                  "communityCode",
                  "tfsq",
                  "estateCode",
                  "dtsz",
                  "buildingCode",
                  "b3",
                  "category",
                  "ENVIRONMENT",
                  "description",
                  description(runId, i),
                  "contactName",
                  "测试居民",
                  "contactPhone",
                  String.format("139%08d", i),
                  "notifyBy",
                  List.of("SMS")));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    String key = runId + "-" + i;
    long deadline = System.nanoTime() + requestDeadline.toNanos();
    int status = 0;
    for (int attempt = 0; System.nanoTime() < deadline; attempt++) {
      LinliNode node = nodes.get((i + attempt) % nodes.size());
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create(node.url() + "/api/grievances"))
                    .timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        status = r.statusCode();
        count(Integer.toString(status));
        if (status == 201) {
          acknowledged.incrementAndGet();
          boolean replayed =
              r.headers().firstValue("Idempotent-Replayed").map("true"::equals).orElse(false);
          return new Outcome(
              JSON.readTree(r.body()).get("caseNo").asText(), attempt + 1, replayed, 201);
        }
        if (status / 100 == 4 && status != 409 && status != 429) {
          return new Outcome(null, attempt + 1, false, status); // a refusal no retry changes
        }
      } catch (IOException e) {
        count(e.getClass().getSimpleName());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      try {
        Thread.sleep(Math.min(200L * (attempt + 1), 2000L));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return new Outcome(null, -1, false, status);
  }

  private void count(String answer) {
    answers.computeIfAbsent(answer, k -> new AtomicInteger()).incrementAndGet();
  }
}
