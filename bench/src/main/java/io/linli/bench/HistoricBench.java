package io.linli.bench;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * (d) The breach audit and the rates over a year of history: N closed grievances (default
 * 1,000,000) with their case_file rows, case events and SLA ledger rows, written by bulk SQL
 * ({@code generate_series}) straight into the app's tables, not through the engine (history of this
 * size would take hours through it). Then the supervision API, one client, first page and filters.
 *
 * <p>Per case: RECEIVED, RESPONDED, RESOLVED and CLOSED events (PLAN_COMMITTED for 疑难); the respond
 * clock's STARTED row and its MET row, or for 15% of cases a BREACHED (level 1), a late RESOLVED
 * and for two thirds of those a SUPERVISED row; 中等 cases (20%) also the resolve clock, 疑难 ones
 * (10%) the committed deadline; 1% a street-level (2) breach as well (the V7 ledger). Cases spread
 * evenly over the year, the communities and their estates.
 */
final class HistoricBench {

  private static final Logger log = LoggerFactory.getLogger(HistoricBench.class);

  private final Sut sut;

  HistoricBench(Sut sut) {
    this.sut = sut;
  }

  /**
   * Measures the queries twice in one run: at a tenth of the history, then after the rest is added
   * (100,000 and 1,000,000), each time after the read model's rebuild, whose time is reported too.
   * Cost independent of history: no query more than 1.5× slower at the full size.
   */
  Map<String, Object> run() throws Exception {
    int n = sut.config.historicCases();
    int first = Math.max(1, n / 10);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("historicCases", n);
    Map<String, Object> small = stage(0, first);
    Map<String, Object> large = stage(first, n);
    m.put(
        "generateSeconds",
        Stats.round(
            ((Number) small.get("generateSeconds")).doubleValue()
                + ((Number) large.get("generateSeconds")).doubleValue()));
    m.put("grievanceCases", sut.count("select count(*) from grievance_case"));
    m.put("caseEvents", sut.count("select count(*) from case_event"));
    m.put("ledgerRows", sut.count("select count(*) from sla_ledger"));
    m.put("breaches", sut.count("select count(*) from sla_ledger where event = 'BREACHED'"));
    m.put(
        "ledgerPartitions",
        sut.count(
            "select count(*) from pg_inherits i join pg_class p on p.oid = i.inhparent where p.relname = 'sla_ledger'"));
    m.put("small", small);
    m.put("queries", large.get("queries"));
    m.put("rebuildSeconds", large.get("rebuildSeconds"));
    double worst = 0;
    double worstRatio = 0;
    Map<String, Object> ratios = new LinkedHashMap<>();
    for (var q : ((Map<?, ?>) large.get("queries")).entrySet()) {
      double p95 = ((Number) ((Map<?, ?>) q.getValue()).get("p95Ms")).doubleValue();
      double before =
          ((Number) ((Map<?, ?>) ((Map<?, ?>) small.get("queries")).get(q.getKey())).get("p95Ms"))
              .doubleValue();
      double ratio = Stats.round(p95 / Math.max(before, 1e-3));
      ratios.put((String) q.getKey(), ratio);
      worst = Math.max(worst, p95);
      worstRatio = Math.max(worstRatio, ratio);
    }
    m.put("p95LargeOverSmall", ratios);
    m.put("worstP95Ms", worst);
    m.put("worstRatio", worstRatio);
    m.put("targetMet", worst < 200 && worstRatio <= 1.5);
    return m;
  }

  private Map<String, Object> stage(int from, int to) throws Exception {
    long t0 = System.nanoTime();
    generate(from, to, sut.config.historicCases());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cases", to);
    m.put("generateSeconds", Stats.round((System.nanoTime() - t0) / 1e9));
    long t = System.nanoTime();
    log.info("(d) read model rebuild at {} cases", to);
    m.put(
        "rebuild",
        Bench.json()
            .readTree(
                sut.http.post(
                    "/api/supervision/read-model/rebuild",
                    "{}",
                    java.time.Duration.ofMinutes(30))));
    m.put("rebuildSeconds", Stats.round((System.nanoTime() - t) / 1e9));
    sut.jdbc.execute("analyze");
    m.put("queries", measure(to));
    if (to == sut.config.historicCases()) {
      // at the full size, the plans of what each request ran (bench/plans/d-*.txt)
      Map<String, Plans.Request> requests = new LinkedHashMap<>();
      queries().forEach((name, url) -> requests.put("d " + name, () -> sut.http.get(url)));
      m.put("plans", new Plans(sut).capture("(d) at " + to + " historic cases", requests).size());
    }
    return m;
  }

