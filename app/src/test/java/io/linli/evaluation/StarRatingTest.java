package io.linli.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linli.LinliSpringTest;
import io.linli.TestHttp;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * Integration tier: a rating run over a fixture year (2018: the demo has no case that year, so the
 * evaluation results below are the only input), computed by hand; the public list with its basis; a
 * supervisor's override, refused without a reason, kept over a new run.
 */
@LinliSpringTest
class StarRatingTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired StarRatings ratings;

  RestClient http;

  @BeforeEach
  void setUp() {
    http = TestHttp.client(port);
  }

  @Test
  @DisplayName("蓉城物业两个小区考评4.20和3.40：物业均分3.80得70分三星，地铁首座80分B级、华熙LIVE60分C级；督查调整须写理由并留痕")
  void fixtureYearRatedAndOverridden() {
    // given: the fixture evaluations of 2018 (蓉城物业 serves 地铁首座 and 华熙LIVE)
    evaluation("dtsz", "4.20");
    evaluation("hxjd", "3.40");

    // when
    var run =
        http.post()
            .uri("/api/ratings/runs")
            .header("X-Linli-User", "supervisor1")
            .body(Map.of("year", 2018))
            .retrieve()
            .toEntity(JsonNode.class);
    assertThat(run.getStatusCode().value()).as(String.valueOf(run.getBody())).isEqualTo(200);

    // then: (3.80 − 1) × 25 = 70 → 3 stars; estates (4.20 − 1) × 25 = 80 → B, (3.40 − 1) × 25 = 60
    // → C
    JsonNode rcwy = find(publicList(), "COMPANY", "蓉城物业服务有限公司");
    assertThat(rcwy.get("points").decimalValue()).isEqualByComparingTo("70.0");
    assertThat(rcwy.get("stars").asInt()).isEqualTo(3);
    assertThat(rcwy.at("/basis/parts/0/label").asText()).isEqualTo("年度综合考评");
    assertThat(rcwy.at("/basis/parts/0/value").asText()).isEqualTo("3.80分");
    assertThat(rcwy.at("/basis/formula").asText()).contains("物业定星");
    assertThat(find(publicList(), "ESTATE", "地铁首座小区").get("grade").asText()).isEqualTo("B");
    assertThat(find(publicList(), "ESTATE", "华熙LIVE·528锦都").get("grade").asText()).isEqualTo("C");
    JsonNode none = find(publicList(), "COMPANY", "新桥北村物业服务社");
    assertThat(none.get("stars").isNull()).as("no data, no stars").isTrue();

    // an override needs a reason and a value of its kind
    long id = rcwy.get("id").asLong();
    var noReason =
        http.post()
            .uri("/api/ratings/" + id + "/override")
            .header("X-Linli-User", "supervisor1")
            .body(Map.of("value", "4", "reason", ""))
            .retrieve()
            .toEntity(JsonNode.class);
    assertThat(noReason.getStatusCode().value()).isEqualTo(400);
    var grade =
        http.post()
            .uri("/api/ratings/" + id + "/override")
            .header("X-Linli-User", "supervisor1")
            .body(Map.of("value", "A", "reason", "擂台赛第一名"))
            .retrieve()
            .toEntity(JsonNode.class);
    assertThat(grade.getStatusCode().value()).isEqualTo(400);
    assertThat(grade.getBody().at("/errors/0/field").asText()).isEqualTo("value");
    var ok =
        http.post()
            .uri("/api/ratings/" + id + "/override")
            .header("X-Linli-User", "supervisor1")
            .body(Map.of("value", "4", "reason", "物业提升擂台赛第一名，加一星"))
            .retrieve()
            .toEntity(JsonNode.class);
    assertThat(ok.getStatusCode().value()).as(String.valueOf(ok.getBody())).isEqualTo(200);
    JsonNode after = find(publicList(), "COMPANY", "蓉城物业服务有限公司");
    assertThat(after.get("stars").asInt()).isEqualTo(4);
    assertThat(after.get("computedStars").asInt()).isEqualTo(3);
    assertThat(after.get("overridden").asBoolean()).isTrue();
    assertThat(after.at("/overrides/0/reason").asText()).isEqualTo("物业提升擂台赛第一名，加一星");
    assertThat(
            jdbc.sql("select overridden_by from star_rating_override where rating_id = ?")
                .param(id)
                .query(String.class)
                .single())
        .isEqualTo("supervisor1");

    // a new run keeps the override in force and says so
    http.post()
        .uri("/api/ratings/runs")
        .header("X-Linli-User", "supervisor1")
        .body(Map.of("year", 2018))
        .retrieve()
        .toBodilessEntity();
    JsonNode rerun = find(publicList(), "COMPANY", "蓉城物业服务有限公司");
    assertThat(rerun.get("id").asLong()).isNotEqualTo(id);
    assertThat(rerun.get("stars").asInt()).isEqualTo(4);
    assertThat(rerun.get("computedStars").asInt()).isEqualTo(3);
    assertThat(rerun.at("/overrides/0/reason").asText()).startsWith("重新计算后沿用人工调整");
  }

  @Test
  @DisplayName("服务之星：天府社区2026年按时完成时限占比最高、至少完成5个时限的工作人员，附评选规则")
  void serviceStars() {
    JsonNode board =
        http.get()
            .uri("/api/ratings/service-stars?year=2026&communityCode=tfsq")
            .retrieve()
            .body(JsonNode.class);
    assertThat(board.get("rule").asText()).startsWith("服务之星");
    JsonNode stars = board.get("stars");
    assertThat(stars).isNotEmpty();
    assertThat(stars.get(0).get("rank").asInt()).isEqualTo(1);
    assertThat(stars)
        .allSatisfy(
            s ->
                assertThat(s.get("stopped").asLong())
                    .isGreaterThanOrEqualTo(ServiceStars.MIN_STOPS));
    for (int i = 1; i < stars.size(); i++) {
      assertThat(stars.get(i - 1).get("onTimeRate").asDouble())
          .isGreaterThanOrEqualTo(stars.get(i).get("onTimeRate").asDouble());
    }
    // the demo's 天府社区 grievances were handled by 何经理 (property1)
    assertThat(stars).anySatisfy(s -> assertThat(s.get("name").asText()).isEqualTo("何经理"));
    var bad =
        http.get().uri("/api/ratings/service-stars?year=1999").retrieve().toEntity(JsonNode.class);
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
  }

  @Test
  @DisplayName("年度评定：定时任务评定上一年度，同一年度只评定一次")
  void yearlyRunOnce() {
    int last = java.time.Year.now(io.linli.system.Times.BEIJING).getValue() - 1;
    long before =
        jdbc.sql("select count(*) from star_rating where year = ? and run_kind = 'YEARLY'")
            .param(last)
            .query(Long.class)
            .single();
    ratings.yearly();
    long companies = jdbc.sql("select count(*) from property_company").query(Long.class).single();
    long estates = jdbc.sql("select count(*) from estate").query(Long.class).single();
    long after =
        jdbc.sql("select count(*) from star_rating where year = ? and run_kind = 'YEARLY'")
            .param(last)
            .query(Long.class)
            .single();
    assertThat(after).isEqualTo(before == 0 ? companies + estates : before);
    ratings.yearly();
    assertThat(
            jdbc.sql("select count(*) from star_rating where year = ? and run_kind = 'YEARLY'")
                .param(last)
                .query(Long.class)
                .single())
        .isEqualTo(after);
  }

  private void evaluation(String estate, String overall) {
    jdbc.sql(
            """
            insert into evaluation (evaluation_no, community_code, estate_id, property_company_id, year, state,
              opened_by, opened_at, eligible, answered, quorum_met, overall, tallied_at)
            select 'PJ-2018-FX-' || e.code, e.community_code, e.id, e.property_company_id, 2018, 'PUBLISHED',
              'fixture', now(), 30, 25, true, ?::numeric, now()
            from estate e where e.code = ?""")
        .params(overall, estate)
        .update();
  }

  private JsonNode publicList() {
    return http.get().uri("/api/ratings?year=2018").retrieve().body(JsonNode.class);
  }

  private static JsonNode find(JsonNode list, String kind, String name) {
    for (JsonNode n : list) {
      if (n.get("kind").asText().equals(kind) && n.get("name").asText().equals(name)) return n;
    }
    throw new AssertionError(kind + " " + name + " not in " + list);
  }
}
