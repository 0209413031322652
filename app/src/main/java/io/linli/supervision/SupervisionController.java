package io.linli.supervision;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.linli.system.ApiError;
import io.linli.system.Times;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Supervision (督查): the SLA breach audit over the ledger and the grievance rates. Dates are
 * Beijing calendar days; {@code to} is inclusive.
 */
@RestController
@RequestMapping("/api/supervision")
class SupervisionController {

  static final int MAX_PAGE = 500;

  private final BreachAudit audit;
  private final GrievanceRates rates;

  SupervisionController(BreachAudit audit, GrievanceRates rates) {
    this.audit = audit;
    this.rates = rates;
  }

  record BreachView(@JsonUnwrapped BreachAudit.Breach breach, String caseUrl, String cockpitUrl) {}

  record BreachPage(long total, int page, int size, java.util.List<BreachView> items) {}

  @GetMapping("/breaches")
  BreachPage breaches(
      @RequestParam(required = false) String community,
      @RequestParam(required = false) String flow,
      @RequestParam(required = false) String clock,
      @RequestParam(required = false) Integer level,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) Boolean open,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    if (page < 0) throw ApiError.invalid("page", "页码不能为负数");
    if (size < 1 || size > MAX_PAGE) throw ApiError.invalid("size", "每页条数须在1到" + MAX_PAGE + "之间");
    BreachAudit.Page p = audit.find(filter(community, flow, clock, level, from, to, open), page, size);
    return new BreachPage(p.total(), p.page(), p.size(),
        p.items().stream().map(SupervisionController::view).toList());
  }

  @GetMapping(value = "/breaches.csv", produces = "text/csv")
  ResponseEntity<String> breachesCsv(
      @RequestParam(required = false) String community,
      @RequestParam(required = false) String flow,
      @RequestParam(required = false) String clock,
      @RequestParam(required = false) Integer level,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) Boolean open) {
    BreachAudit.Page p =
        audit.find(filter(community, flow, clock, level, from, to, open), 0, Integer.MAX_VALUE);
    String header = "案件编号,流程,社区,时限,级别,应完成时间,超时时间,超时时承办方,督办完成时间,督办人,状态\n";
    String rows = p.items().stream().map(b -> String.join(",",
            csv(b.caseNo()), csv(b.flow()), csv(b.communityCode()), csv(b.clockLabel()),
            String.valueOf(b.level()), csv(Times.label(b.dueAt())), csv(Times.label(b.breachedAt())),
            csv(b.holder()), csv(Times.label(b.supervisedAt())), csv(b.supervisedBy()),
            b.open() ? "督办中" : "已督办"))
        .collect(Collectors.joining("\n"));
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"breaches.csv\"")
        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .body("\uFEFF" + header + rows + (rows.isEmpty() ? "" : "\n"));
  }

  @GetMapping("/rates")
  GrievanceRates.Rates rates(
      @RequestParam String community,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    if (to.isBefore(from)) throw ApiError.invalid("to", "结束日期不能早于开始日期");
    return rates.of(community, start(from), start(to.plusDays(1)));
  }

  private static BreachAudit.Filter filter(String community, String flow, String clock,
      Integer level, LocalDate from, LocalDate to, Boolean open) {
    return new BreachAudit.Filter(community, flow, clock, level,
        from == null ? null : start(from), to == null ? null : start(to.plusDays(1)), open);
  }

  private static Instant start(LocalDate day) {
    return day.atStartOfDay(Times.BEIJING).toInstant();
  }

  private static BreachView view(BreachAudit.Breach b) {
    String caseUrl = "GRIEVANCE".equals(b.flow()) ? "/api/grievances/" + b.caseNo() : null;
    String cockpit = b.processInstanceId() == null ? null
        : "/camunda/app/cockpit/default/#/process-instance/" + b.processInstanceId();
    return new BreachView(b, caseUrl, cockpit);
  }

  private static String csv(String s) {
    if (s == null) return "";
    return s.contains(",") || s.contains("\"") || s.contains("\n")
        ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
