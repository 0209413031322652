package io.linli.serviceorder;

import io.linli.identity.Role;
import io.linli.identity.StaffReach;
import io.linli.system.ApiError;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Monthly settlement of a community's service orders: {@code GET
 * /api/service-settlements/tfsq/2026-03} as JSON (amounts in fen), {@code .../2026-03.csv} as CSV.
 * It names workers and their earnings: readable by the community's property staff (who pay them)
 * and 社区党委, the street committee above and supervisors; anyone else 403 ({@link StaffReach}).
 */
@RestController
@RequestMapping("/api/service-settlements")
class SettlementController {

  private final MonthlySettlement settlement;
  private final StaffReach reach;

  SettlementController(MonthlySettlement settlement, StaffReach reach) {
    this.settlement = settlement;
    this.reach = reach;
  }

  @GetMapping("/{communityCode}/{month}")
  MonthlySettlement.Statement json(@PathVariable String communityCode, @PathVariable String month) {
    checkReach(communityCode);
    return settlement.of(communityCode, month(month));
  }

  @GetMapping("/{communityCode}/{month}.csv")
  ResponseEntity<byte[]> csv(@PathVariable String communityCode, @PathVariable String month) {
    checkReach(communityCode);
    MonthlySettlement.Statement s = settlement.of(communityCode, month(month));
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("settlement-" + s.communityCode() + "-" + s.month() + ".csv")
                .build()
                .toString())
        .body(SettlementCsv.of(s).getBytes(StandardCharsets.UTF_8));
  }

  private void checkReach(String community) {
    if (!reach.inCommunity(community, Role.PROPERTY_STAFF, Role.COMMUNITY_COMMITTEE)
        && !reach.streetAbove(community)
        && !reach.supervisor()) {
      throw ApiError.forbidden("只有本社区物业服务中心、社区党委、街道党工委和督查可以查看结算");
    }
  }

  private static YearMonth month(String value) {
    try {
      return YearMonth.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiError.invalid("month", "月份格式应为 yyyy-MM，例如 2026-03");
    }
  }
}
