package io.linli.consultation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rules of the representatives' vote, from {@code linli.consultation.*}; the durations are in
 * {@code linli.sla.consultation.*} with the other clocks.
 *
 * @param quorum share of the representatives called who must cast a vote (abstaining counts)
 * @param majority agreed when the agree votes are more than this share of the votes cast
 * @param maxRounds rounds without quorum before the topic lapses
 */
@ConfigurationProperties("linli.consultation")
record ConsultationProperties(
    @DefaultValue("2/3") Fraction quorum,
    @DefaultValue("1/2") Fraction majority,
    @DefaultValue("3") int maxRounds) {

  ConsultationProperties {
    if (maxRounds < 1)
      throw new IllegalArgumentException("linli.consultation.max-rounds must be at least 1");
  }
}
