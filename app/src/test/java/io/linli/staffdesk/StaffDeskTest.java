package io.linli.staffdesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linli.LinliSpringTest;
import io.linli.TestHttp;
import io.linli.WebappLogin;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Integration tier: the staff desk — one-click phone reveal from a task form (the webapp login's
 * door) and through the API, each written to contact_access_log with who, when, which case and
 * which task; refused to staff without a task on the case; the access log for supervisors; the
 * case's photos on one sheet for the task's holder. The phone is never in the application's log.
 */
@LinliSpringTest
@ExtendWith(OutputCaptureExtension.class)
class StaffDeskTest {

  static final String PHONE = "13800005678";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired TaskService tasks;

  RestClient http;
  String base;

  @BeforeEach
  void client() {
    http = TestHttp.client(port);
    base = "http://localhost:" + port;
  }

  record Created(String caseNo, String token) {}

  Created newCase(String community, String estate) {
    JsonNode r =
        http.post()
            .uri("/api/grievances")
            .contentType(MediaType.APPLICATION_JSON)
            .body(
                Map.of(
                    "communityCode",
                    community,
                    "estateCode",
                    estate,
                    "category",
                    "FACILITY",
                    "description",
                    "单元门禁损坏，无法刷卡",
                    "contactName",
                    "周女士",
                    "contactPhone",
                    PHONE))
            .retrieve()
            .body(JsonNode.class);
    return new Created(r.get("caseNo").asText(), r.get("watchToken").asText());
  }

  List<Map<String, Object>> logRows(String caseNo) {
    return jdbc.sql("select * from contact_access_log where case_no = ? order by id")
        .param(caseNo)
        .query()
        .listOfRows();
  }

  @Test
  @DisplayName("网格员为所持分流任务一键查看完整电话：日志记下谁、何时、哪个案件、哪个任务，日志输出里没有电话")
  void gridWorkerRevealsForHerTask(CapturedOutput output) throws Exception {
    Created c = newCase("tfsq", "dtsz");
    WebappLogin grid1 = WebappLogin.as("grid1", "demo", base);

    HttpResponse<byte[]> page = grid1.get(base + "/staff/cases/" + c.caseNo() + "/phone");

    String html = new String(page.body(), StandardCharsets.UTF_8);
    assertThat(page.statusCode()).as(html).isEqualTo(200);
    assertThat(html).contains(PHONE).contains("分流定级").contains("grid1");
    assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    List<Map<String, Object>> rows = logRows(c.caseNo());
    assertThat(rows).hasSize(1);
    Map<String, Object> row = rows.get(0);
    assertThat(row.get("staff_user")).isEqualTo("grid1");
    assertThat(row.get("task_key")).isEqualTo("Task_Triage");
    assertThat(row.get("task_id"))
        .isEqualTo(
            tasks.createTaskQuery().processInstanceBusinessKey(c.caseNo()).singleResult().getId());
    assertThat(row.get("community")).isEqualTo("tfsq");
    assertThat(row.get("accessed_at")).isNotNull();
    assertThat(row.values()).noneMatch(v -> String.valueOf(v).contains("5678"));
    assertThat(output.getAll()).doesNotContain(PHONE).doesNotContain("+86" + PHONE);
  }

  @Test
  @DisplayName("不持有该案件任务的工作人员看不到电话（如同案件不存在），也不留日志；跨站请求被拒")
  void othersSeeNothing() throws Exception {
    Created c = newCase("tfsq", "dtsz");
    String url = base + "/staff/cases/" + c.caseNo() + "/phone";

    // another community's grid worker; the property staff, whose task comes later
    assertThat(WebappLogin.as("grid2", "demo", base).get(url).statusCode()).isEqualTo(404);
    assertThat(WebappLogin.as("property1", "demo", base).get(url).statusCode()).isEqualTo(404);
    // a page of another site that makes the grid worker's browser load the reveal
    WebappLogin grid1 = WebappLogin.as("grid1", "demo", base);
    assertThat(grid1.get(url, "Sec-Fetch-Site", "cross-site").statusCode()).isEqualTo(403);
    // not signed into the webapps
    int anonymous =
        http.get()
            .uri("/staff/cases/{c}/phone", c.caseNo())
            .exchange((req, res) -> res.getStatusCode().value());
    assertThat(anonymous).isEqualTo(404);
    // claimed by someone else, the task no longer gives the others a reason
    String taskId =
        tasks.createTaskQuery().processInstanceBusinessKey(c.caseNo()).singleResult().getId();
    tasks.claim(taskId, "someone-else");
    assertThat(grid1.get(url).statusCode()).isEqualTo(404);

    assertThat(logRows(c.caseNo())).isEmpty();
  }

