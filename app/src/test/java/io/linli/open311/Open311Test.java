package io.linli.open311;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linli.LinliSpringTest;
import io.linli.TestHttp;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import org.w3c.dom.Document;

/**
 * Integration tier: an Open311 GeoReport v2 client against the running app — list services in JSON
 * and XML, post a request (form-encoded, as the spec says), find it as a triage task in Tasklist,
 * read it back with the SLA deadline as expected_datetime.
 */
@LinliSpringTest
class Open311Test {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired TaskService tasks;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  RestClient http;

  @BeforeEach
  void client() {
    http = TestHttp.client(port);
  }

  ResponseEntity<String> get(String path) {
    return http.get().uri(path).retrieve().toEntity(String.class);
  }

  static Document xml(String body) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  @DisplayName("服务列表：JSON 与 XML，服务即诉求类别加服务目录中在用的项目")
  void servicesInJsonAndXml() throws Exception {
    long items =
        jdbc.sql("select count(*) from service_item where retired_at is null")
            .query(Long.class)
            .single();
    JsonNode services =
        json.readTree(get("/open311/v2/services.json?jurisdiction_id=tfsq").getBody());
    assertThat(services).hasSize(10 + (int) items);
    assertThat(services.findValuesAsText("group")).containsOnly("居民诉求", "便民服务");
    assertThat(services.findValuesAsText("service_code")).contains("PLUMBING-01");
    assertThat(services.get(1).get("service_code").asText()).isEqualTo("FACILITY");
    assertThat(services.get(1).get("service_name").asText()).isEqualTo("公共设施维修");
    assertThat(services.get(1).get("type").asText()).isEqualTo("realtime");

    Document doc = xml(get("/open311/v2/services.xml?jurisdiction_id=tfsq").getBody());
    assertThat(doc.getDocumentElement().getNodeName()).isEqualTo("services");
    assertThat(doc.getElementsByTagName("service").getLength()).isEqualTo(10 + (int) items);

    JsonNode def =
        json.readTree(get("/open311/v2/services/FACILITY.json?jurisdiction_id=tfsq").getBody());
    assertThat(def.get("service_code").asText()).isEqualTo("FACILITY");
    assertThat(
            json.readTree(
                    get("/open311/v2/services/PLUMBING-01.json?jurisdiction_id=tfsq").getBody())
                .get("service_code")
                .asText())
        .isEqualTo("PLUMBING-01");
    assertThat(get("/open311/v2/services/NOPE.json?jurisdiction_id=tfsq").getStatusCode().value())
        .isEqualTo(404);
    assertThat(get("/open311/v2/services.json?jurisdiction_id=nowhere").getStatusCode().value())
        .isEqualTo(404);
  }

  @Test
  @DisplayName("Open311 客户端提交请求：建案、出现在 Tasklist 分流任务中、可按编号查询（JSON/XML）")
  void postedRequestAppearsInTasklist() throws Exception {
    var form = new LinkedMultiValueMap<String, String>();
    form.add("jurisdiction_id", "tfsq");
    form.add("service_code", "WATER_POWER");
    form.add("address_id", "dfhy.b7");
    form.add("description", "7栋地下室漏水");
    form.add("phone", "13700001234");
    form.add("first_name", "先生");
    form.add("last_name", "李");
    String key = java.util.UUID.randomUUID().toString();
    ResponseEntity<String> posted =
        http.post()
            .uri("/open311/v2/requests.json")
            .header("Idempotency-Key", key)
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(form)
            .retrieve()
            .toEntity(String.class);
    assertThat(posted.getStatusCode().value()).as(posted.getBody()).isEqualTo(201);
    String id = json.readTree(posted.getBody()).get(0).get("service_request_id").asText();
    assertThat(id).matches("GR-\\d{4}-\\d{6}");
    ResponseEntity<String> retried =
        http.post()
            .uri("/open311/v2/requests.json")
            .header("Idempotency-Key", key)
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(form)
            .retrieve()
            .toEntity(String.class);
    assertThat(json.readTree(retried.getBody()).get(0).get("service_request_id").asText())
        .as("a retry gets the same request id")
        .isEqualTo(id);

    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceBusinessKey(id)
                .taskDefinitionKey("Task_Triage")
                .count())
        .as("in Tasklist")
        .isEqualTo(1);