  private Map<String, String> queries() {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    String year = "from=" + today.minusYears(1) + "&to=" + today.plusDays(1);
    String month =
        "from="
            + today.minusMonths(2).withDayOfMonth(1)
            + "&to="
            + today.minusMonths(1).withDayOfMonth(1);
    // bench03 at the default 20 communities; the last bench community with fewer.
    String c = sut.communities.get(Math.min(4, sut.communities.size() - 1));
    String estate = c + "-e1";
    Map<String, String> queries = new LinkedHashMap<>();
    queries.put("breaches, first page", "/api/supervision/breaches");
    queries.put(
        "breaches, community + month", "/api/supervision/breaches?community=" + c + "&" + month);
    queries.put(
        "breaches, estate + 督办 still open",
        "/api/supervision/breaches?estate=" + estate + "&open=true");
    queries.put("breaches, company + year", "/api/supervision/breaches?company=benchco2&" + year);
    queries.put(
        "breaches, clock + level 2 + year",
        "/api/supervision/breaches?clock=GRIEVANCE_RESPOND&level=2&" + year);
    queries.put("breaches, page 100", "/api/supervision/breaches?page=100&size=50");
    queries.put("rates, community, a month", "/api/supervision/rates?community=" + c + "&" + month);
    queries.put(
        "rates, community, a year by month", "/api/supervision/rates?community=" + c + "&" + year);
    queries.put(
        "rates, community by estate, a year",
        "/api/supervision/rates?community=" + c + "&groupBy=estate&" + year);
    queries.put(
        "rates, all by company, a month", "/api/supervision/rates?groupBy=company&" + month);
    queries.put("rates, all by company, a year", "/api/supervision/rates?groupBy=company&" + year);
    queries.put("红黑榜, all, a year", "/api/supervision/ranking?" + year);
    return queries;
  }

  private Map<String, Object> measure(int cases) throws Exception {
    Map<String, Object> results = new LinkedHashMap<>();
    for (var q : queries().entrySet()) {
      // One warm-up call tells how slow the query is: at most ~20 s of samples per query (at
      // least 3), so a slow one cannot stretch the run.
      long w = System.nanoTime();
      sut.http.get(q.getValue());
      double each = (System.nanoTime() - w) / 1e9;
      for (int i = 1; i < sut.config.queryWarmup() && each < 2; i++) sut.http.get(q.getValue());
      int repeats =
          (int) Math.max(3, Math.min(sut.config.queryRepeats() / 2, 20 / Math.max(each, 1e-3)));
      Stats s =
          Load.run(
                  q.getKey() + " at " + cases + " (" + q.getValue() + ")",
                  1,
                  repeats,
                  i -> sut.http.get(q.getValue()))
              .stats();
      results.put(q.getKey(), s.toMap());
    }
    return results;
  }

