package io.linli.evaluation;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rules of the annual evaluation, from {@code linli.evaluation.*}; its durations are in {@code
 * linli.sla.evaluation.*} with the other clocks.
 *
 * @param aspects the 12 aspects in form order, each with its weight (weights need not add up to
 *     100: the overall score divides by their sum); empty means {@link #DEFAULT_ASPECTS}
 * @param quorum share of the roll who must answer for the evaluation to count
 * @param rectifyBelow an aspect averaged under this needs a rectification plan (整改)
 */
@ConfigurationProperties("linli.evaluation")
public record EvaluationProperties(
    List<Aspect> aspects,
    @DefaultValue("2/3") Share quorum,
    @DefaultValue("3") BigDecimal rectifyBelow) {

  /** The number of aspects the scoring form holds. */
  public static final int ASPECT_COUNT = 12;

  /**
   * Seed 003 names the first four (公共秩序维护、环境卫生维护、创新服务、问题整改); the other eight follow the usual
   * chapters of property-service standards for residential estates. Weights in percent.
   */
  public static final List<Aspect> DEFAULT_ASPECTS =
      List.of(
          new Aspect("公共秩序维护", new BigDecimal("10")),
          new Aspect("环境卫生维护", new BigDecimal("10")),
          new Aspect("创新服务", new BigDecimal("5")),
          new Aspect("问题整改", new BigDecimal("10")),
          new Aspect("房屋及共用部位维修养护", new BigDecimal("10")),
          new Aspect("共用设施设备运行维护", new BigDecimal("10")),
          new Aspect("绿化养护", new BigDecimal("5")),
          new Aspect("安全防范", new BigDecimal("10")),
          new Aspect("客户服务与投诉处理", new BigDecimal("10")),
          new Aspect("收费与财务公开", new BigDecimal("10")),
          new Aspect("车辆与停车管理", new BigDecimal("5")),
          new Aspect("应急处置", new BigDecimal("5")));

  /** One aspect: its Chinese name and weight. */
  public record Aspect(String name, BigDecimal weight) {
    public Aspect {
      if (name == null || name.isBlank() || name.length() > 50) {
        throw new IllegalArgumentException(
            "linli.evaluation.aspects: a name of 1–50 characters is needed");
      }
      if (weight == null || weight.signum() <= 0) {
        throw new IllegalArgumentException(
            "linli.evaluation.aspects: weight of " + name + " must be positive");
      }
    }
  }

  public EvaluationProperties {
    aspects = aspects == null || aspects.isEmpty() ? DEFAULT_ASPECTS : List.copyOf(aspects);
    if (aspects.size() != ASPECT_COUNT) {
      throw new IllegalArgumentException(
          "linli.evaluation.aspects: the scoring form holds "
              + ASPECT_COUNT
              + " aspects, not "
              + aspects.size());
    }
    if (rectifyBelow.compareTo(BigDecimal.ONE) < 0
        || rectifyBelow.compareTo(new BigDecimal(5)) > 0) {
      throw new IllegalArgumentException("linli.evaluation.rectify-below must be between 1 and 5");
    }
  }

  /** Aspect {@code n}, 1-based as the form numbers them. */
  public Aspect aspect(int n) {
    return aspects.get(n - 1);
  }
}
