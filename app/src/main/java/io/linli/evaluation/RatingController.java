package io.linli.evaluation;

import io.linli.identity.ActingUser;
import io.linli.identity.StaffReach;
import io.linli.system.ApiError;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 物业定星·小区定级: the ratings in force with their basis (public, for the 公示), an on-demand run and an
 * override with a reason (supervisors).
 */
@RestController
@RequestMapping("/api/ratings")
class RatingController {

  static final String USER_HEADER = "X-Linli-User";

  private final StarRatings ratings;
  private final ServiceStars serviceStars;
  private final StaffReach reach;
  private final ActingUser actingUser;

  RatingController(
      StarRatings ratings, ServiceStars serviceStars, StaffReach reach, ActingUser actingUser) {
    this.ratings = ratings;
    this.serviceStars = serviceStars;
    this.reach = reach;
    this.actingUser = actingUser;
  }

  @GetMapping
  List<StarRatings.Rating> current(
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String communityCode) {
    if (year != null && (year < 2000 || year > 2100))
      throw ApiError.invalid("year", "年度须在2000年至2100年之间");
    if (kind != null && !kind.equals("COMPANY") && !kind.equals("ESTATE")) {
      throw ApiError.invalid("kind", "类别须为 COMPANY（物业定星）或 ESTATE（小区定级）");
    }
    if (communityCode != null && communityCode.length() > 32)
      throw ApiError.invalid("communityCode", "社区代码过长");
    return ratings.current(year, kind, communityCode);
  }

  /** 服务之星 of a year (default: this year so far), of one community or all; public (公示). */
  @GetMapping("/service-stars")
  ServiceStars.Board serviceStars(
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) String communityCode) {
    if (year != null) EvaluationOpening.checkYear(year);
    if (communityCode != null && communityCode.length() > 32)
      throw ApiError.invalid("communityCode", "社区代码过长");
    return serviceStars.of(
        year != null ? year : java.time.Year.now(io.linli.system.Times.BEIJING).getValue(),
        communityCode,
        3);
  }

  record RunRequest(@NotNull(message = "请填写评定年度") Integer year) {}

  /**
   * Rates every company and estate for the year now (the yearly run does the past year by itself).
   */
  @PostMapping("/runs")
  List<StarRatings.Rating> run(
      @RequestHeader(value = USER_HEADER, required = false) String header,
      @Valid @RequestBody RunRequest r) {
    if (!reach.supervisor()) throw ApiError.forbidden("只有督查可以重新评定");
    EvaluationOpening.checkYear(r.year());
    ratings.run(r.year(), "ON_DEMAND", user(header), false);
    return ratings.current(r.year(), null, null);
  }

  record OverrideRequest(
      @NotBlank(message = "请填写调整后的星级或等级") @Size(max = 2) String value,
      @NotBlank(message = "请填写调整理由") @Size(max = 500, message = "调整理由不能超过500字") String reason) {}

  /** A supervisor's override, kept with its reason and shown beside the rating. */
  @PostMapping("/{id}/override")
  StarRatings.Rating override(
      @RequestHeader(value = USER_HEADER, required = false) String header,
      @PathVariable long id,
      @Valid @RequestBody OverrideRequest r) {
    if (!reach.supervisor()) throw ApiError.forbidden("只有督查可以调整评定");
    return ratings.override(id, r.value(), r.reason(), user(header));
  }

  private String user(String header) {
    return actingUser.of(header).orElse("supervisor");
  }
}