  @Test
  @DisplayName("经接口查看电话同样记日志；督查按案件和按工作人员查看访问日志，日志里没有电话")
  void apiRevealAndSupervisorsList() throws Exception {
    Created c = newCase("tfsq", "dtsz");
    JsonNode revealed =
        http.post()
            .uri("/api/staff/cases/{c}/phone-reveal", c.caseNo())
            .header("X-Linli-User", "grid1")
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("note", "电话约上门查看"))
            .retrieve()
            .body(JsonNode.class);
    assertThat(revealed.get("phone").asText()).isEqualTo(PHONE);
    int refused =
        http.post()
            .uri("/api/staff/cases/{c}/phone-reveal", c.caseNo())
            .header("X-Linli-User", "grid2")
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of())
            .exchange((req, res) -> res.getStatusCode().value());
    assertThat(refused).isEqualTo(404);

    String byCase =
        http.get()
            .uri("/api/staff/contact-access?caseNo={c}", c.caseNo())
            .retrieve()
            .body(String.class);
    JsonNode entries = new com.fasterxml.jackson.databind.ObjectMapper().readTree(byCase);
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).get("staffUser").asText()).isEqualTo("grid1");
    assertThat(entries.get(0).get("taskKey").asText()).isEqualTo("Task_Triage");
    assertThat(entries.get(0).get("purpose").asText()).contains("分流定级").contains("电话约上门查看");
    assertThat(byCase).doesNotContain("5678");

    JsonNode byStaff =
        http.get().uri("/api/staff/contact-access?staff=grid1").retrieve().body(JsonNode.class);
    assertThat(byStaff.findValuesAsText("caseNo")).contains(c.caseNo());
    assertThat(byStaff.findValuesAsText("staffUser")).containsOnly("grid1");

    int noFilter =
        http.get()
            .uri("/api/staff/contact-access")
            .exchange((req, res) -> res.getStatusCode().value());
    assertThat(noFilter).isEqualTo(400);
  }

  @Test
  @DisplayName("任务持有人在表单里看到案件照片（一张拼图）；他人看不到")
  void photosForTheTaskHolder() throws Exception {
    Created c = newCase("tfsq", "dtsz");
    var form = new LinkedMultiValueMap<String, Object>();
    form.add(
        "photo",
        new ByteArrayResource(jpeg(400, 300)) {
          @Override
          public String getFilename() {
            return "door.jpg";
          }
        });
    http.post()
        .uri("/api/cases/grievance/{c}/photos?token={t}", c.caseNo(), c.token())
        .contentType(MediaType.MULTIPART_FORM_DATA)
        .body(form)
        .retrieve()
        .toBodilessEntity();
    String url = base + "/staff/cases/" + c.caseNo() + "/photos.jpg";

    HttpResponse<byte[]> sheet = WebappLogin.as("grid1", "demo", base).get(url);

    assertThat(sheet.statusCode()).isEqualTo(200);
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(sheet.body()));
    assertThat(img.getHeight()).isEqualTo(PhotoSheet.HEIGHT);
    assertThat(img.getWidth()).isEqualTo(Math.round(PhotoSheet.HEIGHT * 400 / 300.0));
    assertThat(WebappLogin.as("grid2", "demo", base).get(url).statusCode()).isEqualTo(404);
    Created none = newCase("tfsq", "dtsz");
    assertThat(
            WebappLogin.as("grid1", "demo", base)
                .get(base + "/staff/cases/" + none.caseNo() + "/photos.jpg")
                .statusCode())
        .isEqualTo(404);
  }

  static byte[] jpeg(int w, int h) throws Exception {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.ORANGE);
    g.fillRect(0, 0, w, h);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "jpeg", out);
    return out.toByteArray();
  }
}
