package io.linli.supervision;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.linli.cases.Flow;
import io.linli.cases.Flows;
import io.linli.identity.SupervisionAccess;
import io.linli.system.ApiError;
import io.linli.system.Times;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Supervision (督查): the SLA breach audit over the ledger, the rates and the 红黑榜. Served twice:
 * {@code /api/supervision} for API clients (a bearer token in the {@code keycloak} profile) and
 * {@code /supervision/api} for the supervisor page (the signed-in session). Dates are Beijing
 * calendar days, {@code to} inclusive. Who sees which communities: {@link SupervisionAccess}.
 */
@RestController
@RequestMapping({"/api/supervision", "/supervision/api"})
class SupervisionController {

  static final int MAX_PAGE = 500;

  /** Offset paging reaches this many rows in; beyond, the cursor pages. */
  static final int MAX_OFFSET = 10_000;

  /** The CSV export's rows at most. */
  static final int MAX_CSV_ROWS = 100_000;

  private final BreachAudit audit;
  private final SupervisionRates rates;
  private final Ranking ranking;
  private final Dimensions dims;
  private final SupervisionAccess access;
  private final Flows flows;

  SupervisionController(
      BreachAudit audit,
      SupervisionRates rates,
      Ranking ranking,
      Dimensions dims,
      SupervisionAccess access,
      Flows flows) {
    this.audit = audit;
    this.rates = rates;
    this.ranking = ranking;
    this.dims = dims;
    this.access = access;
    this.flows = flows;
  }

  record BreachView(
      @JsonUnwrapped BreachAudit.Breach breach,
      String caseUrl,
      String residentUrl,
      String cockpitUrl) {}

  /**
   * @param total exact when {@code totalExact}; otherwise the count stopped at this many
   * @param next the cursor for {@code after=} to get the following page; null on the last page
   */
  record BreachPage(
      long total, boolean totalExact, int page, int size, List<BreachView> items, String next) {}

  record RateTable(
      LocalDate from,
      LocalDate to,
      String groupBy,
      Map<String, String> rules,
      SupervisionRates.Figures total,
      List<SupervisionRates.Month> months,
      List<SupervisionRates.Group> groups) {}

  record RankingView(
      LocalDate from, LocalDate to, String community, @JsonUnwrapped Ranking.Board board) {}

  record DimensionsView(
      List<Dimensions.Named> communities,
      List<Dimensions.EstateInfo> estates,
      List<Dimensions.Company> companies,
      List<Dimensions.Named> flows,
      List<Dimensions.Named> clocks) {}

  @GetMapping("/breaches")
  BreachPage breaches(
      @ModelAttribute AuditQuery.Params params,
      @RequestParam(defaultValue = "0") String page,
      @RequestParam(defaultValue = "50") String size,
      @RequestParam(required = false) String after) {
    int p = number(page, "page", 0, Integer.MAX_VALUE, "页码须为不小于0的整数");
    int s = number(size, "size", 1, MAX_PAGE, "每页条数须在1到" + MAX_PAGE + "之间");
    BreachAudit.Cursor cursor =
        after == null || after.isBlank() ? null : BreachAudit.Cursor.decode(after);
    if (cursor == null && (long) p * s > MAX_OFFSET) {
      throw ApiError.invalid("page", "按页码最多翻到第 " + MAX_OFFSET + " 条；更远请用上一页返回的 next 作为 after 翻页");
    }
    BreachAudit.Page found = audit.find(query(params, false), cursor, (long) p * s, s);
    return new BreachPage(
        found.total(),
        found.totalExact(),
        cursor == null ? p : 0,
        found.size(),
        found.items().stream().map(this::view).toList(),
        found.next());
  }

