package io.linli.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linli.LinliSpringTest;
import io.linli.TestHttp;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * Integration tier: the 双晒 quarterly report of the demo community's 地铁首座小区 for 2026 Q2, from the
 * demo data (db/demo/V103). Its figures by hand from the migration's rules: 1,200 households billed
 * 150 元 a month = 180,000.00 元 a month, 540,000.00 元 a quarter; 95% pay, 1,140 × 150 = 171,000.00 a
 * month, 513,000.00 a quarter (95.0%); spending is fixed shares of what was collected: staff 38% =
 * 194,940.00, the company's 酬金 10% = 51,300.00, all items 97% = 497,610.00. 地铁首座 is never late in
 * the demo history, so its 按时办结率 is 100.0%.
 */
@LinliSpringTest
class ShuangShaiReportTest {

  @LocalServerPort int port;
  RestClient http;

  @BeforeEach
  void client() {
    http = TestHttp.client(port);
  }

  @Test
  @DisplayName("双晒季报 PDF：中文字体嵌入，含小区名称、季度、物业费、支出和按时办结率")
  void pdfForTheDemoEstate() throws Exception {
    ResponseEntity<byte[]> r =
        http.get()
            .uri("/api/supervision/reports/dtsz/2026-Q2.pdf")
            .retrieve()
            .toEntity(byte[].class);
    assertThat(r.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
    java.nio.file.Path out =
        java.nio.file.Path.of("target", "screenshots", "shuangshai-dtsz-2026-Q2.pdf");
    java.nio.file.Files.createDirectories(out.getParent());
    java.nio.file.Files.write(out, r.getBody()); // for a person to look at
    try (PDDocument pdf = Loader.loadPDF(r.getBody())) {
      String text = new PDFTextStripper().getText(pdf).replaceAll("[ \\t]+", " ");
      assertThat(text).contains("地铁首座小区", "2026年第二季度双晒报告", "蓉城物业服务有限公司", "物业服务季报", "收支季报");
      assertThat(text).contains("540,000.00", "513,000.00", "95.0%");
      assertThat(text).contains("194,940.00", "51,300.00", "497,610.00");
      assertThat(text).contains("按时办结率 100.0%");
      List<String> fonts = new ArrayList<>();
      for (PDPage page : pdf.getPages()) {
        for (COSName name : page.getResources().getFontNames()) {
          fonts.add(page.getResources().getFont(name).getName());
        }
      }
      assertThat(fonts).anySatisfy(f -> assertThat(f).contains("NotoSansCJK"));
    }
  }

  @Test
  @DisplayName("双晒季报 JSON 与可打印页面：按类型和类别的件数、物业费与服务单结算")
  void jsonAndPage() {
    JsonNode j =
        http.get().uri("/api/supervision/reports/dtsz/2026-Q2").retrieve().body(JsonNode.class);
    assertThat(j.get("estate").get("name").asText()).isEqualTo("地铁首座小区");
    assertThat(j.get("quarterLabel").asText()).isEqualTo("2026年第二季度");
    assertThat(j.get("finance").get("billedFen").asLong()).isEqualTo(54_000_000L);
    assertThat(j.get("finance").get("collectedFen").asLong()).isEqualTo(51_300_000L);
    assertThat(j.get("finance").get("fees")).hasSize(3);
    JsonNode orders = j.get("finance").get("serviceOrders");
    assertThat(orders.get("count").asLong()).as("demo orders confirmed April–June").isEqualTo(9);
    assertThat(orders.get("feeFen").asLong() + orders.get("netFen").asLong())
        .isEqualTo(orders.get("paidFen").asLong());
    long reported = 0;
    for (JsonNode c : j.get("service").get("cases")) reported += c.get("reported").asLong();
    assertThat(reported).isEqualTo(j.get("service").get("reported").asLong()).isPositive();
    assertThat(j.get("service").get("rates").get("onTimeClosureRate").asDouble()).isEqualTo(1.0);

    String page =
        http.get().uri("/supervision/api/reports/dtsz/2026-Q2.html").retrieve().body(String.class);
    assertThat(page).contains("<h1>地铁首座小区 2026年第二季度双晒报告</h1>", "540,000.00", "物业企业酬金");
  }

  @Test
  @DisplayName("季度格式错误为400，未知小区为404")
  void badRequests() {
    var bad =
        http.get().uri("/api/supervision/reports/dtsz/2026-Q5").retrieve().toEntity(JsonNode.class);
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat(bad.getBody().get("errors").get(0).get("field").asText()).isEqualTo("quarter");
    var unknown =
        http.get()
            .uri("/api/supervision/reports/nowhere/2026-Q2.pdf")
            .retrieve()
            .toEntity(String.class);
    assertThat(unknown.getStatusCode().value()).isEqualTo(404);
  }
}
