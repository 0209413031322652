package io.linli.sla;

import io.linli.calendar.Counting;
import io.linli.calendar.WorkingCalendar;
import io.linli.system.Times;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The one SLA policy: every duration of every clock, read once at start from {@code
 * linli.sla.<key>} (ISO-8601, relaxed binding, so an environment variable {@code LINLI_SLA_...}
 * works too) with the seed default its declarer gives ({@link SlaDeclarations}), and how it counts,
 * from {@code linli.sla.counting.<key>} ({@code wall-clock}, {@code working-days}, {@code
 * working-hours}) with the declared default. It knows no flow: flows ask by key, through their own
 * small deadline beans that the models call, so the timer, the task's due date, the ledger's due
 * time and the resident's countdown are one instant computed here. "Now" is the engine clock, so
 * tests move time with {@link ClockUtil}.
 *
 * <p>Working days and hours are the community's ({@link WorkingCalendar}): the community is the
 * {@code communityCode} variable of the execution the engine is evaluating, when there is one, else
 * the national schedule with the default working hours.
 */
@Component("slaPolicy")
public class SlaPolicy {

  /** The process variable naming a case's community, as every flow sets it. */
  static final String COMMUNITY_VARIABLE = "communityCode";

  private final Map<String, Duration> durations;
  private final Map<String, Counting> counting;
  private final WorkingCalendar calendar;

  @Autowired
  SlaPolicy(List<SlaDeclarations> declarations, Environment env, WorkingCalendar calendar) {
    this(declarations, Binder.get(env), calendar);
  }

  /**
   * The policy over {@code declarations} as {@code binder} configures them, on the shipped national
   * calendar (unit tests).
   */
  public SlaPolicy(List<SlaDeclarations> declarations, Binder binder) {
    this(declarations, binder, WorkingCalendar.shipped());
  }

  public SlaPolicy(List<SlaDeclarations> declarations, Binder binder, WorkingCalendar calendar) {
    this.durations = Collections.unmodifiableMap(resolve(declarations, binder));
    this.counting =
        Collections.unmodifiableMap(resolveCounting(declarations, binder, durations.keySet()));
    this.calendar = calendar;
  }

  static Map<String, Duration> resolve(List<SlaDeclarations> declarations, Binder binder) {
    Map<String, Duration> seeds = new LinkedHashMap<>();
    for (SlaDeclarations d : declarations) {
      d.clocks().forEach(c -> c.settings().forEach((k, v) -> declare(seeds, k, v)));
      d.settings().forEach((k, v) -> declare(seeds, k, v));
    }
    Map<String, Duration> resolved = new LinkedHashMap<>();
    seeds.forEach(
        (key, seed) -> {
          Duration d = binder.bind("linli.sla." + key, Duration.class).orElse(seed);
          if (d.isNegative() || d.isZero()) {
            throw new IllegalStateException(
                "linli.sla." + key + " must be a positive duration, not " + d);
          }
          resolved.put(key, d);
        });
    return resolved;
  }

  static Map<String, Counting> resolveCounting(
      List<SlaDeclarations> declarations, Binder binder, Set<String> keys) {
    Map<String, Counting> declared = new LinkedHashMap<>();
    for (SlaDeclarations d : declarations) {
      d.counting()
          .forEach(
              (key, c) -> {
                if (!keys.contains(key)) {
                  throw new IllegalStateException(
                      "counting declared for linli.sla." + key + ", which has no duration");
                }
                Counting before = declared.putIfAbsent(key, c);
                if (before != null && before != c) {
                  throw new IllegalStateException(
                      "linli.sla." + key + " is declared twice with different counting");
                }
              });
    }
    Map<String, Counting> resolved = new LinkedHashMap<>();
    for (String key : keys) {
      resolved.put(
          key,
          binder
              .bind("linli.sla.counting." + key, Counting.class)
              .orElse(declared.getOrDefault(key, Counting.WALL_CLOCK)));
    }
    return resolved;
  }

  private static void declare(Map<String, Duration> seeds, String key, Duration seed) {
    Duration before = seeds.putIfAbsent(key, seed);
    if (before != null && !before.equals(seed)) {
      throw new IllegalStateException(
          "linli.sla." + key + " is declared twice with different defaults");
    }
  }

  /** The configured duration of {@code key}; an undeclared key is a programming error. */
  public Duration duration(String key) {
    Duration d = durations.get(key);
    if (d == null)
      throw new IllegalArgumentException("no SLA duration declared as linli.sla." + key);
    return d;
  }

  /** How {@code key}'s duration counts. */
  public Counting counting(String key) {
    duration(key);
    return counting.get(key);
  }

  /** Every declared key, in declaration order. */
  public Set<String> keys() {
    return durations.keySet();
  }

  /** {@code key}'s duration counted from {@code from}, in the current execution's community. */
  public Date due(String key, Date from) {
    return Date.from(due(key, from.toInstant(), currentCommunity()));
  }

  /**
   * {@code key}'s duration counted from {@code from} in {@code community} (null: national, default
   * hours).
   */
  public Instant due(String key, Instant from, String community) {
    return calendar.plus(from, duration(key), counting(key), community);
  }

  /** A duration counted as {@code counting} says from {@code from} in {@code community}. */
  public Instant plus(Instant from, Duration length, Counting counting, String community) {
    return calendar.plus(from, length, counting, community);
  }

  /** {@code key}'s duration counted from now. */
  public Date dueFromNow(String key) {
    return Date.from(latest(key));
  }

  /** The latest instant {@code key} allows from now (a commitment, a meeting). */
  public Instant latest(String key) {
    return due(key, now(), currentCommunity());
  }

  public Instant now() {
    return Times.now();
  }

  /**
   * The community of the execution the engine is evaluating an expression or listener for, if any.
   */
  static String currentCommunity() {
    if (!(Context.getCoreExecutionContext() instanceof BpmnExecutionContext context)
        || context.getExecution() == null) {
      return null;
    }
    return context.getExecution().getVariable(COMMUNITY_VARIABLE) instanceof String s ? s : null;
  }
}
