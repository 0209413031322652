package io.linli.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One Linli node of the fault test: {@code java -jar linli-app.jar} in the {@code postgres} profile
 * as a child process of the test JVM, with its own port and log file. Every process started here is
 * registered, and a JVM shutdown hook kills what is still running however the test ends.
 */
final class LinliNode {

  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly)));
  }

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  final String name;
  final int port;
  final Path log;
  private final List<String> command;
  private final Map<String, String> env;
  private volatile Process process;
  volatile Instant startedAt;

  LinliNode(String name, int port, Path log, List<String> command, Map<String, String> env) {
    this.name = name;
    this.port = port;
    this.log = log;
    this.command = command;
    this.env = env;
  }

  String url() {
    return "http://localhost:" + port;
  }

  synchronized void start() throws IOException {
    List<String> cmd = new ArrayList<>(command);
    cmd.add("--server.port=" + port);
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().putAll(env);
    Files.writeString(
        log,
        "%n==== %s started at %s%n".formatted(name, Instant.now()),
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
    startedAt = Instant.now();
    process = pb.start();
    RUNNING.add(process);
  }

  /** kill -9: no shutdown hook, no graceful anything. */
  synchronized void kill() throws InterruptedException {
    Process p = process;
    p.destroyForcibly();
    p.waitFor(30, TimeUnit.SECONDS);
    RUNNING.remove(p);
  }

  /** SIGTERM, then waits for the JVM to exit; returns its exit code. */
  synchronized int stopGracefully(Duration timeout) throws InterruptedException {
    Process p = process;
    p.destroy();
    if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      p.destroyForcibly();
      p.waitFor(30, TimeUnit.SECONDS);
      RUNNING.remove(p);
      throw new IllegalStateException(name + " did not stop within " + timeout);
    }
    RUNNING.remove(p);
    return p.exitValue();
  }

  void destroy() {
    Process p = process;
    if (p != null && p.isAlive()) p.destroyForcibly();
    if (p != null) RUNNING.remove(p);
  }

  boolean alive() {
    Process p = process;
    return p != null && p.isAlive();
  }

  /** The load balancer's question: {@code /actuator/health/readiness} answers 200. */
  boolean ready() {
    try {
      HttpResponse<Void> r =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness"))
                  .timeout(Duration.ofSeconds(5))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return r.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The lock owner of this node's current start, as it logs it ({@code JobLockOwner}). */
  String lockOwner() throws IOException {
    String marker = "this node's job locks are named ";
    List<String> lines = Files.readAllLines(log);
    for (int i = lines.size() - 1; i >= 0; i--) {
      int at = lines.get(i).indexOf(marker);
      if (at >= 0) return lines.get(i).substring(at + marker.length()).strip();
    }
    throw new IllegalStateException(name + " logged no lock owner");
  }

  /** Waits until ready; fails early, with the log's tail, when the process died. */
  Duration awaitReady(Duration timeout) throws Exception {
    Instant from = Instant.now();
    Instant deadline = from.plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!alive()) {
        throw new IllegalStateException(name + " exited while starting:\n" + tail(60));
      }
      if (ready()) return Duration.between(from, Instant.now());
      Thread.sleep(500);
    }
    throw new IllegalStateException(name + " not ready within " + timeout + ":\n" + tail(60));
  }

  String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }
}
