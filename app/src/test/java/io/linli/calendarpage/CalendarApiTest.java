package io.linli.calendarpage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linli.LinliSpringTest;
import io.linli.TestHttp;
import io.linli.sla.SlaPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * Integration tier: the business calendar over HTTP on the real PostgreSQL — the shipped years as
 * loaded at start, loading a year and a community's local days, bad data refused with the date
 * named, and the due-date preview. (Who may load is in AuthorizationIT's matrix.)
 */
@LinliSpringTest
class CalendarApiTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired SlaPolicy policy;
  RestClient http;

  @BeforeEach
  void client() {
    http = TestHttp.client(port);
  }

  ResponseEntity<JsonNode> get(String path) {
    return http.get().uri(path).retrieve().toEntity(JsonNode.class);
  }

  ResponseEntity<JsonNode> send(String method, String path, String body) {
    var spec = method.equals("PUT") ? http.put() : http.post();
    return spec.uri(path)
        .contentType(MediaType.APPLICATION_JSON)
        .header("X-Linli-User", "street1")
        .body(body)
        .retrieve()
        .toEntity(JsonNode.class);
  }

  static JsonNode day(JsonNode year, String date) {
    for (JsonNode d : year.get("days")) if (d.get("date").asText().equals(date)) return d;
    throw new AssertionError("no " + date);
  }

  static List<String> messages(ResponseEntity<JsonNode> r) {
    List<String> m = new ArrayList<>();
    r.getBody()
        .get("errors")
        .forEach(e -> m.add(e.get("field").asText() + ": " + e.get("message").asText()));
    return m;
  }

  @Test
  @DisplayName("2026年全年：春节、国庆放假，2月14日、2月28日、9月20日、10月10日调休上班，共248个工作日")
  void year2026() {
    JsonNode y = get("/api/calendar/2026").getBody();
    assertThat(y.get("loaded").asBoolean()).isTrue();
    assertThat(y.get("workingHours").asText()).isEqualTo("08:30-12:00,14:00-18:00");
    assertThat(day(y, "2026-02-14").get("working").asBoolean()).isTrue();
    assertThat(day(y, "2026-02-14").get("kindLabel").asText()).isEqualTo("调休上班");
    assertThat(day(y, "2026-02-16").get("working").asBoolean()).isFalse();
    assertThat(day(y, "2026-02-16").get("name").asText()).isEqualTo("春节");
    assertThat(day(y, "2026-02-28").get("working").asBoolean()).isTrue();
    assertThat(day(y, "2026-09-20").get("working").asBoolean()).isTrue();
    assertThat(day(y, "2026-10-07").get("working").asBoolean()).isFalse();
    assertThat(day(y, "2026-10-10").get("working").asBoolean()).isTrue();
    assertThat(day(y, "2026-03-07").get("working").asBoolean())
        .as("an ordinary Saturday")
        .isFalse();
    // 261 weekdays, 19 of them holidays, 6 makeup weekend days
    assertThat(y.get("workingDays").asInt()).isEqualTo(248);
    assertThat(get("/api/calendar/2027").getBody().get("loaded").asBoolean()).isFalse();
  }

  @Test
  @DisplayName("坏数据400并点名日期：同一天列两次、调休日不是周末、缺年份、跳过一年")
  void badDataNamesTheDate() {
    var twice =
        send(
            "POST",
            "/api/calendar/national",
            """
        {"years": [{"year": 2026, "days": [
          {"date": "2026-10-01", "to": "2026-10-07", "kind": "HOLIDAY", "name": "国庆节"},
          {"date": "2026-10-05", "kind": "HOLIDAY", "name": "重复"}]}]}""");
    assertThat(twice.getStatusCode().value()).isEqualTo(400);
    assertThat(messages(twice))
        .singleElement()
        .asString()
        .contains("years[0].days[1].date")
        .contains("2026-10-05");

    var weekday =
        send(
            "POST",
            "/api/calendar/national",
            """
        {"years": [{"year": 2026, "days": [
          {"date": "2026-10-01", "kind": "HOLIDAY", "name": "国庆节"},
          {"date": "2026-10-09", "kind": "WORKDAY", "name": "调休"}]}]}""");
    assertThat(weekday.getStatusCode().value()).isEqualTo(400);
    assertThat(messages(weekday)).singleElement().asString().contains("2026-10-09").contains("星期五");

    var noYear =
        send(
            "POST",
            "/api/calendar/national",
            """
        {"years": [{"days": [{"date": "2026-10-01", "kind": "HOLIDAY", "name": "国庆节"}]}]}""");
    assertThat(noYear.getStatusCode().value()).isEqualTo(400);
    assertThat(messages(noYear)).singleElement().asString().startsWith("years[0].year");

    var gap =
        send(
            "POST",
            "/api/calendar/national",
            """
        {"years": [{"year": 2028, "days": [{"date": "2028-01-01", "kind": "HOLIDAY", "name": "元旦"}]}]}""");
    assertThat(gap.getStatusCode().value()).isEqualTo(400);
    assertThat(messages(gap)).singleElement().asString().contains("2027");
    assertThat(get("/api/calendar/2028").getBody().get("loaded").asBoolean()).isFalse();

    var hours =
        send(
            "PUT",
            "/api/calendar/communities/tfsq/working-hours",
            """
        {"workingHours": "14:00-18:00,08:30-12:00"}""");
    assertThat(hours.getStatusCode().value()).isEqualTo(400);
    assertThat(messages(hours)).singleElement().asString().startsWith("workingHours");
  }

  @Test
  @DisplayName("通过接口重新载入一年（无需发版），社区添加本地日子后各节点按库里的数据计时")
  void loadThroughTheApi() {
    var reload =
        send(
            "POST",
            "/api/calendar/national",
            """
        {"years": [{"year": 2026, "source": "国务院办公厅关于2026年部分节假日安排的通知", "days": [
          {"date": "2026-01-01", "to": "2026-01-03", "kind": "HOLIDAY", "name": "元旦"},
          {"date": "2026-01-04", "kind": "WORKDAY", "name": "元旦调休上班"},
          {"date": "2026-02-15", "to": "2026-02-23", "kind": "HOLIDAY", "name": "春节"},
          {"date": "2026-02-14", "kind": "WORKDAY", "name": "春节调休上班"},
          {"date": "2026-02-28", "kind": "WORKDAY", "name": "春节调休上班"},
          {"date": "2026-04-04", "to": "2026-04-06", "kind": "HOLIDAY", "name": "清明节"},
          {"date": "2026-05-01", "to": "2026-05-05", "kind": "HOLIDAY", "name": "劳动节"},
          {"date": "2026-05-09", "kind": "WORKDAY", "name": "劳动节调休上班"},
          {"date": "2026-06-19", "to": "2026-06-21", "kind": "HOLIDAY", "name": "端午节"},
          {"date": "2026-09-25", "to": "2026-09-27", "kind": "HOLIDAY", "name": "中秋节"},
          {"date": "2026-10-01", "to": "2026-10-07", "kind": "HOLIDAY", "name": "国庆节"},
          {"date": "2026-09-20", "kind": "WORKDAY", "name": "国庆节调休上班"},
          {"date": "2026-10-10", "kind": "WORKDAY", "name": "国庆节调休上班"}]}]}""");
    assertThat(reload.getStatusCode().value()).isEqualTo(200);
    assertThat(
            jdbc.sql("select loaded_by from calendar_year where scope = 'CN' and year = 2026")
                .query(String.class)
                .single())
        .isEqualTo("street1");
    assertThat(get("/api/calendar/2026").getBody().get("workingDays").asInt()).isEqualTo(248);

    // 锦都社区 closes on Monday 4 March 2030 (a far year no other test counts in)
    Instant friday = Instant.parse("2030-03-01T02:00:00Z"); // Friday 10:00 Beijing
    assertThat(policy.due("escalation.community", friday, "jdsq"))
        .isEqualTo(Instant.parse("2030-03-04T02:00:00Z"));
    var local =
        send(
            "PUT",
            "/api/calendar/communities/jdsq/days",
            """
        {"years": [{"year": 2030, "days": [{"date": "2030-03-04", "kind": "HOLIDAY", "name": "社区换届选举"}]}]}""");
    assertThat(local.getStatusCode().value()).isEqualTo(200);
    assertThat(policy.due("escalation.community", friday, "jdsq"))
        .isEqualTo(Instant.parse("2030-03-05T02:00:00Z"));
    assertThat(policy.due("escalation.community", friday, "tfsq"))
        .isEqualTo(Instant.parse("2030-03-04T02:00:00Z"));
    JsonNode y = get("/api/calendar/2030?community=jdsq").getBody();
    assertThat(day(y, "2030-03-04").get("working").asBoolean()).isFalse();
    assertThat(day(y, "2030-03-04").get("listedBy").asText()).isEqualTo("community");
  }

  @Test
  @DisplayName("到期预览：按时限键或时长+计时方式，给出与定时器相同的到期时刻；未知时限400")
  void duePreview() {
    JsonNode plan =
        get("/api/sla/due-preview?clock=service-order.plan&from=2026-09-30T16:00:00&community=tfsq")
            .getBody();
    assertThat(plan.get("counting").asText()).isEqualTo("WORKING_DAYS");
    assertThat(plan.get("lengthLabel").asText()).isEqualTo("2个工作日");
    assertThat(Instant.parse(plan.get("due").asText()))
        .as("National Day: 8 h on the 30th, 40 h from 8 October")
        .isEqualTo(Instant.parse("2026-10-09T08:00:00Z"));
    JsonNode byId =
        get("/api/sla/due-preview?clock=SERVICE_ORDER_ARRIVE&from=2026-10-01T10:00:00").getBody();
    assertThat(Instant.parse(byId.get("due").asText()))
        .as("5 minutes round the clock, holiday or not")
        .isEqualTo(Instant.parse("2026-10-01T02:05:00Z"));
    JsonNode hours =
        get("/api/sla/due-preview?duration=PT4H&counting=working-hours&from=2026-02-13T17:00:00")
            .getBody();
    assertThat(Instant.parse(hours.get("due").asText()))
        .isEqualTo(Instant.parse("2026-02-14T03:30:00Z"));
    assertThat(Duration.parse(hours.get("duration").asText())).isEqualTo(Duration.ofHours(4));
    assertThat(hours.get("lengthLabel").asText()).isEqualTo("4小时（只计工作时间）");
    JsonNode clocks = get("/api/sla/clocks").getBody();
    JsonNode arrive = null;
    for (JsonNode c : clocks) if (c.get("key").asText().equals("service-order.arrive")) arrive = c;
    assertThat(arrive.get("label").asText()).isEqualTo("接单后到场时限");
    assertThat(arrive.get("lengthLabel").asText()).isEqualTo("5分钟");
    assertThat(arrive.get("counting").asText()).isEqualTo("WALL_CLOCK");

    var unknown = get("/api/sla/due-preview?clock=nothing.here");
    assertThat(unknown.getStatusCode().value()).isEqualTo(400);
    assertThat(messages(unknown)).singleElement().asString().startsWith("clock");
    var bad = get("/api/sla/due-preview?duration=2天&counting=lunar&from=yesterday");
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat(messages(bad)).hasSize(3);
  }
}
