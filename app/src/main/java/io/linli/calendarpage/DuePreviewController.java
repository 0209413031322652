package io.linli.calendarpage;

import io.linli.calendar.Counting;
import io.linli.community.CommunityDirectory;
import io.linli.sla.ClockSpec;
import io.linli.sla.SlaDeclarations;
import io.linli.sla.SlaPolicy;
import io.linli.system.ApiError;
import io.linli.system.ApiError.FieldMessage;
import io.linli.system.DateTimeInput;
import io.linli.system.Times;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * When would a clock fall due? For a clock (its key under {@code linli.sla.}, e.g. {@code
 * service-order.plan}, or a clock id with one duration, e.g. {@code SERVICE_ORDER_PLAN}) or a
 * duration with a counting mode, started at {@code from} (default now) in a community: the instant
 * the SLA policy gives the timer, the task and the ledger.
 */
@RestController
@RequestMapping({"/api/sla", "/calendar/api/sla"})
class DuePreviewController {

  static final Duration LONGEST = Duration.ofDays(366);

  private final SlaPolicy policy;
  private final List<SlaDeclarations> declarations;
  private final CommunityDirectory directory;

  DuePreviewController(
      SlaPolicy policy, List<SlaDeclarations> declarations, CommunityDirectory directory) {
    this.policy = policy;
    this.declarations = declarations;
    this.directory = directory;
  }

  /**
   * @param duration ISO-8601, e.g. {@code P2D}
   */
  record Preview(
      String clock,
      String duration,
      String lengthLabel,
      String counting,
      String countingLabel,
      String community,
      Instant from,
      Instant due,
      String fromLabel,
      String dueLabel) {}

  /**
   * @param label the clock's Chinese name when the key is a clock's, else null (a window, a limit)
   * @param lengthLabel e.g. 2个工作日, 4小时, 5分钟
   */
  record Clock(
      String key,
      String label,
      String duration,
      String lengthLabel,
      String counting,
      String countingLabel) {}

  /** Every declared duration with how it counts, as configured. */
  @GetMapping("/clocks")
  List<Clock> clocks() {
    java.util.Map<String, String> labels = new java.util.HashMap<>();
    declarations.forEach(
        d ->
            d.clocks()
                .forEach(
                    c -> c.settings().keySet().forEach(k -> labels.putIfAbsent(k, c.label()))));
    return policy.keys().stream()
        .map(
            k ->
                new Clock(
                    k,
                    labels.get(k),
                    policy.duration(k).toString(),
                    lengthLabel(policy.duration(k), policy.counting(k)),
                    policy.counting(k).name(),
                    policy.counting(k).label()))
        .toList();
  }

  /** A length as staff read it: 2个工作日, 16个工作小时, 4小时, 20分钟. */
  static String lengthLabel(Duration d, Counting counting) {
    long seconds = d.toSeconds();
    // a wall-clock day is written in hours below two days, as the seeds write "24小时"
    String plain =
        seconds % 86_400 == 0 && d.toDays() >= 2 && counting == Counting.WALL_CLOCK
            ? d.toDays() + "天"
            : seconds % 3_600 == 0
                ? d.toHours() + "小时"
                : seconds % 60 == 0 ? d.toMinutes() + "分钟" : seconds + "秒";
    return switch (counting) {
      case WALL_CLOCK -> plain;
      case WORKING_DAYS -> seconds % 86_400 == 0 ? d.toDays() + "个工作日" : plain + "（只计工作日）";
      case WORKING_HOURS -> plain + "（只计工作时间）";
    };
  }

  @GetMapping("/due-preview")
  Preview preview(
      @RequestParam(required = false) String clock,
      @RequestParam(required = false) String duration,
      @RequestParam(required = false) String counting,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String community) {
    List<FieldMessage> errors = new ArrayList<>();
    Instant start =
        from == null || from.isBlank() ? policy.now() : DateTimeInput.parse(from).orElse(null);
    if (start == null) errors.add(new FieldMessage("from", "开始时间无法识别，如 2026-02-13T10:00:00+08:00"));
    String scope = null;
    if (community != null && !community.isBlank()) {
      scope = directory.community(community).map(io.linli.community.Community::code).orElse(null);
      if (scope == null) errors.add(new FieldMessage("community", "没有这个社区：" + shorten(community)));
    }
    String key = null;
    Duration length = null;
    Counting mode = null;
    if (clock != null && !clock.isBlank()) {
      if (duration != null || counting != null) {
        errors.add(new FieldMessage("clock", "请只给时限（clock），或只给时长和计时方式（duration、counting）"));
      }
      key = key(clock.strip());
      if (key == null) errors.add(new FieldMessage("clock", "没有这个时限：" + shorten(clock)));
      else {
        length = policy.duration(key);
        mode = policy.counting(key);
      }
    } else {
      length = duration(duration, errors);
      mode = counting(counting, errors);
    }
    if (!errors.isEmpty()) throw ApiError.invalid(errors);
    Instant due = policy.plus(start, length, mode, scope);
    return new Preview(
        key,
        length.toString(),
        lengthLabel(length, mode),
        mode.name(),
        mode.label(),
        scope,
        start,
        due,
        Times.label(start),
        Times.label(due));
  }

  private String key(String clock) {
    if (policy.keys().contains(clock)) return clock;
    for (SlaDeclarations d : declarations) {
      for (ClockSpec c : d.clocks()) {
        if (c.id().equals(clock) && c.settings().size() == 1)
          return c.settings().keySet().iterator().next();
      }
    }
    return null;
  }

  private static Duration duration(String text, List<FieldMessage> errors) {
    if (text == null || text.isBlank()) {
      errors.add(new FieldMessage("duration", "请给出时限（clock），或时长（duration，如 P2D、PT4H）"));
      return null;
    }
    try {
      Duration d = Duration.parse(text.strip().toUpperCase(Locale.ROOT));
      if (d.isNegative() || d.isZero() || d.compareTo(LONGEST) > 0) {
        errors.add(new FieldMessage("duration", "时长须大于0且不超过366天"));
        return null;
      }
      return d;
    } catch (DateTimeParseException e) {
      errors.add(
          new FieldMessage("duration", "时长无法识别：" + shorten(text) + "（ISO-8601，如 P2D、PT4H、PT20M）"));
      return null;
    }
  }

  private static Counting counting(String text, List<FieldMessage> errors) {
    if (text == null || text.isBlank()) return Counting.WALL_CLOCK;
    try {
      return Counting.valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      errors.add(new FieldMessage("counting", "计时方式须为 wall-clock、working-days 或 working-hours"));
      return null;
    }
  }

  private static String shorten(String s) {
    return s.length() > 32 ? s.substring(0, 32) + "…" : s;
  }
}