  @GetMapping(value = "/breaches.csv", produces = "text/csv")
  ResponseEntity<String> breachesCsv(@ModelAttribute AuditQuery.Params params) {
    AuditQuery q = query(params, false);
    List<BreachAudit.Breach> all = new java.util.ArrayList<>();
    BreachAudit.Cursor cursor = null;
    do {
      BreachAudit.Page page = audit.find(q, cursor, 0, MAX_PAGE);
      all.addAll(page.items());
      cursor = page.next() == null ? null : BreachAudit.Cursor.decode(page.next());
    } while (cursor != null && all.size() < MAX_CSV_ROWS);
    String header =
        "案件编号,流程,社区,小区,物业服务企业,时限,督办级别,应完成时间,超时时间,超时时承办方,"
            + "督办完成时间,督办人,督办状态,办结时间,案件状态链接,Cockpit链接\n";
    String rows =
        all.stream()
            .limit(MAX_CSV_ROWS)
            .map(
                b -> {
                  BreachView v = view(b);
                  return String.join(
                      ",",
                      csv(b.caseNo()),
                      csv(b.flow()),
                      csv(b.communityCode()),
                      csv(b.estateName()),
                      csv(b.companyName()),
                      csv(b.clockLabel()),
                      String.valueOf(b.level()),
                      csv(Times.label(b.dueAt())),
                      csv(Times.label(b.breachedAt())),
                      csv(b.holder()),
                      csv(Times.label(b.supervisedAt())),
                      csv(b.supervisedBy()),
                      b.open() ? "督办中" : "已督办",
                      csv(Times.label(b.resolvedAt())),
                      csv(v.caseUrl()),
                      csv(v.cockpitUrl()));
                })
            .collect(Collectors.joining("\n"));
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"breaches.csv\"")
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .body("\uFEFF" + header + rows + (rows.isEmpty() ? "" : "\n"));
  }

  @GetMapping("/rates")
  RateTable rates(
      @ModelAttribute AuditQuery.Params params,
      @RequestParam(defaultValue = "none") String groupBy) {
    SupervisionRates.GroupBy by = groupBy(groupBy);
    AuditQuery q = query(params, true);
    SupervisionRates.Table t = rates.of(q, by);
    return new RateTable(
        LocalDate.parse(params.from().trim()),
        LocalDate.parse(params.to().trim()),
        t.groupBy(),
        rates.rules(),
        t.total(),
        t.months(),
        t.groups());
  }

  @GetMapping("/ranking")
  RankingView ranking(
      @ModelAttribute AuditQuery.Params params,
      @RequestParam(defaultValue = "" + Ranking.MIN_CLOSED) String minClosed) {
    int min = number(minClosed, "minClosed", 1, 10_000, "最少结案件数须为1到10000的整数");
    AuditQuery q = query(params, true);
    return new RankingView(
        LocalDate.parse(params.from().trim()),
        LocalDate.parse(params.to().trim()),
        q.community(),
        ranking.of(q, min));
  }

  @GetMapping(value = "/ranking.html", produces = MediaType.TEXT_HTML_VALUE)
  String rankingPage(
      @ModelAttribute AuditQuery.Params params,
      @RequestParam(defaultValue = "" + Ranking.MIN_CLOSED) String minClosed) {
    RankingView r = ranking(params, minClosed);
    String scope =
        r.community() == null
            ? "全部社区"
            : dims.community(r.community()).map(Dimensions.Named::name).orElse(r.community());
    return ReportPages.ranking(
        r.board(),
        r.from().format(java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日"))
            + "至"
            + r.to().format(java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日")),
        scope);
  }

  /** The communities, estates and companies the caller may audit, for the page's filters. */
  @GetMapping("/dimensions")
  DimensionsView dimensions() {
    SupervisionAccess.Scope scope = access.current();
    if (scope.none()) throw ApiError.forbidden("仅督查人员、社区党委和街道党工委可查看");
    return new DimensionsView(
        dims.communities().stream().filter(c -> scope.reaches(c.code())).toList(),
        dims.estates().stream().filter(e -> scope.reaches(e.communityCode())).toList(),
        dims.companies(),
        dims.flows(),
        dims.clocks());
  }

  private AuditQuery query(AuditQuery.Params params, boolean periodRequired) {
    return AuditQuery.read(params, dims, access.current(), periodRequired);
  }

  private static SupervisionRates.GroupBy groupBy(String raw) {
    try {
      return SupervisionRates.GroupBy.valueOf(raw.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiError.invalid("groupBy", "取值无效，可选：community, estate, company, none");
    }
  }

  private static int number(String raw, String field, int min, int max, String message) {
    try {
      int v = Integer.parseInt(raw.trim());
      if (v < min || v > max) throw ApiError.invalid(field, message);
      return v;
    } catch (NumberFormatException e) {
      throw ApiError.invalid(field, message);
    }
  }

  /**
   * The breach with its links: the case in its flow's API, the resident page for flows residents
   * follow there, and the process instance in Cockpit.
   */
  BreachView view(BreachAudit.Breach b) {
    var flow = flows.find(b.flow());
    String caseUrl = flow.map(f -> f.apiPath() + "/" + b.caseNo()).orElse(null);
    String resident =
        flow.filter(Flow::residentTracked).map(f -> "/resident/#track=" + b.caseNo()).orElse(null);
    String cockpit =
        b.processInstanceId() == null
            ? null
            : "/camunda/app/cockpit/default/#/process-instance/" + b.processInstanceId();
    return new BreachView(b, caseUrl, resident, cockpit);
  }

  private static String csv(String s) {
    if (s == null) return "";
    return s.contains(",") || s.contains("\"") || s.contains("\n")
        ? "\"" + s.replace("\"", "\"\"") + "\""
        : s;
  }
}
