package io.linli.bench;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** Runs {@code total} operations from {@code clients} threads and times each one. */
final class Load {

  interface Op {
    void run(int i) throws Exception;
  }

  /** The latencies of the last run, in completion order (for merging rounds). */
  record Result(Stats stats, long[] nanos) {}

  private Load() {}

  /**
   * Open-loop load: {@code total} operations arriving at a fixed {@code perSecond}, whether or not
   * earlier ones have finished (as residents do), each on a thread of its own pool. A latency
   * counts from the operation's scheduled arrival, so a stall shows up in every operation that
   * arrived during it (no coordinated omission).
   */
  static Result openLoop(String name, double perSecond, int total, Op op) {
    long[] nanos = new long[total];
    AtomicInteger done = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    AtomicReference<String> firstError = new AtomicReference<>();
    ExecutorService pool = Executors.newCachedThreadPool();
    long interval = Math.round(1e9 / perSecond);
    long start = System.nanoTime();
    for (int k = 0; k < total; k++) {
      long due = start + k * interval;
      long wait;
      while ((wait = due - System.nanoTime()) > 0) {
        java.util.concurrent.locks.LockSupport.parkNanos(wait);
      }
      int i = k;
      pool.execute(() -> timed(op, i, due, nanos, done, errors, firstError));
    }
    return finish(name, pool, start, nanos, done, errors, firstError);
  }

  static Result run(String name, int clients, int total, Op op) {
    long[] nanos = new long[total];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    AtomicReference<String> firstError = new AtomicReference<>();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      pool.execute(
          () -> {
            int i;
            while ((i = next.getAndIncrement()) < total) {
              timed(op, i, System.nanoTime(), nanos, done, errors, firstError);
            }
          });
    }
    return finish(name, pool, start, nanos, done, errors, firstError);
  }

  /** Runs one operation and records its latency since {@code since}, or its error. */
  private static void timed(
      Op op,
      int i,
      long since,
      long[] nanos,
      AtomicInteger done,
      AtomicInteger errors,
      AtomicReference<String> firstError) {
    try {
      op.run(i);
      long t = System.nanoTime() - since;
      synchronized (nanos) {
        nanos[done.getAndIncrement()] = t;
      }
    } catch (Exception | AssertionError e) {
      errors.incrementAndGet();
      firstError.compareAndSet(null, String.valueOf(e));
    }
  }

  private static Result finish(
      String name,
      ExecutorService pool,
      long start,
      long[] nanos,
      AtomicInteger done,
      AtomicInteger errors,
      AtomicReference<String> firstError) {
    pool.shutdown();
    try {
      if (!pool.awaitTermination(6, TimeUnit.HOURS))
        throw new IllegalStateException(name + " timed out");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    int n = done.get();
    long[] copy = java.util.Arrays.copyOf(nanos, n);
    return new Result(Stats.of(name, copy, n, errors.get(), seconds, firstError.get()), copy);
  }
}