    JsonNode request =
        json.readTree(get("/open311/v2/requests/" + id + ".json?jurisdiction_id=tfsq").getBody())
            .get(0);
    assertThat(request.get("status").asText()).isEqualTo("open");
    assertThat(request.get("service_code").asText()).isEqualTo("WATER_POWER");
    assertThat(request.get("expected_datetime").asText()).endsWith("+08:00");
    assertThat(request.get("status_notes").asText()).contains("待分流").contains("分级");
    assertThat(request.toString()).doesNotContain("13700001234").doesNotContain("李先生");

    Document doc = xml(get("/open311/v2/requests/" + id + ".xml?jurisdiction_id=tfsq").getBody());
    assertThat(doc.getElementsByTagName("service_request_id").item(0).getTextContent())
        .isEqualTo(id);

    JsonNode list =
        json.readTree(
            get("/open311/v2/requests.json?jurisdiction_id=tfsq&service_code=WATER_POWER")
                .getBody());
    assertThat(list.findValuesAsText("service_request_id")).contains(id);

    var bad = new LinkedMultiValueMap<String, String>();
    bad.add("jurisdiction_id", "tfsq");
    bad.add("service_code", "WATER_POWER");
    bad.add("description", "没有位置");
    ResponseEntity<String> refused =
        http.post()
            .uri("/open311/v2/requests.json")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(bad)
            .retrieve()
            .toEntity(String.class);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(json.readTree(refused.getBody()).get(0).get("code").asInt()).isEqualTo(400);
  }

  @Test
  @DisplayName("Open311 请求服务目录中的项目：生成服务单、出现在 Tasklist 派单任务中、列表和按编号查询可见")
  void postedCatalogueItemBecomesAServiceOrder() throws Exception {
    var form = new LinkedMultiValueMap<String, String>();
    form.add("jurisdiction_id", "tfsq");
    form.add("service_code", "PLUMBING-01");
    form.add("address_id", "dtsz.b2");
    form.add("description", "卫生间下水道堵塞");
    form.add("phone", "13700005678");
    ResponseEntity<String> posted =
        http.post()
            .uri("/open311/v2/requests.json")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(form)
            .retrieve()
            .toEntity(String.class);
    assertThat(posted.getStatusCode().value()).as(posted.getBody()).isEqualTo(201);
    String id = json.readTree(posted.getBody()).get(0).get("service_request_id").asText();
    assertThat(id).matches("SO-\\d{4}-\\d{6}");
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceBusinessKey(id)
                .taskDefinitionKey("Task_Dispatch")
                .count())
        .as("in Tasklist")
        .isEqualTo(1);

    JsonNode request =
        json.readTree(get("/open311/v2/requests/" + id + ".json?jurisdiction_id=tfsq").getBody())
            .get(0);
    assertThat(request.get("service_code").asText()).isEqualTo("PLUMBING-01");
    assertThat(request.get("service_name").asText()).isEqualTo("水管维修");
    assertThat(request.get("status").asText()).isEqualTo("open");
    assertThat(request.get("status_notes").asText()).contains("待派单");
    assertThat(request.get("expected_datetime").asText()).endsWith("+08:00");
    assertThat(request.toString()).doesNotContain("13700005678");
    assertThat(
            get("/open311/v2/requests/" + id + ".json?jurisdiction_id=jdsq")
                .getStatusCode()
                .value())
        .as("another jurisdiction")
        .isEqualTo(404);

    JsonNode list =
        json.readTree(
            get("/open311/v2/requests.json?jurisdiction_id=tfsq&service_code=PLUMBING-01")
                .getBody());
    assertThat(list.findValuesAsText("service_request_id")).contains(id);
    assertThat(list.findValuesAsText("service_code")).containsOnly("PLUMBING-01");
  }
}
