package io.linli.evaluation;

import io.linli.identity.Role;
import io.linli.identity.StaffReach;
import io.linli.system.ApiError;
import java.math.BigDecimal;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * One rectification case (整改事项) for the community's staff; the property company works it in
 * Tasklist.
 */
@RestController
@RequestMapping("/api/rectifications")
class RectificationController {

  private final Rectifications rectifications;
  private final Evaluations evaluations;
  private final StaffReach reach;

  RectificationController(
      Rectifications rectifications, Evaluations evaluations, StaffReach reach) {
    this.rectifications = rectifications;
    this.evaluations = evaluations;
    this.reach = reach;
  }

  record View(
      String rectificationNo,
      String evaluationNo,
      int aspect,
      String aspectName,
      BigDecimal average,
      String plan,
      Instant deadline,
      String state,
      Instant openedAt,
      String result,
      Instant doneAt) {}

  @GetMapping("/{rectificationNo}")
  View get(@PathVariable String rectificationNo) {
    var r = rectifications.find(rectificationNo).orElseThrow(() -> ApiError.notFound("没有这个整改事项"));
    String c = evaluations.find(r.evaluationId()).orElseThrow().communityCode();
    if (!reach.inCommunity(
            c, Role.COMMUNITY_COMMITTEE, Role.PROPERTY_STAFF, Role.GRID_WORKER, Role.PARTY_GROUP)
        && !reach.streetAbove(c)
        && !reach.supervisor()) {
      throw ApiError.notFound("没有这个整改事项");
    }
    return new View(
        r.rectificationNo(),
        r.evaluationNo(),
        r.aspect(),
        r.aspectName(),
        r.average(),
        r.plan(),
        r.deadline(),
        r.state(),
        r.openedAt(),
        r.result(),
        r.doneAt());
  }
}
