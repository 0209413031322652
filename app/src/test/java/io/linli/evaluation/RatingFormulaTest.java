package io.linli.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Unit tier: 物业定星·小区定级 computed by hand for one company's year, with the default formula (weights
 * 30/20/20/10/10/10, breach penalty 2 and 5 points per breach per 100 cases, stars from 90, 80, 70,
 * 60 points, grades from 85, 70, 60).
 */
class RatingFormulaTest {

  static final RatingProperties DEFAULTS =
      new RatingProperties(
          new RatingProperties.Weights(bd(30), bd(20), bd(20), bd(10), bd(10), bd(10)),
          new RatingProperties.Penalty(bd(2), bd(5)),
          List.of(bd(90), bd(80), bd(70), bd(60)),
          List.of(bd(85), bd(70), bd(60)),
          "0 0 2 1 1 *");

  /**
   * The fixture: evaluation 4.20; 20 cases closed, 19 on time; 20 rated, 18 satisfied; 20 reported,
   * 1 社区督办 and 0 街道督办; 10 follow-ups, 8 satisfied; 2 rectifications due, 1 done on time.
   */
  static final RatingFormula.Inputs FIXTURE =
      new RatingFormula.Inputs(new BigDecimal("4.20"), 0.95, 0.90, 20, 1, 0, 0.80, 0.50);

  @Test
  @DisplayName("手算一家物业的星级：考评80分、按时95、满意90、督办90、回访80、整改50，加权83分，四星")
  void handComputedStars() {
    // evaluation (4.20 − 1) × 25 = 80; breaches 100 − (1 × 100 / 20) × 2 = 90
    // (30×80 + 20×95 + 20×90 + 10×90 + 10×80 + 10×50) / 100 = 8300 / 100 = 83.0
    RatingFormula.Result r = RatingFormula.rate(DEFAULTS, FIXTURE);
    assertThat(r.points()).isEqualByComparingTo("83.0");
    assertThat(r.stars()).isEqualTo(4);
    assertThat(r.grade()).isEqualTo("B");
    assertThat(r.parts())
        .extracting(p -> p.input() + "=" + p.points().toPlainString())
        .containsExactly(
            "evaluation=80.0",
            "onTime=95.0",
            "satisfaction=90.0",
            "breaches=90.0",
            "followUp=80.0",
            "rectification=50.0");
    assertThat(r.formula()).contains("年度综合考评30", "≥80四星");
  }

  @Test
  @DisplayName("没有考评结果的一年：考评项不计，其余权重加权，5900/70 = 84.3分")
  void missingInputLeftOut() {
    var in = new RatingFormula.Inputs(null, 0.95, 0.90, 20, 1, 0, 0.80, 0.50);
    RatingFormula.Result r = RatingFormula.rate(DEFAULTS, in);
    assertThat(r.points()).isEqualByComparingTo("84.3");
    assertThat(r.stars()).isEqualTo(4);
    assertThat(r.parts()).noneMatch(p -> p.input().equals("evaluation"));
  }

  @Test
  @DisplayName("街道督办扣分更重，得分不低于0；恰好90分为五星，没有任何数据则不评定")
  void thresholdsAndPenalties() {
    // 2 街道督办 in 4 cases: 50 per 100 × 5 = 250 points off → 0
    var heavy = new RatingFormula.Inputs(null, null, null, 4, 0, 2, null, null);
    assertThat(RatingFormula.rate(DEFAULTS, heavy).points()).isEqualByComparingTo("0.0");
    assertThat(RatingFormula.rate(DEFAULTS, heavy).stars()).isEqualTo(1);
    assertThat(RatingFormula.rate(DEFAULTS, heavy).grade()).isEqualTo("D");
    var ninety = new RatingFormula.Inputs(null, 0.90, null, 0, 0, 0, null, null);
    assertThat(RatingFormula.rate(DEFAULTS, ninety).stars()).isEqualTo(5);
    assertThat(RatingFormula.rate(DEFAULTS, ninety).grade()).isEqualTo("A");
    var none = new RatingFormula.Inputs(null, null, null, 0, 0, 0, null, null);
    assertThat(RatingFormula.rate(DEFAULTS, none).stars()).isNull();
  }

  static BigDecimal bd(int n) {
    return BigDecimal.valueOf(n);
  }
}
