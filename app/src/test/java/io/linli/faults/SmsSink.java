package io.linli.faults;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The SMS gateway of the fault test: accepts every {@code POST /sms} and counts deliveries per
 * {@code Idempotency-Key} (the outbox dedup key), so the test can tell an event delivered twice
 * under one key (a real gateway drops the second) from one event notified twice under two keys.
 */
final class SmsSink implements AutoCloseable {

  final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
  final AtomicInteger withoutKey = new AtomicInteger();
  private final HttpServer server;

  SmsSink() throws IOException {
    server = HttpServer.create(new InetSocketAddress("localhost", 0), 64);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext(
        "/sms",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
          if (key == null) {
            withoutKey.incrementAndGet();
          } else {
            deliveries.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
          }
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
  }

  String url() {
    return "http://localhost:" + server.getAddress().getPort() + "/sms";
  }

  int sent() {
    return deliveries.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
