package io.linli.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linli.CaseClock;
import io.linli.LinliSpringTest;
import io.linli.TestHttp;
import io.linli.notification.OutboxPasses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.yaml.snakeyaml.Yaml;

/**
 * Integration tier: a grievance driven through the API and the engine (reported with an SMS notice,
 * triaged, its handling clock breached and escalated, handled, rated, visited, closed), then {@code
 * /actuator/prometheus} scraped: the meters moved, and every metric the Grafana dashboard and the
 * alert rules under {@code ops/} name is exported.
 */
@LinliSpringTest
class MetricsScrapeTest {

  static final Path OPS = Path.of("..", "ops");

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired CaseClock clock;
  @Autowired StateGauges gauges;
  @Autowired ApplicationContext context;
  @Autowired ObjectMapper json;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  @DisplayName("走完一件诉求后抓取 /actuator/prometheus：看板和告警规则引用的每个指标都已导出")
  void everyMetricOfTheDashboardAndTheRulesIsExported() throws IOException {
    RestClient http = TestHttp.client(port);
    Map<String, Double> before = samples(scrape(http));

    // given: a grievance whose respond clock breaches, then the case closes; a second one stays
    // open
    clock.pin();
    String caseNo = report(http, "3栋门口垃圾三天没清运");
    String stillOpen = report(http, "3栋楼道灯不亮");
    complete(
        caseNo,
        "Task_Triage",
        "grid1",
        Map.of("category", "ENVIRONMENT", "tier", "GENERAL", "triageNote", ""));
    clock.advance(Duration.ofHours(4).plusSeconds(7));
    clock.executeDueJobs(caseNo);
    complete(
        caseNo,
        "Task_HandleGeneral",
        "property1",
        Map.of("handlingResult", "已清运垃圾", "feedbackMethod", "PHONE"));
    assertThat(
            http.post()
                .uri("/api/grievances/{no}/evaluation", caseNo)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("rating", "SATISFIED"))
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value())
        .isEqualTo(200);
    complete(
        caseNo,
        "Task_FollowUpVisit",
        "party1",
        Map.of("followUpMethod", "PHONE", "followUpSatisfaction", "SATISFIED", "followUpNote", ""));
    clock.executeDueJobs(caseNo);
    clock.superviseAll(caseNo);
    // the SMS notices: no gateway configured in tests, so each attempt fails for good, timed
    while (OutboxPasses.dispatchDue(context) > 0) {
      // every due row is tried once
    }

    // when
    gauges.refresh();
    String scrape = scrape(http);
    Map<String, Double> after = samples(scrape);

    // then: the meters moved by this case
    assertThat(
            delta(before, after, "linli_cases_opened_total{community=\"tfsq\",flow=\"GRIEVANCE\"}"))
        .isEqualTo(2);
    assertThat(
            delta(before, after, "linli_cases_closed_total{community=\"tfsq\",flow=\"GRIEVANCE\"}"))
        .isEqualTo(1);
    assertThat(
            delta(
                before,
                after,
                "linli_sla_breaches_total{clock=\"GRIEVANCE_RESPOND\",flow=\"GRIEVANCE\",level=\"1\"}"))
        .isEqualTo(1);
    // due 4 h after the report, recorded 7 s later: in the 15 s bucket, not the 5 s one
    assertThat(
            delta(
                    before,
                    after,
                    "linli_escalation_lateness_seconds_bucket{flow=\"GRIEVANCE\",le=\"15.0\"}")
                - delta(
                    before,
                    after,
                    "linli_escalation_lateness_seconds_bucket{flow=\"GRIEVANCE\",le=\"5.0\"}"))
        .isGreaterThanOrEqualTo(1);
    assertThat(
            delta(
                before,
                after,
                "linli_notification_send_seconds_count{channel=\"SMS\",outcome=\"failed\"}"))
        .isGreaterThanOrEqualTo(1);
    assertThat(after.get("linli_notification_outbox_failed")).isGreaterThanOrEqualTo(1);
    assertThat(after.get("linli_node_ready")).isEqualTo(1);
    assertThat(after.get("linli_cases_open{flow=\"GRIEVANCE\",state=\"TRIAGE\"}"))
        .as("open cases of %s's state", stillOpen)
        .isGreaterThanOrEqualTo(1);

