package io.linli.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * 物业定星·小区定级 as arithmetic, apart from the tables: inputs → points per input → weighted average →
 * stars (1–5) or grade (A–D). An input without data (no evaluation that year, no rated case) is
 * left out and the other weights carry the average; with no input at all there is no rating.
 */
final class RatingFormula {

  /**
   * What a subject's year shows. Rates are shares 0–1; null means no data.
   *
   * @param evaluation the average overall score (1–5) of its evaluations with quorum
   * @param cases cases reported in the year (the base of breaches per 100 cases)
   */
  record Inputs(
      BigDecimal evaluation,
      Double onTimeRate,
      Double satisfactionRate,
      long cases,
      long breachesLevel1,
      long breachesLevel2,
      Double followUpRate,
      Double rectificationRate) {}

  /** One input's part in the rating: its value as shown, its points and its weight. */
  record Part(String input, String label, String value, BigDecimal points, BigDecimal weight) {}

  record Result(BigDecimal points, Integer stars, String grade, List<Part> parts, String formula) {}

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private RatingFormula() {}

  static Result rate(RatingProperties p, Inputs in) {
    var w = p.weights();
    List<Part> parts = new ArrayList<>();
    if (in.evaluation() != null) {
      // 1 → 0 points, 5 → 100 points
      BigDecimal pts = in.evaluation().subtract(BigDecimal.ONE).multiply(BigDecimal.valueOf(25));
      parts.add(
          new Part(
              "evaluation",
              "年度综合考评",
              in.evaluation().setScale(2, RoundingMode.HALF_UP) + "分",
              pts,
              w.evaluation()));
    }
    rate(parts, "onTime", "按时办结率", in.onTimeRate(), w.onTime());
    rate(parts, "satisfaction", "居民满意率", in.satisfactionRate(), w.satisfaction());
    if (in.cases() > 0) {
      BigDecimal per100l1 = per100(in.breachesLevel1(), in.cases());
      BigDecimal per100l2 = per100(in.breachesLevel2(), in.cases());
      BigDecimal pts =
          HUNDRED
              .subtract(per100l1.multiply(p.breachPenalty().level1()))
              .subtract(per100l2.multiply(p.breachPenalty().level2()))
              .max(BigDecimal.ZERO);
      parts.add(
          new Part(
              "breaches",
              "每百件超时督办",
              "社区督办"
                  + per100l1.setScale(1, RoundingMode.HALF_UP)
                  + "、街道督办"
                  + per100l2.setScale(1, RoundingMode.HALF_UP),
              pts,
              w.breaches()));
    }
    rate(parts, "followUp", "回访满意率", in.followUpRate(), w.followUp());
    rate(parts, "rectification", "考评整改按期完成率", in.rectificationRate(), w.rectification());
    BigDecimal weights = parts.stream().map(Part::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
    String formula = formula(p);
    if (weights.signum() == 0) return new Result(null, null, null, parts, formula);
    BigDecimal points =
        parts.stream()
            .map(x -> x.points().multiply(x.weight()))
            .reduce(BigDecimal.ZERO, BigDecimal::add)
            .divide(weights, 1, RoundingMode.HALF_UP);
    return new Result(
        points,
        stars(p, points),
        grade(p, points),
        parts.stream()
            .map(
                x ->
                    new Part(
                        x.input(),
                        x.label(),
                        x.value(),
                        x.points().setScale(1, RoundingMode.HALF_UP),
                        x.weight()))
            .toList(),
        formula);
  }

  private static void rate(
      List<Part> parts, String input, String label, Double rate, BigDecimal weight) {
    if (rate == null) return;
    BigDecimal pts = BigDecimal.valueOf(rate).multiply(HUNDRED);
    parts.add(new Part(input, label, pts.setScale(1, RoundingMode.HALF_UP) + "%", pts, weight));
  }

  private static BigDecimal per100(long n, long cases) {
    return BigDecimal.valueOf(n)
        .multiply(HUNDRED)
        .divide(BigDecimal.valueOf(cases), 4, RoundingMode.HALF_UP);
  }

  static int stars(RatingProperties p, BigDecimal points) {
    for (int i = 0; i < 4; i++) if (points.compareTo(p.stars().get(i)) >= 0) return 5 - i;
    return 1;
  }

  static String grade(RatingProperties p, BigDecimal points) {
    for (int i = 0; i < 3; i++)
      if (points.compareTo(p.grades().get(i)) >= 0) return String.valueOf("ABC".charAt(i));
    return "D";
  }

  /** The formula in words, with the weights and thresholds in force, shown beside every rating. */
  static String formula(RatingProperties p) {
    var w = p.weights();
    return "综合得分 = 各项得分按权重加权平均（无数据的项不计）；权重：年度综合考评"
        + plain(w.evaluation())
        + "、按时办结率"
        + plain(w.onTime())
        + "、居民满意率"
        + plain(w.satisfaction())
        + "、每百件超时督办"
        + plain(w.breaches())
        + "、回访满意率"
        + plain(w.followUp())
        + "、考评整改按期完成率"
        + plain(w.rectification())
        + "。考评得分 =（均分−1）×25；各率得分 = 率×100；超时督办得分 = 100 − 每百件社区督办×"
        + plain(p.breachPenalty().level1())
        + " − 每百件街道督办×"
        + plain(p.breachPenalty().level2())
        + "（不低于0）。物业定星：≥"
        + plain(p.stars().get(0))
        + "五星，≥"
        + plain(p.stars().get(1))
        + "四星，≥"
        + plain(p.stars().get(2))
        + "三星，≥"
        + plain(p.stars().get(3))
        + "二星，其余一星；小区定级：≥"
        + plain(p.grades().get(0))
        + " A，≥"
        + plain(p.grades().get(1))
        + " B，≥"
        + plain(p.grades().get(2))
        + " C，其余 D。";
  }

  private static String plain(BigDecimal b) {
    return b.stripTrailingZeros().toPlainString();
  }
}
