package io.linli.sla;

import io.linli.system.Times;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The one SLA policy: every duration of every clock, read once at start from {@code linli.sla.<key>}
 * (ISO-8601, relaxed binding, so an environment variable {@code LINLI_SLA_...} works too) with the seed
 * default its declarer gives ({@link SlaDeclarations}). It knows no flow: flows ask by key, through
 * their own small deadline beans that the models call. "Now" is the engine clock, so tests move time
 * with {@link ClockUtil}.
 */
@Component("slaPolicy")
public class SlaPolicy {

  private final Map<String, Duration> durations;

  @Autowired
  SlaPolicy(List<SlaDeclarations> declarations, Environment env) {
    this(declarations, Binder.get(env));
  }

  /** The policy over {@code declarations} as {@code binder} configures them (unit tests). */
  public SlaPolicy(List<SlaDeclarations> declarations, Binder binder) {
    this.durations = Collections.unmodifiableMap(resolve(declarations, binder));
  }

  static Map<String, Duration> resolve(List<SlaDeclarations> declarations, Binder binder) {
    Map<String, Duration> seeds = new LinkedHashMap<>();
    for (SlaDeclarations d : declarations) {
      d.clocks().forEach(c -> c.settings().forEach((k, v) -> declare(seeds, k, v)));
      d.settings().forEach((k, v) -> declare(seeds, k, v));
    }
    Map<String, Duration> resolved = new LinkedHashMap<>();
    seeds.forEach((key, seed) -> {
      Duration d = binder.bind("linli.sla." + key, Duration.class).orElse(seed);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalStateException("linli.sla." + key + " must be a positive duration, not " + d);
      }
      resolved.put(key, d);
    });
    return resolved;
  }

  private static void declare(Map<String, Duration> seeds, String key, Duration seed) {
    Duration before = seeds.putIfAbsent(key, seed);
    if (before != null && !before.equals(seed)) {
      throw new IllegalStateException("linli.sla." + key + " is declared twice with different defaults");
    }
  }

  /** The configured duration of {@code key}; an undeclared key is a programming error. */
  public Duration duration(String key) {
    Duration d = durations.get(key);
    if (d == null) throw new IllegalArgumentException("no SLA duration declared as linli.sla." + key);
    return d;
  }

  /** {@code key}'s duration counted from {@code from}. */
  public Date due(String key, Date from) {
    return Date.from(from.toInstant().plus(duration(key)));
  }

  /** {@code key}'s duration counted from now. */
  public Date dueFromNow(String key) {
    return Date.from(now().plus(duration(key)));
  }

  /** The latest instant {@code key} allows from now (a commitment, a meeting). */
  public Instant latest(String key) {
    return now().plus(duration(key));
  }

  public Instant now() {
    return Times.now();
  }
}
