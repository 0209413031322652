package io.linli.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The tally rules of the evaluation, apart from the tables: the quorum (a share of the roll who
 * answered), each aspect's average (2 decimals, half up), the weighted overall score and the
 * aspects that need a rectification plan (average under {@code rectify-below}, compared exactly).
 */
final class EvaluationTally {

  record AspectScore(
      int aspect, String name, BigDecimal weight, int answers, BigDecimal average, boolean weak) {}

  record Result(
      int eligible,
      int answered,
      int quorum,
      boolean quorumMet,
      BigDecimal overall,
      List<AspectScore> aspects) {

    List<AspectScore> weak() {
      return aspects.stream().filter(AspectScore::weak).toList();
    }

    /** One line per aspect for Tasklist and the case log, e.g. "1. 公共秩序维护 4.25". */
    String label() {
      StringBuilder sb = new StringBuilder();
      sb.append(answered)
          .append('/')
          .append(eligible)
          .append("名代表评分（法定人数")
          .append(quorum)
          .append("名）");
      if (!quorumMet) return sb.append("，未达法定人数").toString();
      sb.append("，综合得分").append(overall);
      for (AspectScore a : aspects) {
        sb.append('\n')
            .append(a.aspect())
            .append(". ")
            .append(a.name())
            .append(' ')
            .append(a.average() == null ? "—" : a.average().toPlainString())
            .append(a.weak() ? "（须整改）" : "");
      }
      return sb.toString();
    }
  }

  private EvaluationTally() {}

  static Result of(
      EvaluationProperties rules, int eligible, int answered, List<Evaluations.AspectSum> sums) {
    int quorum = rules.quorum().of(eligible);
    boolean met = eligible > 0 && rules.quorum().reachedBy(answered, eligible);
    Map<Integer, Evaluations.AspectSum> byAspect =
        sums.stream().collect(Collectors.toMap(Evaluations.AspectSum::aspect, Function.identity()));
    List<AspectScore> aspects = new ArrayList<>();
    BigDecimal weighted = BigDecimal.ZERO;
    BigDecimal weights = BigDecimal.ZERO;
    for (int n = 1; n <= rules.aspects().size(); n++) {
      EvaluationProperties.Aspect a = rules.aspect(n);
      Evaluations.AspectSum s = byAspect.get(n);
      if (s == null || s.count() == 0) {
        aspects.add(new AspectScore(n, a.name(), a.weight(), 0, null, false));
        continue;
      }
      BigDecimal exact =
          BigDecimal.valueOf(s.sum())
              .divide(BigDecimal.valueOf(s.count()), 10, RoundingMode.HALF_UP);
      boolean weak =
          met
              && BigDecimal.valueOf(s.sum())
                      .compareTo(rules.rectifyBelow().multiply(BigDecimal.valueOf(s.count())))
                  < 0;
      aspects.add(
          new AspectScore(
              n, a.name(), a.weight(), s.count(), exact.setScale(2, RoundingMode.HALF_UP), weak));
      weighted = weighted.add(exact.multiply(a.weight()));
      weights = weights.add(a.weight());
    }
    BigDecimal overall =
        met && weights.signum() > 0 ? weighted.divide(weights, 2, RoundingMode.HALF_UP) : null;
    return new Result(eligible, answered, quorum, met, overall, aspects);
  }
}