  /** Cases numbered {@code from+1 .. to} of {@code total}, spread over the last 365 days. */
  private void generate(int from, int to, int total) {
    log.info("(d) estates and companies for the bench communities");
    sut.jdbc.update(
        """
        insert into property_company (code, name, kind)
        select 'benchco' || k, '压测物业' || k, 'COMPANY' from generate_series(1, 5) k
        on conflict do nothing""");
    sut.jdbc.update(
        """
        insert into estate (community_code, code, name, estate_type, households, property_company_id)
        select c.code, c.code || '-e' || k, c.name || '小区' || k, 'COMMERCIAL', 500,
               (select id from property_company where code = 'benchco' || (1 + (k + length(c.code)) % 5))
        from community c cross join generate_series(1, 3) k
        where c.code like 'bench%' on conflict do nothing""");
    sut.jdbc.execute("drop table if exists bench_location");
    sut.jdbc.execute(
        """
        create unlogged table bench_location as
        select (row_number() over (order by c.code, e.id) - 1)::int as i, c.code as community_code,
               e.id as estate_id, e.property_company_id
        from community c join estate e on e.community_code = c.code""");
    long t = System.nanoTime();
    log.info("(d) grievance cases {} to {}", from + 1, to);
    sut.jdbc.execute(
        "select linli_ensure_month_partitions((now() - interval '13 months')::date, now()::date)");
    sut.jdbc.update(
        """
        insert into grievance_case (case_no, community_code, estate_id, category, tier, description,
          channel, status, reported_at, committed_deadline, rating, follow_up_satisfaction, closed_at)
        select 'HI-' || lpad(g::text, 8, '0'), l.community_code, l.estate_id,
          (array['ENVIRONMENT','FACILITY','SECURITY','NOISE','PARKING','GREENING','PROPERTY_FEE',
                 'NEIGHBOUR','WATER_POWER','OTHER'])[1 + g % 10],
          case when g % 10 < 7 then 'GENERAL' when g % 10 < 9 then 'MEDIUM' else 'DIFFICULT' end,
          '历史诉求 ' || g, 'WEB', 'CLOSED', x.reported,
          case when g % 10 = 9 then x.reported + interval '10 days' end,
          (array['SATISFIED','BASICALLY_SATISFIED','DISSATISFIED','NONE','SATISFIED','SATISFIED',
                 'BASICALLY_SATISFIED'])[1 + g % 7],
          case when g % 3 = 0 then (array['SATISFIED','BASICALLY_SATISFIED','DISSATISFIED'])[1 + g % 9 / 3] end,
          x.reported + make_interval(hours => (1 + (g::bigint * 7919) % 72)::int)
        from generate_series(? + 1, ?) g
        cross join lateral (select now() - interval '365 days'
            -- a low-discrepancy spread: any first k cases cover the year evenly
            + make_interval(secs => (g * 0.6180339887498949 - floor(g * 0.6180339887498949)) * 365 * 86400)
            as reported) x
        join bench_location l on l.i = g % (select count(*) from bench_location)""",
        from, to);
    // Each case's case_file row, as the grievance intake writes it: the shared mechanisms (the
    // rates, 双晒, Open311) read case_file, not grievance_case.
    sut.jdbc.update(
        """
        insert into case_file (flow, case_id, case_no, community_code, estate_id, building_id,
          property_company_id, category, service_code, status, reported_at, closed_at,
          process_instance_id, rating, follow_up_rating)
        select 'GRIEVANCE', g.id, g.case_no, g.community_code, g.estate_id, g.building_id,
          e.property_company_id, g.category, g.category, g.status, g.reported_at, g.closed_at,
          g.process_instance_id, g.rating, g.follow_up_satisfaction
        from grievance_case g left join estate e on e.id = g.estate_id
        where g.case_no like 'HI-%' and substring(g.case_no from 4)::int > ?
        on conflict (case_no) do nothing""",
        from);
    log.info("(d) cases and case files: {} s", Stats.round((System.nanoTime() - t) / 1e9));
    // One row per historic case with the times the events and ledger rows derive from.
    sut.jdbc.execute("drop table if exists bench_history");
    sut.jdbc.execute(
        """
        create unlogged table bench_history as
        select g.id, g.case_no, g.community_code, g.estate_id, l.property_company_id, g.tier,
          g.reported_at, g.closed_at, g.reported_at + interval '4 hours' as respond_due,
          date_trunc('month', g.reported_at at time zone 'Asia/Shanghai')::date as case_month,
          (substring(g.case_no from 4)::int % 20 < 3) as breached,
          (substring(g.case_no from 4)::int % 100 = 0) as street,
          case when substring(g.case_no from 4)::int % 20 < 3
            then g.reported_at + interval '4 hours' + make_interval(mins => 30 + g.id::int % 300)
            else g.reported_at + make_interval(mins => 10 + g.id::int % 220) end as responded_at
        from grievance_case g join bench_location l on l.estate_id = g.estate_id
        where g.case_no like 'HI-%' and substring(g.case_no from 4)::int > """
            + from);
    t = System.nanoTime();
    log.info("(d) case events");
    sut.jdbc.update(
        """
        insert into case_event (flow, case_no, occurred_at, event_type, actor_role, case_month)
        select 'GRIEVANCE', h.case_no, e.at, e.type, e.role, h.case_month
        from bench_history h cross join lateral (values
            (h.reported_at, 'RECEIVED', '居民'),
            (least(h.responded_at, h.closed_at - interval '2 minutes'), 'RESPONDED', '物业服务中心'),
            (h.closed_at - interval '1 minute', 'RESOLVED', '物业服务中心'),
            (h.closed_at, 'CLOSED', null)) e (at, type, role)
        union all
        select 'GRIEVANCE', h.case_no, h.responded_at, 'PLAN_COMMITTED', '物业服务中心', h.case_month
        from bench_history h where h.tier = 'DIFFICULT'""");
    log.info("(d) case events: {} s", Stats.round((System.nanoTime() - t) / 1e9));
    t = System.nanoTime();
    log.info("(d) SLA ledger");
    sut.jdbc.update(
        """
        insert into sla_ledger (flow, case_id, case_no, community_code, estate_id, property_company_id,
          clock, event, level, due_at, occurred_at, holder, recorded_at, case_month)
        select 'GRIEVANCE', h.id, h.case_no, h.community_code, h.estate_id, h.property_company_id,
               r.clock, r.event, r.level, r.due, r.at, r.holder, r.at, h.case_month
        from bench_history h cross join lateral (values
            ('GRIEVANCE_RESPOND', 'STARTED', 0, h.respond_due, h.reported_at, null::varchar, true),
            ('GRIEVANCE_RESPOND', 'MET', 0, h.respond_due, h.responded_at, null, not h.breached),
            ('GRIEVANCE_RESPOND', 'BREACHED', 1, h.respond_due, h.respond_due, '物业服务中心', h.breached),
            ('GRIEVANCE_RESPOND', 'RESOLVED', 0, h.respond_due, h.responded_at, null, h.breached),
            ('GRIEVANCE_RESPOND', 'SUPERVISED', 1, h.respond_due, h.respond_due + interval '5 hours',
             null, h.breached and h.id % 3 <> 0),
            ('GRIEVANCE_RESPOND', 'BREACHED', 2, h.respond_due + interval '24 hours',
             h.respond_due + interval '24 hours', '社区党委', h.breached and h.street),
            ('GRIEVANCE_RESOLVE', 'STARTED', 0, h.reported_at + interval '24 hours', h.reported_at,
             null, h.tier = 'MEDIUM'),
            ('GRIEVANCE_RESOLVE', 'MET', 0, h.reported_at + interval '24 hours', h.closed_at, null,
             h.tier = 'MEDIUM' and h.closed_at <= h.reported_at + interval '24 hours'),
            ('GRIEVANCE_RESOLVE', 'BREACHED', 1, h.reported_at + interval '24 hours',
             h.reported_at + interval '24 hours', '物业服务中心',
             h.tier = 'MEDIUM' and h.closed_at > h.reported_at + interval '24 hours'),
            ('GRIEVANCE_RESOLVE', 'RESOLVED', 0, h.reported_at + interval '24 hours', h.closed_at,
             null, h.tier = 'MEDIUM' and h.closed_at > h.reported_at + interval '24 hours'),
            ('GRIEVANCE_COMMITTED', 'STARTED', 0, h.reported_at + interval '10 days', h.responded_at,
             null, h.tier = 'DIFFICULT'),
            ('GRIEVANCE_COMMITTED', 'MET', 0, h.reported_at + interval '10 days', h.closed_at,
             null, h.tier = 'DIFFICULT'))
          r (clock, event, level, due, at, holder, present)
        where r.present""");
    log.info("(d) ledger: {} s", Stats.round((System.nanoTime() - t) / 1e9));
    sut.jdbc.execute("drop table bench_history");
    sut.jdbc.execute("drop table bench_location");
    sut.jdbc.execute("analyze");
  }
}
