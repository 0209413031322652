package io.linli.points;

import io.linli.identity.Role;
import io.linli.identity.StaffReach;
import io.linli.identity.SupervisionAccess;
import io.linli.system.ApiError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The points economy for staff: the 绿能卡 monthly settlement of a community (property staff, 社区党委,
 * the street committee, supervisors) and the supervision report of a month (the communities the
 * caller may audit).
 */
@RestController
@RequestMapping("/api/points")
class PointsReportController {

  private final GreenCardSettlement greenCard;
  private final PointsSupervision supervision;
  private final StaffReach reach;
  private final SupervisionAccess access;
  private final io.linli.community.CommunityDirectory directory;

  PointsReportController(
      GreenCardSettlement greenCard,
      PointsSupervision supervision,
      StaffReach reach,
      SupervisionAccess access,
      io.linli.community.CommunityDirectory directory) {
    this.greenCard = greenCard;
    this.supervision = supervision;
    this.reach = reach;
    this.access = access;
    this.directory = directory;
  }

  @GetMapping("/green-card/{communityCode}/{month}")
  GreenCardSettlement.Statement greenCard(
      @PathVariable String communityCode, @PathVariable String month) {
    if (communityCode.length() > 32 || directory.community(communityCode).isEmpty()) {
      throw ApiError.notFound("未知社区：" + communityCode);
    }
    if (!reach.inCommunity(communityCode, Role.PROPERTY_STAFF, Role.COMMUNITY_COMMITTEE)
        && !reach.streetAbove(communityCode)
        && !reach.supervisor()) {
      throw ApiError.forbidden("只有本社区物业服务中心、社区党委、街道党工委和督查可以查看绿能卡结算");
    }
    return greenCard.of(communityCode, PointsController.month(month));
  }

  @GetMapping("/supervision/{month}")
  PointsSupervision.Report supervision(@PathVariable String month) {
    SupervisionAccess.Scope scope = access.current();
    if (scope.none()) throw ApiError.forbidden("只有督查、社区党委和街道党工委可以查看积分监督");
    return supervision.of(PointsController.month(month), scope);
  }
}
