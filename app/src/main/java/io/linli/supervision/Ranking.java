package io.linli.supervision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * 红黑榜 (seed 001: 处理问题“红黑榜”进行公示): property companies and estates ranked for a period by their
 * on-time closure and resident satisfaction rates, with the rule printed beside the list.
 */
@Component
class Ranking {

  static final int MIN_CLOSED = 3;
  static final double RED_ON_TIME = 0.95;
  static final double RED_SATISFACTION = 0.90;
  static final double BLACK_ON_TIME = 0.80;
  static final double BLACK_SATISFACTION = 0.70;

  static String rule(int minClosed) {
    return "综合得分 = 按时办结率 × 50% + 居民满意率 × 50%（期内无居民评价的，按按时办结率计）。"
        + "按综合得分从高到低排名，得分相同按按时办结率、再按结案件数从多到少排列。"
        + "期内结案不足 "
        + minClosed
        + " 件的不排名（样本不足）。"
        + "红榜：按时办结率不低于 95% 且居民满意率不低于 90%；"
        + "黑榜：按时办结率低于 80% 或居民满意率低于 70%。"
        + "按时办结率、居民满意率的口径见比率规则。";
  }

  enum Mark {
    RED,
    BLACK
  }

  record Entry(
      Integer rank,
      String code,
      String name,
      long closed,
      Double onTimeClosureRate,
      Double satisfactionRate,
      Double score,
      Mark list,
      boolean ranked) {}

  record Board(
      String rule, Map<String, String> rateRules, List<Entry> companies, List<Entry> estates) {}

  private final SupervisionRates rates;

  Ranking(SupervisionRates rates) {
    this.rates = rates;
  }

  Board of(AuditQuery q, int minClosed) {
    // One read of the roll-ups serves both lists.
    Map<SupervisionRates.GroupBy, SupervisionRates.Table> tables =
        rates.of(q, List.of(SupervisionRates.GroupBy.COMPANY, SupervisionRates.GroupBy.ESTATE));
    return new Board(
        rule(minClosed),
        rates.rules(),
        rank(tables.get(SupervisionRates.GroupBy.COMPANY), minClosed),
        rank(tables.get(SupervisionRates.GroupBy.ESTATE), minClosed));
  }

  static List<Entry> rank(SupervisionRates.Table table, int minClosed) {
    List<Entry> ranked = new ArrayList<>();
    List<Entry> unranked = new ArrayList<>();
    for (SupervisionRates.Group g : table.groups()) {
      SupervisionRates.Figures f = g.total();
      if (f.closed() < minClosed) {
        unranked.add(
            new Entry(
                null,
                g.key(),
                g.name(),
                f.closed(),
                f.onTimeClosureRate(),
                f.satisfactionRate(),
                null,
                null,
                false));
        continue;
      }
      double onTime = f.onTimeClosureRate();
      Double sat = f.satisfactionRate();
      double score = sat == null ? onTime : 0.5 * onTime + 0.5 * sat;
      Mark mark =
          onTime >= RED_ON_TIME && sat != null && sat >= RED_SATISFACTION
              ? Mark.RED
              : onTime < BLACK_ON_TIME || (sat != null && sat < BLACK_SATISFACTION)
                  ? Mark.BLACK
                  : null;
      ranked.add(new Entry(null, g.key(), g.name(), f.closed(), onTime, sat, score, mark, true));
    }
    ranked.sort(
        Comparator.comparing(Entry::score)
            .reversed()
            .thenComparing(Comparator.comparing(Entry::onTimeClosureRate).reversed())
            .thenComparing(Comparator.comparingLong(Entry::closed).reversed())
            .thenComparing(Entry::code));
    List<Entry> out = new ArrayList<>();
    for (int i = 0; i < ranked.size(); i++) {
      Entry e = ranked.get(i);
      out.add(
          new Entry(
              i + 1,
              e.code(),
              e.name(),
              e.closed(),
              e.onTimeClosureRate(),
              e.satisfactionRate(),
              e.score(),
              e.list(),
              true));
    }
    unranked.sort(Comparator.comparing(Entry::code));
    out.addAll(unranked);
    return out;
  }
}
