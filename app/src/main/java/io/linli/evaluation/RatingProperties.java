package io.linli.evaluation;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The formula of 物业定星·小区定级, from {@code linli.rating.*}: each input is turned into points (0–100),
 * the points are averaged with these weights over the inputs that have data, and the average gives
 * the stars (companies) and the grade (estates). Shown beside every rating.
 *
 * @param weights weight of each input: evaluation, on-time, satisfaction, breaches, follow-up,
 *     rectification
 * @param breachPenalty points off per breach per 100 cases, by level (社区督办, 街道督办)
 * @param stars least points for 5, 4, 3 and 2 stars (below the last: 1 star)
 * @param grades least points for grade A, B and C (below the last: D)
 * @param cron when the yearly rating of the past year runs (Beijing time)
 */
@ConfigurationProperties("linli.rating")
public record RatingProperties(
    @DefaultValue Weights weights,
    @DefaultValue Penalty breachPenalty,
    @DefaultValue({"90", "80", "70", "60"}) List<BigDecimal> stars,
    @DefaultValue({"85", "70", "60"}) List<BigDecimal> grades,
    @DefaultValue("0 0 2 1 1 *") String cron) {

  public record Weights(
      @DefaultValue("30") BigDecimal evaluation,
      @DefaultValue("20") BigDecimal onTime,
      @DefaultValue("20") BigDecimal satisfaction,
      @DefaultValue("10") BigDecimal breaches,
      @DefaultValue("10") BigDecimal followUp,
      @DefaultValue("10") BigDecimal rectification) {}

  public record Penalty(
      @DefaultValue("2") BigDecimal level1, @DefaultValue("5") BigDecimal level2) {}

  public RatingProperties {
    if (stars.size() != 4)
      throw new IllegalArgumentException(
          "linli.rating.stars needs 4 thresholds (5, 4, 3, 2 stars)");
    if (grades.size() != 3)
      throw new IllegalArgumentException("linli.rating.grades needs 3 thresholds (A, B, C)");
    for (var w :
        List.of(
            weights.evaluation(),
            weights.onTime(),
            weights.satisfaction(),
            weights.breaches(),
            weights.followUp(),
            weights.rectification())) {
      if (w.signum() < 0)
        throw new IllegalArgumentException("linli.rating.weights must not be negative");
    }
  }
}
