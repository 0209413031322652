package io.linli.supervision;

import io.linli.cases.Flow;
import io.linli.sla.ClockSpec;
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
  private final CountedClocks clocks;
  private final Map<String, String> rules;
  private final String countedLabel;

  SupervisionRates(io.linli.system.ReportingDatabase reporting, CountedClocks clocks) {
    this.jdbc = reporting.jdbc();
    this.clocks = clocks;
    String cases =
        clocks.flows.isEmpty()
            ? "案件"
            : clocks.flows.stream().map(Flow::label).collect(Collectors.joining("、"));
    this.countedLabel = cases;
    this.rules =
        rules(
            cases,
            clocks.join(ClockSpec.Counts.HANDLING, ClockSpec::label, "、"),
            clocks.join(ClockSpec.Counts.RESPONSE, ClockSpec::label, "、"),
            clocks.join(ClockSpec.Counts.COMMITMENT, ClockSpec::label, "、"));
  }

  /** The names of the flows the rates count, e.g. 居民诉求. */
  String countedLabel() {
    return countedLabel;
  }

  /** The rules of the rates, in words, as the API and the pages print them beside the figures. */
  Map<String, String> rules() {
    return rules;
  }

  private static Map<String, String> rules(
      String cases, String handling, String response, String commitment) {
    Map<String, String> r = new LinkedHashMap<>();
    r.put(
        "onTimeClosureRate",
        "按时办结率 = 期内结案的"
            + cases
            + "中，"
            + or(handling)
            + "均未超时的件数 ÷ 期内结案的"
            + cases
            + "件数。时限超时：台账中该时限有超时（督办）记录，或停表晚于应完成时间。结案时间决定计入的期间和月份。");
    r.put(
        "satisfactionRate",
        "居民满意率 = 期内结案、居民评价为“满意”或“基本满意”的件数 ÷ 期内结案且居民作出评价的件数（评价期满未评价的不计入分母；返工后以最后一次评价为准）。");
    r.put("followUpSatisfactionRate", "回访满意率 = 期内结案、党小组回访结果为“满意”或“基本满意”的件数 ÷ 期内结案且有回访结果的件数。");
    r.put(
        "rectificationRate",
        "整改率 = 期内受理并作出整改承诺（"
            + or(commitment)
            + "开始计时）的"
            + cases
            + "中，已整改办结的件数 ÷ 期内受理并作出整改承诺的件数。受理时间决定计入的期间和月份；统计时尚未整改的计为未整改。");
    r.put(
        "respondMinutes",
        "响应用时 = 从受理到"
            + or(response)
            + "首次停表的分钟数；取期内结案"
            + cases
            + "的中位数和第90百分位。用时按分钟分段计数（分段下限："
            + MinuteHistogram.describe()
            + " 分钟），百分位按排序位次 q×(n−1) 在相邻两值间线性插值，同一分段内的 c 个值视为从分段下限起等距分布；"
            + "误差小于所在分段的宽度。");
    r.put("closeMinutes", "办结用时 = 从受理到结案的分钟数；取期内结案" + cases + "的中位数和第90百分位（计法同上）。");
    r.put(
        "pauseRate",
        "挂起率 = 期内结案的"
            + cases
            + "中，承办人挂起计时（居民无法联系、居民要求延期）的次数 ÷ 期内结案件数 × 100（每百件挂起次数）；挂起时长为这些挂起合计的小时数。流程本身等待居民的环节（等待居民确认报价）由系统挂起，不计入。结案时间决定计入的期间和月份。");
    r.put("company", "物业服务企业：案件台账记录的承办企业，即案件发生时该小区的物业服务企业；无台账记录时取案件受理时该小区的物业服务企业。");
    r.put("source", "以上数字取自督查汇总表：案件结案、评价、回访或整改计时变化时即时写入，可随时由台账重算（重算结果与即时写入一致）。");
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
      long closed,
      long onTime,
      Double onTimeClosureRate,
      long rated,
      long satisfied,
      Double satisfactionRate,
      long followedUp,
      long followUpSatisfied,
      Double followUpSatisfactionRate,
      long planned,
      long rectified,
      Double rectificationRate,
      Double respondMinutesMedian,
      Double respondMinutesP90,
      Double closeMinutesMedian,
      Double closeMinutesP90,
      long pauses,
      double pausedHours,
      Double pausesPer100Cases) {

    static final Figures EMPTY =
        new Figures(
            0, 0, null, 0, 0, null, 0, 0, null, 0, 0, null, null, null, null, null, 0, 0, null);
  }

  record Month(String month, Figures figures) {}

  record Group(String key, String name, Figures total, List<Month> months) {}

  record Table(String groupBy, Figures total, List<Month> months, List<Group> groups) {}

  private record Cell(String key, String name, String month, Figures figures) {}

  Table of(AuditQuery q, GroupBy by) {
    return of(q, List.of(by)).get(by);
  }

  /**
   * The tables of several groupings from one read of the roll-ups (the 红黑榜 wants companies and
   * estates of the same period): the cost is the rows read, not the number of groupings.
   */
  Map<GroupBy, Table> of(AuditQuery q, List<GroupBy> groupings) {
    Map<GroupBy, Table> tables = new java.util.EnumMap<>(GroupBy.class);
    cells(q, groupings).forEach((by, cells) -> tables.put(by, table(by, cells)));
    return tables;
  }

  private static Table table(GroupBy by, List<Cell> cells) {
    Figures total = Figures.EMPTY;
    List<Month> months = new ArrayList<>();
    Map<String, Group> groups = new LinkedHashMap<>();
    for (Cell c :
        cells.stream()
            .sorted(
                java.util.Comparator.comparing((Cell c) -> nz(c.key()))
                    .thenComparing(c -> nz(c.month())))
            .toList()) {
      if (c.key() == null && c.month() == null) total = c.figures();
      else if (c.key() == null) months.add(new Month(c.month(), c.figures()));
      else {
        Group g =
            groups.computeIfAbsent(
                c.key(), k -> new Group(k, c.name(), Figures.EMPTY, new ArrayList<>()));
        if (c.month() == null)
          groups.put(c.key(), new Group(g.key(), g.name(), c.figures(), g.months()));
        else g.months().add(new Month(c.month(), c.figures()));
      }
    }
    return new Table(by.name(), total, months, List.copyOf(groups.values()));
  }

  /**
   * The period's cells from the roll-ups: its whole months from supervision_month, the days before
   * the first and after the last whole month from supervision_day. A year is at most 12 month rows
   * and 60 day rows per estate, company and flow, however many cases it had. The rows come back as
   * stored, with every grouping's key (community, estate, company), and are summed here per group
   * and month, then per group, per month and overall: a few thousand rows of two short arrays add
   * up in Java in milliseconds, where summing the buckets in SQL (unnest and group by, per
   * grouping) cost 100–200 ms for a year of the whole city.
   */
  private Map<GroupBy, List<Cell>> cells(AuditQuery q, List<GroupBy> groupings) {
    java.time.LocalDate from = SupervisionReadModel.day(q.from());
    java.time.LocalDate to = SupervisionReadModel.day(q.to());
    java.time.LocalDate monthsFrom =
        from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
    java.time.LocalDate monthsTo = to.withDayOfMonth(1);
    if (!monthsFrom.isBefore(monthsTo)) monthsFrom = monthsTo = from;
    StringBuilder filter = new StringBuilder(" and x.flow = any(string_to_array(:flows, ','))");
    if (q.community() != null) filter.append(" and x.community_code = :community");
    if (q.communities() != null)
      filter.append(" and x.community_code = any(string_to_array(:communities, ','))");
    if (q.estateId() != null) filter.append(" and x.estate_id = :estate");
    if (q.companyId() != null) filter.append(" and x.company_id = :company");
    String columns =
        "flow, community_code, estate_id, company_id, closed, on_time, rated, satisfied,"
            + " followed_up, follow_up_satisfied, planned, rectified, respond_hist, close_hist, pauses,"
            + " paused_seconds";
    String sql =
        """
        with x as (
          select day, COLUMNS from supervision_day
          where day >= :from and day < :to and not (day >= :monthsFrom and day < :monthsTo)
          union all
          select month, COLUMNS from supervision_month where month >= :monthsFrom and month < :monthsTo
        )
        select x.community_code, cm.name, e.code, e.name, p.code, p.name,
          to_char(x.day, 'YYYY-MM') as month, x.closed, x.on_time, x.rated, x.satisfied,
          x.followed_up, x.follow_up_satisfied, x.planned, x.rectified,
          array_to_string(x.respond_hist, ','), array_to_string(x.close_hist, ','), x.pauses,
          x.paused_seconds
        from x
        left join estate e on e.id = x.estate_id
        left join property_company p on p.id = x.company_id
        left join community cm on cm.code = x.community_code
        where true"""
                .replace("COLUMNS", columns)
            + filter;
    Map<GroupBy, Map<List<String>, Acc>> byKeyMonth = new java.util.EnumMap<>(GroupBy.class);
    Map<GroupBy, Map<String, String>> names = new java.util.EnumMap<>(GroupBy.class);
    for (GroupBy by : groupings) {
      byKeyMonth.put(by, new LinkedHashMap<>());
      names.put(by, new LinkedHashMap<>());
    }
    Acc row = new Acc();
    bind(jdbc.sql(sql), q, from, to, monthsFrom, monthsTo)
        .query(
            rs -> {
              row.clear();
              for (int i = 0; i < 8; i++) row.counts[i] = rs.getLong(8 + i);
              row.counts[8] = rs.getLong(18);
              row.counts[9] = rs.getLong(19);
              MinuteHistogram.parseInto(rs.getString(16), row.respond);
              MinuteHistogram.parseInto(rs.getString(17), row.close);
              String month = rs.getString(7);
              for (GroupBy by : groupings) {
                String key;
                String name;
                switch (by) {
                  case COMMUNITY -> {
                    key = rs.getString(1);
                    name = rs.getString(2);
                  }
                  case ESTATE -> {
                    key = rs.getString(3);
                    name = rs.getString(4);
                  }
                  case COMPANY -> {
                    key = rs.getString(5);
                    name = rs.getString(6);
                  }
                  default -> {
                    key = "ALL";
                    name = "全部";
                  }
                }
                key = nz(key, "—");
                names.get(by).putIfAbsent(key, name);
                byKeyMonth
                    .get(by)
                    .computeIfAbsent(java.util.Arrays.asList(key, month), k -> new Acc())
                    .add(row);
              }
            });
    Map<GroupBy, List<Cell>> out = new java.util.EnumMap<>(GroupBy.class);
    for (GroupBy by : groupings) {
      Map<List<String>, Acc> all = new LinkedHashMap<>();
      for (var e : byKeyMonth.get(by).entrySet()) {
        String key = e.getKey().get(0);
        String month = e.getKey().get(1);
        for (List<String> k :
            List.of(
                java.util.Arrays.asList(key, month),
                java.util.Arrays.asList(key, (String) null),
                java.util.Arrays.asList((String) null, month),
                java.util.Arrays.asList((String) null, (String) null))) {
          all.computeIfAbsent(k, x -> new Acc()).add(e.getValue());
        }
      }
      List<Cell> cells = new ArrayList<>();
      all.forEach(
          (k, a) ->
              cells.add(
                  new Cell(
                      k.get(0),
                      k.get(0) == null ? null : names.get(by).get(k.get(0)),
                      k.get(1),
                      a.figures())));
      out.put(by, cells);
    }
    return out;
  }

  /** Counts and histograms of one group and month, or of a sum of them. */
  private static final class Acc {
    final long[] counts = new long[10];
    final int[] respond = new int[MinuteHistogram.SIZE];
    final int[] close = new int[MinuteHistogram.SIZE];

    void clear() {
      java.util.Arrays.fill(counts, 0);
      java.util.Arrays.fill(respond, 0);
      java.util.Arrays.fill(close, 0);
    }

    void add(Acc o) {
      for (int i = 0; i < counts.length; i++) counts[i] += o.counts[i];
      for (int i = 0; i < MinuteHistogram.SIZE; i++) {
        respond[i] += o.respond[i];
        close[i] += o.close[i];
      }
    }

    Figures figures() {
      long closed = counts[0],
          onTime = counts[1],
          rated = counts[2],
          satisfied = counts[3],
          followed = counts[4],
          followSat = counts[5],
          planned = counts[6],
          rectified = counts[7],
          pauses = counts[8],
          pausedSeconds = counts[9];
      return new Figures(
          closed,
          onTime,
          ratio(onTime, closed),
          rated,
          satisfied,
          ratio(satisfied, rated),
          followed,
          followSat,
          ratio(followSat, followed),
          planned,
          rectified,
          ratio(rectified, planned),
          MinuteHistogram.percentile(respond, 0.5),
          MinuteHistogram.percentile(respond, 0.9),
          MinuteHistogram.percentile(close, 0.5),
          MinuteHistogram.percentile(close, 0.9),
          pauses,
          Math.round(pausedSeconds / 36.0) / 100.0,
          closed == 0 ? null : 100.0 * pauses / closed);
    }
  }

  private JdbcClient.StatementSpec bind(
      JdbcClient.StatementSpec spec,
      AuditQuery q,
      java.time.LocalDate from,
      java.time.LocalDate to,
      java.time.LocalDate monthsFrom,
      java.time.LocalDate monthsTo) {
    spec =
        spec.param("flows", clocks.flowKeys)
            .param("from", from)
            .param("to", to)
            .param("monthsFrom", monthsFrom)
            .param("monthsTo", monthsTo);
    if (q.community() != null) spec = spec.param("community", q.community());
    if (q.communities() != null)
      spec = spec.param("communities", String.join(",", q.communities()));
    if (q.estateId() != null) spec = spec.param("estate", q.estateId());
    if (q.companyId() != null) spec = spec.param("company", q.companyId());
    return spec;
  }

  private static String nz(String s, String otherwise) {
    return s == null ? otherwise : s;
  }

  static Double ratio(long numerator, long denominator) {
    return denominator == 0 ? null : (double) numerator / denominator;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
