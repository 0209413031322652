package io.linli.serviceorder;

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
 */
@RestController
@RequestMapping("/api/service-settlements")
class SettlementController {

  private final MonthlySettlement settlement;

  SettlementController(MonthlySettlement settlement) {
    this.settlement = settlement;
  }

  @GetMapping("/{communityCode}/{month}")
  MonthlySettlement.Statement json(@PathVariable String communityCode, @PathVariable String month) {
    return settlement.of(communityCode, month(month));
  }

  @GetMapping("/{communityCode}/{month}.csv")
  ResponseEntity<byte[]> csv(@PathVariable String communityCode, @PathVariable String month) {
    MonthlySettlement.Statement s = settlement.of(communityCode, month(month));
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("settlement-" + s.communityCode() + "-" + s.month() + ".csv")
            .build().toString())
        .body(SettlementCsv.of(s).getBytes(StandardCharsets.UTF_8));
  }

  private static YearMonth month(String value) {
    try {
      return YearMonth.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiError.invalid("month", "月份格式应为 yyyy-MM，例如 2026-03");
    }
  }
}
