package io.linli.supervision;

import io.linli.cases.Flow;
import io.linli.cases.Flows;
import io.linli.sla.ClockSpec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rates supervisors report, per community, estate or property company and per month (Beijing
 * time), from case_file and the SLA ledger, over the flows that count in the rates ({@link
 * Flow#inRates()}); which clocks make a closure late, give the response time and mark a commitment
 * is each clock's {@link ClockSpec.Counts}. The rules, word for word as the API and the pages show
 * them, are {@link #rules()}. A rate with nothing to count is null, never 0 or 100%.
 */
@Repository
class SupervisionRates {

  private final JdbcClient jdbc;
  /** The flows counted, the clocks of each kind: comma-joined, as the SQL's string_to_array reads them. */
  private final String flows;
  private final String handling;
  private final String response;
  private final String commitment;
  private final Map<String, String> rules;
  private final String countedLabel;

  SupervisionRates(JdbcClient jdbc, Flows registry) {
    this.jdbc = jdbc;
    List<Flow> counted = registry.all().stream().filter(Flow::inRates)
        .sorted(java.util.Comparator.comparing(Flow::key)).toList();
    this.flows = counted.stream().map(Flow::key).collect(Collectors.joining(","));
    this.handling = clocks(counted, ClockSpec.Counts.HANDLING, ClockSpec::id, ",");
    this.response = clocks(counted, ClockSpec.Counts.RESPONSE, ClockSpec::id, ",");
    this.commitment = clocks(counted, ClockSpec.Counts.COMMITMENT, ClockSpec::id, ",");
    String cases = counted.isEmpty() ? "案件"
        : counted.stream().map(Flow::label).collect(Collectors.joining("、"));
    this.countedLabel = cases;
    this.rules = rules(cases, clocks(counted, ClockSpec.Counts.HANDLING, ClockSpec::label, "、"),
        clocks(counted, ClockSpec.Counts.RESPONSE, ClockSpec::label, "、"),
        clocks(counted, ClockSpec.Counts.COMMITMENT, ClockSpec::label, "、"));
  }

  private static String clocks(List<Flow> flows, ClockSpec.Counts counts,
      java.util.function.Function<ClockSpec, String> part, String separator) {
    return flows.stream().flatMap(f -> f.clocks().stream()).filter(c -> c.counts().contains(counts))
        .map(part).collect(Collectors.joining(separator));
  }

  /** The names of the flows the rates count, e.g. 居民诉求. */
  String countedLabel() {
    return countedLabel;
  }

  /** The rules of the rates, in words, as the API and the pages print them beside the figures. */
  Map<String, String> rules() {
    return rules;
  }

  private static Map<String, String> rules(String cases, String handling, String response,
      String commitment) {
    Map<String, String> r = new LinkedHashMap<>();
    r.put("onTimeClosureRate", "按时办结率 = 期内结案的" + cases + "中，" + or(handling) + "均未超时的件数 ÷ 期内结案的"
        + cases + "件数。时限超时：台账中该时限有超时（督办）记录，或停表晚于应完成时间。结案时间决定计入的期间和月份。");
    r.put("satisfactionRate", "居民满意率 = 期内结案、居民评价为“满意”或“基本满意”的件数 ÷ 期内结案且居民作出评价的件数（评价期满未评价的不计入分母；返工后以最后一次评价为准）。");
    r.put("followUpSatisfactionRate", "回访满意率 = 期内结案、党小组回访结果为“满意”或“基本满意”的件数 ÷ 期内结案且有回访结果的件数。");
    r.put("rectificationRate", "整改率 = 期内受理并作出整改承诺（" + or(commitment) + "开始计时）的" + cases
        + "中，已整改办结的件数 ÷ 期内受理并作出整改承诺的件数。受理时间决定计入的期间和月份；统计时尚未整改的计为未整改。");
    r.put("respondMinutes", "响应用时 = 从受理到" + or(response) + "首次停表的分钟数；取期内结案" + cases
        + "的中位数和第90百分位（PostgreSQL percentile_cont，线性插值）。");
    r.put("closeMinutes", "办结用时 = 从受理到结案的分钟数；取期内结案" + cases + "的中位数和第90百分位（同上）。");
    r.put("company", "物业服务企业：案件台账记录的承办企业，即案件发生时该小区的物业服务企业；无台账记录时取小区当前的物业服务企业。");
    r.put("empty", "没有可计数的件数时，比率为空（—），不记为0或100%。");
    return java.util.Collections.unmodifiableMap(r);
  }

  private static String or(String labels) {
    return labels.isEmpty() ? "（无）" : labels;
  }

  enum GroupBy {
    COMMUNITY("x.community_code", "cm.name"),
    ESTATE("e.code", "e.name"),
    COMPANY("p.code", "p.name"),
    NONE("('ALL'::text)", "('全部'::text)");

    final String key;
    final String name;

    GroupBy(String key, String name) {
      this.key = key;
      this.name = name;
    }
  }

  record Figures(
      long closed, long onTime, Double onTimeClosureRate, long rated, long satisfied,
      Double satisfactionRate, long followedUp, long followUpSatisfied,
      Double followUpSatisfactionRate, long planned, long rectified, Double rectificationRate,
      Double respondMinutesMedian, Double respondMinutesP90, Double closeMinutesMedian,
      Double closeMinutesP90) {

    static final Figures EMPTY =
        new Figures(0, 0, null, 0, 0, null, 0, 0, null, 0, 0, null, null, null, null, null);

    Figures withRectification(long planned, long rectified) {
      return new Figures(closed, onTime, onTimeClosureRate, rated, satisfied, satisfactionRate,
          followedUp, followUpSatisfied, followUpSatisfactionRate, planned, rectified,
          ratio(rectified, planned), respondMinutesMedian, respondMinutesP90, closeMinutesMedian,
          closeMinutesP90);
    }
  }

  record Month(String month, Figures figures) {}

  record Group(String key, String name, Figures total, List<Month> months) {}

  record Table(String groupBy, Figures total, List<Month> months, List<Group> groups) {}

  private record Cell(String key, String name, String month, Figures figures) {}

  private static final String CASE_FILTER =
      """
        and g.flow = any(string_to_array(:flows, ','))
        and (cast(:community as text) is null or g.community_code = :community)
        and (cast(:communities as text) is null or g.community_code = any(string_to_array(:communities, ',')))
        and (cast(:estate as bigint) is null or g.estate_id = :estate)
      """;

  /** The company a case counts for: its first ledger row's, else the estate's now. */
  private static final String CASE_COMPANY =
      """
      coalesce((select l.property_company_id from sla_ledger l
                where l.case_no = g.case_no and l.flow = g.flow and l.property_company_id is not null
                order by l.id limit 1), ge.property_company_id)""";

  Table of(AuditQuery q, GroupBy by) {
    Map<List<String>, Cell> cells = new LinkedHashMap<>();
    for (Cell c : closedFigures(q, by)) cells.put(java.util.Arrays.asList(c.key(), c.month()), c);
    for (Cell c : rectification(q, by)) {
      List<String> k = java.util.Arrays.asList(c.key(), c.month());
      Cell base = cells.getOrDefault(k, new Cell(c.key(), c.name(), c.month(), Figures.EMPTY));
      cells.put(k, new Cell(c.key(), c.name(), c.month(),
          base.figures().withRectification(c.figures().planned(), c.figures().rectified())));
    }
    Figures total = Figures.EMPTY;
    List<Month> months = new ArrayList<>();
    Map<String, Group> groups = new LinkedHashMap<>();
    for (Cell c : cells.values().stream()
        .sorted(java.util.Comparator.comparing((Cell c) -> nz(c.key())).thenComparing(c -> nz(c.month())))
        .toList()) {
      if (c.key() == null && c.month() == null) total = c.figures();
      else if (c.key() == null) months.add(new Month(c.month(), c.figures()));
      else {
        Group g = groups.computeIfAbsent(c.key(), k -> new Group(k, c.name(), Figures.EMPTY, new ArrayList<>()));
        if (c.month() == null) groups.put(c.key(), new Group(g.key(), g.name(), c.figures(), g.months()));
        else g.months().add(new Month(c.month(), c.figures()));
      }
    }
    return new Table(by.name(), total, months, List.copyOf(groups.values()));
  }

  private List<Cell> closedFigures(AuditQuery q, GroupBy by) {
    String sql =
        """
        with c as (
          select g.case_no, g.flow, g.community_code, g.estate_id, g.reported_at, g.closed_at,
                 g.rating, g.follow_up_rating, ge.property_company_id as estate_company_id
          from case_file g left join estate ge on ge.id = g.estate_id
          where g.closed_at >= :from and g.closed_at < :to
        """ + CASE_FILTER + """
        ), l as (
          select l.case_no,
            bool_or(l.clock = any(string_to_array(:handling, ','))
              and ((l.event = 'BREACHED' and l.level = 1) or (l.event = 'RESOLVED' and l.level = 0))) as late,
            min(l.occurred_at) filter (where l.clock = any(string_to_array(:response, ',')) and l.level = 0
              and l.event in ('MET', 'RESOLVED')) as responded_at,
            (array_agg(l.property_company_id order by l.id)
              filter (where l.property_company_id is not null))[1] as company_id
          from sla_ledger l join c on c.case_no = l.case_no and c.flow = l.flow
          group by l.case_no
        ), x as (
          select c.*, coalesce(l.late, false) as late, l.responded_at,
                 coalesce(l.company_id, c.estate_company_id) as company_id,
                 to_char(c.closed_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month
          from c left join l on l.case_no = c.case_no
        )
        select KEY as k, NAME as n, x.month, grouping(KEY) as all_keys, grouping(x.month) as all_months,
          count(*),
          count(*) filter (where not x.late),
          count(*) filter (where x.rating is not null and x.rating <> 'NONE'),
          count(*) filter (where x.rating in ('SATISFIED', 'BASICALLY_SATISFIED')),
          count(*) filter (where x.follow_up_rating is not null),
          count(*) filter (where x.follow_up_rating in ('SATISFIED', 'BASICALLY_SATISFIED')),
          percentile_cont(0.5) within group (order by extract(epoch from x.responded_at - x.reported_at) / 60),
          percentile_cont(0.9) within group (order by extract(epoch from x.responded_at - x.reported_at) / 60),
          percentile_cont(0.5) within group (order by extract(epoch from x.closed_at - x.reported_at) / 60),
          percentile_cont(0.9) within group (order by extract(epoch from x.closed_at - x.reported_at) / 60)
        from x
        left join estate e on e.id = x.estate_id
        left join property_company p on p.id = x.company_id
        left join community cm on cm.code = x.community_code
        where (cast(:company as bigint) is null or x.company_id = :company)
        group by grouping sets ((KEY, NAME, x.month), (KEY, NAME), (x.month), ())
        """;
    return bind(jdbc.sql(sql.replace("KEY", by.key).replace("NAME", by.name)), q)
        .query((rs, n) -> {
          long closed = rs.getLong(6), onTime = rs.getLong(7), rated = rs.getLong(8),
              satisfied = rs.getLong(9), followed = rs.getLong(10), followSat = rs.getLong(11);
          return new Cell(key(rs), rs.getString(2), rs.getInt(5) == 1 ? null : rs.getString(3),
              new Figures(closed, onTime, ratio(onTime, closed), rated, satisfied,
                  ratio(satisfied, rated), followed, followSat, ratio(followSat, followed), 0, 0,
                  null, dbl(rs, 12), dbl(rs, 13), dbl(rs, 14), dbl(rs, 15)));
        })
        .list();
  }

  private List<Cell> rectification(AuditQuery q, GroupBy by) {
    String sql =
        """
        with x as (
          select g.community_code, g.estate_id,
            to_char(g.reported_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month,
        """ + CASE_COMPANY + """
             as company_id,
            exists (select 1 from sla_ledger l where l.case_no = g.case_no and l.flow = g.flow
              and l.clock = any(string_to_array(:commitment, ',')) and l.level = 0
              and l.event in ('MET', 'RESOLVED')) as rectified
          from case_file g left join estate ge on ge.id = g.estate_id
          where g.reported_at >= :from and g.reported_at < :to
            and exists (select 1 from sla_ledger s where s.case_no = g.case_no and s.flow = g.flow
              and s.clock = any(string_to_array(:commitment, ',')) and s.level = 0 and s.event = 'STARTED')
        """ + CASE_FILTER + """
        )
        select KEY as k, NAME as n, x.month, grouping(KEY), grouping(x.month),
          count(*), count(*) filter (where x.rectified)
        from x
        left join estate e on e.id = x.estate_id
        left join property_company p on p.id = x.company_id
        left join community cm on cm.code = x.community_code
        where (cast(:company as bigint) is null or x.company_id = :company)
        group by grouping sets ((KEY, NAME, x.month), (KEY, NAME), (x.month), ())
        """;
    return bind(jdbc.sql(sql.replace("KEY", by.key).replace("NAME", by.name)), q)
        .query((rs, n) -> new Cell(key(rs), rs.getString(2), rs.getInt(5) == 1 ? null : rs.getString(3),
            Figures.EMPTY.withRectification(rs.getLong(6), rs.getLong(7))))
        .list();
  }

  /** The group's key; a case without an estate or company groups under "—". */
  private static String key(ResultSet rs) throws SQLException {
    if (rs.getInt(4) == 1) return null;
    String k = rs.getString(1);
    return k == null ? "—" : k;
  }

  private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, AuditQuery q) {
    return spec.param("flows", flows)
        .param("handling", handling)
        .param("response", response)
        .param("commitment", commitment)
        .param("community", q.community())
        .param("communities", q.communities() == null ? null : String.join(",", q.communities()))
        .param("estate", q.estateId())
        .param("company", q.companyId())
        .param("from", Timestamp.from(q.from()))
        .param("to", Timestamp.from(q.to()));
  }

  static Double ratio(long numerator, long denominator) {
    return denominator == 0 ? null : (double) numerator / denominator;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static Double dbl(ResultSet rs, int i) throws SQLException {
    double v = rs.getDouble(i);
    return rs.wasNull() ? null : v;
  }
}
