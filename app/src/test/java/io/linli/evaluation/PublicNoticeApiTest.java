package io.linli.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linli.LinliSpringTest;
import io.linli.TestHttp;
import io.linli.system.Times;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * Integration tier: the 公示 API as residents reach it, without an account or a user header — one
 * answer per community and quarter (红黑榜, ratings with their basis, 服务之星, evaluation results, each
 * estate's 双晒 with the 收支 社区党委 approved), the public 双晒 report as JSON, page and a PDF whose text
 * PDFBox reads back; bad input answered field by field; anonymous reads limited per address. And
 * the star rating's case figures, now read from the supervision read model, equal a count straight
 * from the case files and the ledger (the definitions the rating used before).
 */
@LinliSpringTest
class PublicNoticeApiTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired RatingFigures figures;
  @Autowired io.linli.cases.Flows flows;

  @org.springframework.beans.factory.annotation.Value("${linli.intake.public-read-limit}")
  long readLimit;

  RestClient http;

  @BeforeEach
  void setUp() {
    http = TestHttp.client(port);
  }

  @Test
  @DisplayName("公示接口无需账号：红黑榜、评定及依据、服务之星、考评结果和各小区双晒；收支经社区党委审核后才公布")
  void noticeWithoutAccount() throws Exception {
    // given: 东方花苑's 2026-Q1 books exist only as the demo's SQL, without an approved entry
    JsonNode before = notice("tfsq", "2026-Q1");
    assertThat(before.get("communityName").asText()).isEqualTo("天府社区");
    assertThat(before.get("quarterLabel").asText()).isEqualTo("2026年第一季度");
    assertThat(before.at("/ranking/rule").asText()).contains("红榜：按时办结率不低于 95%");
    assertThat(before.at("/ranking/companies").isArray()).isTrue();
    assertThat(before.at("/serviceStars/rule").asText()).startsWith("服务之星");
    assertThat(before.get("evaluationYear").asInt()).isIn(2025, 2026);
    JsonNode dfhy = estate(before, "dfhy");
    assertThat(dfhy.get("pdfUrl").asText())
        .isEqualTo("/api/public-notice/reports/dfhy/2026-Q1.pdf");
    assertThat(dfhy.get("books").isNull()).as("not approved: not published").isTrue();
    JsonNode report = get("/api/public-notice/reports/dfhy/2026-Q1").getBody();
    assertThat(report.at("/service/reported").isNumber()).isTrue();
    assertThat(report.get("finance").isNull())
        .as("the demo's unapproved books stay hidden")
        .isTrue();
    assertThat(page("/api/public-notice/reports/dfhy/2026-Q1.html")).contains("本季度收支尚未经社区党委审核公布");

    // when: property staff enter the quarter and 社区党委 approves it
    var entry =
        http.post()
            .uri("/api/estate-finance")
            .header("X-Linli-User", "property1")
            .body(
                Map.of(
                    "communityCode",
                    "tfsq",
                    "estateCode",
                    "dfhy",
                    "quarter",
                    "2026-Q1",
                    "fees",
                    List.of(
                        Map.of(
                            "month",
                            "2026-01",
                            "householdsBilled",
                            640,
                            "householdsPaid",
                            576,
                            "billedFen",
                            1_920_000,
                            "collectedFen",
                            1_728_000)),
                    "expenses",
                    List.of(
                        Map.of("month", "2026-02", "category", "GREENING", "amountFen", 123_400))))
            .retrieve()
            .toEntity(JsonNode.class);
    assertThat(entry.getStatusCode().value()).as(String.valueOf(entry.getBody())).isIn(200, 201);
    String entryNo = entry.getBody().get("entryNo").asText();
    assertThat(estate(notice("tfsq", "2026-Q1"), "dfhy").get("books").isNull())
        .as("pending")
        .isTrue();
    http.post()
        .uri("/api/estate-finance/" + entryNo + "/decision")
        .header("X-Linli-User", "committee1")
        .body(Map.of("approved", true))
        .retrieve()
        .toBodilessEntity();

    // then: the notice and the report show the approved figures, and which entry they come from
    JsonNode books = estate(notice("tfsq", "2026-Q1"), "dfhy").get("books");
    assertThat(books.get("entryNo").asText()).isEqualTo(entryNo);
    assertThat(books.get("collectedFen").asLong()).isEqualTo(1_728_000);
    assertThat(books.at("/expensesByCategory/绿化养护").asLong()).isEqualTo(123_400);
    assertThat(books.has("submittedBy")).as("who entered it is not public").isFalse();
    JsonNode published = get("/api/public-notice/reports/dfhy/2026-Q1").getBody();
    assertThat(published.at("/books/entryNo").asText()).isEqualTo(entryNo);
    assertThat(published.at("/finance/collectedFen").asLong()).isEqualTo(1_728_000);

    // the PDF: a valid PDF whose text names the community, the estate and the approved figures
    ResponseEntity<byte[]> pdf =
        http.get()
            .uri("/api/public-notice/reports/dfhy/2026-Q1.pdf")
            .retrieve()
            .toEntity(byte[].class);
    assertThat(pdf.getStatusCode().value()).isEqualTo(200);
    assertThat(pdf.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
    java.nio.file.Path out =
        java.nio.file.Path.of("target", "screenshots", "public-shuangshai-dfhy-2026-Q1.pdf");
    java.nio.file.Files.createDirectories(out.getParent());
    java.nio.file.Files.write(out, pdf.getBody());
    try (PDDocument doc = Loader.loadPDF(pdf.getBody())) {
      String text = new PDFTextStripper().getText(doc).replaceAll("[ \\t]+", " ");
      assertThat(text)
          .contains("天府社区", "东方花苑", "2026年第一季度双晒报告", "物业服务季报", entryNo, "17,280.00", "绿化养护");
    }
  }

  @Test
  @DisplayName("公示接口的错误输入：季度格式错、年份越界为400并指明字段，未知社区和小区为404，不出5xx")
  void badInput() {
    assertThat(fields(get("/api/public-notice/communities/tfsq/2026-Q5"))).containsKey("quarter");
    assertThat(fields(get("/api/public-notice/communities/tfsq/1999-Q1"))).containsKey("quarter");
    assertThat(fields(get("/api/public-notice/communities/tfsq/2999-Q1"))).containsKey("quarter");
    assertThat(fields(get("/api/public-notice/reports/dtsz/2026Q2"))).containsKey("quarter");
    assertThat(get("/api/public-notice/communities/nowhere/2026-Q1").getStatusCode().value())
        .isEqualTo(404);
    assertThat(get("/api/public-notice/reports/nowhere/2026-Q1").getStatusCode().value())
        .isEqualTo(404);
    assertThat(
            http.get()
                .uri("/api/public-notice/reports/nowhere/2026-Q1.pdf")
                .retrieve()
                .toEntity(String.class)
                .getStatusCode()
                .value())
        .isEqualTo(404);
    assertThat(
            get("/api/public-notice/communities/" + "x".repeat(40) + "/2026-Q1")
                .getStatusCode()
                .value())
        .isEqualTo(400);
  }

  @Test
  @DisplayName("匿名读取公示按地址限流：超过 linli.intake.public-read-limit 为429并带Retry-After，其他匿名读取不计")
  void anonymousReadsAreLimited() {
    try {
      assertThat(get("/api/public-notice/communities/jdsq/2026-Q1").getStatusCode().value())
          .isEqualTo(200);
      long counted =
          jdbc.sql(
                  "select coalesce(sum(requests), 0) from anonymous_write_window where kind = 'READ'")
              .query(Long.class)
              .single();
      assertThat(counted).as("the read was counted").isGreaterThanOrEqualTo(1);
      // this address has used up its window
      jdbc.sql("update anonymous_write_window set requests = ? where kind = 'READ'")
          .param(readLimit)
          .update();
      var refused = get("/api/public-notice/communities/jdsq/2026-Q1");
      assertThat(refused.getStatusCode().value()).isEqualTo(429);
      assertThat(refused.getHeaders().getFirst("Retry-After")).isNotBlank();
      assertThat(
              http.get()
                  .uri("/api/public-notice/reports/hxjd/2026-Q1.pdf")
                  .retrieve()
                  .toEntity(String.class)
                  .getStatusCode()
                  .value())
          .isEqualTo(429);
      // the other anonymous reads of the resident page are not counted
      assertThat(
              http.get()
                  .uri("/api/resident/options")
                  .retrieve()
                  .toBodilessEntity()
                  .getStatusCode()
                  .value())
          .isEqualTo(200);
    } finally {
      jdbc.sql("delete from anonymous_write_window where kind = 'READ'").update();
    }
  }

  @Test
  @DisplayName("定星定级的案件数据取自督查汇总表：与直接按案件和台账计数的结果一致（2025、2026年，物业和小区）")
  void ratingFiguresEqualTheLedgerCount() {
    long cases =
        jdbc.sql("select count(*) from case_file where closed_at is not null")
            .query(Long.class)
            .single();
    assertThat(cases).as("the demo's closed cases").isGreaterThan(10);
    for (int year : List.of(2025, 2026)) {
      for (RatingFigures.Subject s : RatingFigures.Subject.values()) {
        Map<Long, long[]> expected = ledgerCount(s, year);
        Map<Long, RatingFormula.Inputs> actual = figures.of(s, year);
        for (var e : actual.entrySet()) {
          long[] x = expected.getOrDefault(e.getKey(), new long[9]);
          RatingFormula.Inputs in = e.getValue();
          String what = s + " " + e.getKey() + " " + year;
          assertThat(in.onTimeRate()).as(what + " on time").isEqualTo(ratio(x[1], x[0]));
          assertThat(in.satisfactionRate()).as(what + " satisfied").isEqualTo(ratio(x[3], x[2]));
          assertThat(in.followUpRate()).as(what + " follow-up").isEqualTo(ratio(x[5], x[4]));
          assertThat(in.cases()).as(what + " reported").isEqualTo(x[6]);
          assertThat(in.breachesLevel1()).as(what + " 社区督办").isEqualTo(x[7]);
          assertThat(in.breachesLevel2()).as(what + " 街道督办").isEqualTo(x[8]);
        }
        if (year == 2026 && s == RatingFigures.Subject.COMPANY) {
          assertThat(expected.values())
              .as("the demo year has closed cases")
              .anyMatch(x -> x[0] > 0);
        }
      }
    }
  }

  /**
   * The rating's definitions counted straight from case_file and sla_ledger (as it did before the
   * read model).
   */
  private Map<Long, long[]> ledgerCount(RatingFigures.Subject s, int year) {
    Instant from = LocalDate.of(year, 1, 1).atStartOfDay(Times.BEIJING).toInstant();
    Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(Times.BEIJING).toInstant();
    boolean company = s == RatingFigures.Subject.COMPANY;
    String rated =
        flows.all().stream()
            .filter(io.linli.cases.Flow::inRates)
            .map(io.linli.cases.Flow::key)
            .collect(java.util.stream.Collectors.joining(","));
    String handling =
        flows.all().stream()
            .flatMap(f -> f.clocks().stream())
            .filter(c -> c.counts().contains(io.linli.sla.ClockSpec.Counts.HANDLING))
            .map(io.linli.sla.ClockSpec::id)
            .collect(java.util.stream.Collectors.joining(","));
    Map<Long, long[]> out = new HashMap<>();
    jdbc.sql(
            """
            with c as (
              select g.case_no, g.flow, g.estate_id, coalesce(g.property_company_id, e.property_company_id) as company_id,
                g.rating, g.follow_up_rating,
                g.closed_at >= :from and g.closed_at < :to as closed_in,
                g.reported_at >= :from and g.reported_at < :to as reported_in
              from case_file g left join estate e on e.id = g.estate_id
              where g.flow = any(string_to_array(:flows, ','))
                and ((g.closed_at >= :from and g.closed_at < :to) or (g.reported_at >= :from and g.reported_at < :to))
            ), x as (
              select c.*, exists (select 1 from sla_ledger l where l.case_no = c.case_no and l.flow = c.flow
                and l.clock = any(string_to_array(:handling, ','))
                and ((l.event = 'BREACHED' and l.level = 1) or (l.event = 'RESOLVED' and l.level = 0))) as late
              from c
            )
            select KEY, count(*) filter (where closed_in), count(*) filter (where closed_in and not late),
              count(*) filter (where closed_in and rating is not null and rating <> 'NONE'),
              count(*) filter (where closed_in and rating in ('SATISFIED', 'BASICALLY_SATISFIED')),
              count(*) filter (where closed_in and follow_up_rating is not null),
              count(*) filter (where closed_in and follow_up_rating in ('SATISFIED', 'BASICALLY_SATISFIED')),
              count(*) filter (where reported_in)
            from x where KEY is not null group by KEY"""
                .replace("KEY", company ? "company_id" : "estate_id"))
        .param("from", Timestamp.from(from))
        .param("to", Timestamp.from(to))
        .param("flows", rated)
        .param("handling", handling)
        .query(
            rs -> {
              long[] x = out.computeIfAbsent(rs.getLong(1), k -> new long[9]);
              for (int i = 0; i < 7; i++) x[i] = rs.getLong(2 + i);
            });
    jdbc.sql(
            """
            select KEY, count(*) filter (where level = 1), count(*) filter (where level = 2)
            from sla_ledger where event = 'BREACHED' and occurred_at >= ? and occurred_at < ?
              and flow = any(string_to_array(?, ',')) and KEY is not null group by KEY"""
                .replace("KEY", company ? "property_company_id" : "estate_id"))
        .params(Timestamp.from(from), Timestamp.from(to), rated)
        .query(
            rs -> {
              long[] x = out.computeIfAbsent(rs.getLong(1), k -> new long[9]);
              x[7] = rs.getLong(2);
              x[8] = rs.getLong(3);
            });
    return out;
  }

  private static Double ratio(long part, long whole) {
    return whole == 0 ? null : (double) part / whole;
  }

  private JsonNode notice(String community, String quarter) {
    var r = get("/api/public-notice/communities/" + community + "/" + quarter);
    assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
    return r.getBody();
  }

  private ResponseEntity<JsonNode> get(String path) {
    return http.get().uri(path).retrieve().toEntity(JsonNode.class);
  }

  private String page(String path) {
    var r = http.get().uri(path).retrieve().toEntity(String.class);
    assertThat(r.getStatusCode().value()).isEqualTo(200);
    return r.getBody();
  }

  private static JsonNode estate(JsonNode notice, String code) {
    for (JsonNode e : notice.get("estates")) if (e.get("code").asText().equals(code)) return e;
    throw new AssertionError(code + " not in " + notice.get("estates"));
  }

  private static Map<String, String> fields(ResponseEntity<JsonNode> r) {
    assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(400);
    Map<String, String> out = new HashMap<>();
    r.getBody()
        .path("errors")
        .forEach(e -> out.put(e.get("field").asText(), e.get("message").asText()));
    return out;
  }
}