    // and: every metric the dashboard and the rules query is in the scrape
    Set<String> exported = new TreeSet<>();
    after.keySet().forEach(k -> exported.add(k.contains("{") ? k.substring(0, k.indexOf('{')) : k));
    Set<String> referenced = new TreeSet<>();
    expressions().forEach(e -> referenced.addAll(metricNames(e)));
    // `up` is Prometheus's own series for every scrape target, not the app's
    referenced.remove("up");
    assertThat(referenced).as("metrics named in ops/").hasSizeGreaterThan(10);
    assertThat(exported).containsAll(referenced);
  }

  @Test
  @DisplayName("从 PromQL 表达式中取指标名：函数、标签、区间、聚合子句不算")
  void metricNamesOfAnExpression() {
    assertThat(
            metricNames(
                """
        histogram_quantile(0.95, sum by (le, channel) (rate(a_seconds_bucket{job="linli",x=~"y"}[5m])))
        > 3 * sum(increase(b_total[1d] offset 1h)) / 24 unless on(instance) c or up == 0"""))
        .containsExactlyInAnyOrder("a_seconds_bucket", "b_total", "c", "up");
  }

  private static String report(RestClient http, String description) {
    JsonNode receipt =
        http.post()
            .uri("/api/grievances")
            .contentType(MediaType.APPLICATION_JSON)
            .body(
                Map.of(
                    "communityCode",
                    "tfsq",
                    "estateCode",
                    "dtsz",
                    "buildingCode",
                    "b3",
                    "category",
                    "ENVIRONMENT",
                    "description",
                    description,
                    "contactPhone",
                    "13800007777",
                    "notifyBy",
                    List.of("SMS"),
                    "channel",
                    "WEB"))
            .retrieve()
            .body(JsonNode.class);
    return receipt.get("caseNo").asText();
  }

  private void complete(String caseNo, String taskKey, String user, Map<String, Object> form) {
    Task t =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(caseNo)
            .taskDefinitionKey(taskKey)
            .singleResult();
    assertThat(t).as("open task %s of %s", taskKey, caseNo).isNotNull();
    tasks.claim(t.getId(), user);
    tasks.complete(t.getId(), form);
  }

  private static String scrape(RestClient http) {
    var answer = http.get().uri("/actuator/prometheus").retrieve().toEntity(String.class);
    assertThat(answer.getStatusCode().value()).isEqualTo(200);
    return answer.getBody();
  }

  /** Series (name with its labels as exported) → value; comments skipped. */
  static Map<String, Double> samples(String scrape) {
    Map<String, Double> out = new java.util.HashMap<>();
    for (String line : scrape.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) continue;
      int space = line.lastIndexOf(' ');
      out.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
    }
    return out;
  }

  private static double delta(
      Map<String, Double> before, Map<String, Double> after, String series) {
    assertThat(after.containsKey(series)).as("%s exported", series).isTrue();
    return after.get(series) - before.getOrDefault(series, 0d);
  }

  /** Every PromQL expression of the dashboard's panels and of the alert rules. */
  private List<String> expressions() throws IOException {
    List<String> out = new ArrayList<>();
    JsonNode dashboard = json.readTree(OPS.resolve("grafana/linli-dashboard.json").toFile());
    dashboard.findValues("expr").forEach(e -> out.add(e.asText()));
    Map<String, Object> rules =
        new Yaml().load(Files.readString(OPS.resolve("prometheus/linli-alerts.yml")));
    for (Object group : (List<?>) rules.get("groups")) {
      for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
        out.add(String.valueOf(((Map<?, ?>) rule).get("expr")));
      }
    }
    assertThat(out).isNotEmpty();
    return out;
  }

  private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}|\\[[^]]*]");
  private static final Pattern CLAUSES =
      Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
  private static final Pattern IDENTIFIER =
      Pattern.compile("(?<![\\w.$])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");
  private static final Set<String> KEYWORDS =
      Set.of(
          "and",
          "or",
          "unless",
          "offset",
          "bool",
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "inf",
          "nan");

  /**
   * The metric names of a PromQL expression: identifiers that are not functions, labels or
   * keywords.
   */
  static Set<String> metricNames(String expr) {
    String s = STRINGS.matcher(expr).replaceAll("\"\"");
    s = MATCHERS.matcher(s).replaceAll(" ");
    s = CLAUSES.matcher(s).replaceAll(" ");
    Set<String> names = new TreeSet<>();
    Matcher m = IDENTIFIER.matcher(s);
    while (m.find()) {
      if (m.group(2) != null) continue; // a function call
      if (KEYWORDS.contains(m.group(1).toLowerCase())) continue;
      names.add(m.group(1));
    }
    return names;
  }
}
