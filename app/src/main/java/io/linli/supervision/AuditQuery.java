package io.linli.supervision;

import io.linli.identity.SupervisionAccess;
import io.linli.system.ApiError;
import io.linli.system.Times;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The audit's filters, read from request parameters and checked together: every bad value is one
 * field message of a single 400. Dates are Beijing calendar days, {@code to} inclusive; the
 * caller's {@link SupervisionAccess.Scope} narrows every query to the communities in reach.
 *
 * @param communities the communities in reach, null for all
 * @param from inclusive instant, @param to exclusive instant
 */
record AuditQuery(
    String community,
    Long estateId,
    Long companyId,
    String flow,
    String clock,
    Integer level,
    Instant from,
    Instant to,
    Boolean open,
    Boolean resolved,
    Set<String> communities) {

  /** The raw parameters, as strings, so that a bad value is named rather than a type error. */
  record Params(
      String community,
      String estate,
      String company,
      String flow,
      String clock,
      String level,
      String from,
      String to,
      String open,
      String resolved) {}

  static AuditQuery read(
      Params p, Dimensions dims, SupervisionAccess.Scope scope, boolean periodRequired) {
    List<ApiError.FieldMessage> errors = new ArrayList<>();
    String community = blank(p.community());
    if (community != null && dims.community(community).isEmpty()) {
      errors.add(new ApiError.FieldMessage("community", "没有这个社区：" + community));
    }
    Long estateId = null;
    if (blank(p.estate()) != null) {
      var estate = dims.estate(p.estate().trim());
      if (estate.isEmpty()) errors.add(new ApiError.FieldMessage("estate", "没有这个小区：" + p.estate()));
      else {
        estateId = estate.get().id();
        if (!scope.reaches(estate.get().communityCode())) {
          throw ApiError.forbidden("无权查看该小区：" + estate.get().name());
        }
      }
    }
    Long companyId = null;
    if (blank(p.company()) != null) {
      var company = dims.company(p.company().trim());
      if (company.isEmpty())
        errors.add(new ApiError.FieldMessage("company", "没有这个物业服务企业：" + p.company()));
      else companyId = company.get().id();
    }
    String flow = blank(p.flow());
    if (flow != null && !dims.isFlow(flow)) {
      errors.add(
          new ApiError.FieldMessage(
              "flow",
              "取值无效，可选："
                  + String.join(", ", dims.flows().stream().map(Dimensions.Named::code).toList())));
    }
    String clock = blank(p.clock());
    if (clock != null && !dims.isClock(clock)) {
      errors.add(new ApiError.FieldMessage("clock", "没有这个时限：" + clock));
    }
    Integer level = null;
    if (blank(p.level()) != null) {
      if (p.level().trim().equals("1") || p.level().trim().equals("2"))
        level = Integer.valueOf(p.level().trim());
      else errors.add(new ApiError.FieldMessage("level", "督办级别只能是 1（社区党委）或 2（街道党工委）"));
    }
    LocalDate from = date(p.from(), "from", errors, periodRequired);
    LocalDate to = date(p.to(), "to", errors, periodRequired);
    if (from != null && to != null && to.isBefore(from)) {
      errors.add(new ApiError.FieldMessage("to", "结束日期不能早于开始日期"));
    }
    Boolean open = bool(p.open(), "open", errors);
    Boolean resolved = bool(p.resolved(), "resolved", errors);
    if (!errors.isEmpty()) throw ApiError.invalid(errors);
    if (scope.none()) throw ApiError.forbidden("仅督查人员、社区党委和街道党工委可查看");
    if (community != null && !scope.reaches(community)) {
      throw ApiError.forbidden("无权查看该社区：" + community);
    }
    return new AuditQuery(
        community,
        estateId,
        companyId,
        flow,
        clock,
        level,
        from == null ? null : start(from),
        to == null ? null : start(to.plusDays(1)),
        open,
        resolved,
        scope.all() ? null : scope.communities());
  }

  static Instant start(LocalDate day) {
    return day.atStartOfDay(Times.BEIJING).toInstant();
  }

  /** The communities filter as a SQL array parameter (null: no restriction). */
  String[] communityArray() {
    return communities == null ? null : communities.toArray(String[]::new);
  }

  private static LocalDate date(
      String raw, String field, List<ApiError.FieldMessage> errors, boolean required) {
    if (blank(raw) == null) {
      if (required) errors.add(new ApiError.FieldMessage(field, "请填写日期（yyyy-MM-dd）"));
      return null;
    }
    try {
      return LocalDate.parse(raw.trim());
    } catch (DateTimeParseException e) {
      errors.add(new ApiError.FieldMessage(field, "日期格式应为 yyyy-MM-dd"));
      return null;
    }
  }

  private static Boolean bool(String raw, String field, List<ApiError.FieldMessage> errors) {
    if (blank(raw) == null) return null;
    return switch (raw.trim()) {
      case "true" -> true;
      case "false" -> false;
      default -> {
        errors.add(new ApiError.FieldMessage(field, "只能是 true 或 false"));
        yield null;
      }
    };
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
