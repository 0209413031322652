package io.linli.sla;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every duration of every clock, from {@code linli.sla.*} (ISO-8601). The defaults are the seeds'
 * values (shared/DOMAIN.md); application.yaml repeats them with their sources.
 */
@ConfigurationProperties("linli.sla")
public record SlaProperties(
    @DefaultValue Grievance grievance,
    @DefaultValue Escalation escalation,
    @DefaultValue Consultation consultation) {

  public record Grievance(
      @DefaultValue Tier general,
      @DefaultValue Tier medium,
      @DefaultValue Tier difficult,
      @DefaultValue("PT24H") Duration rework,
      @DefaultValue("P7D") Duration ratingWindow,
      @DefaultValue("P3D") Duration followUp) {}

  /**
   * @param respond from report to the first answer (一般: handled and fed back)
   * @param resolve from report to 办结 (中等)
   * @param maxCommitment the longest 整改时限 staff may commit to (疑难)
   */
  public record Tier(
      @DefaultValue("PT4H") Duration respond,
      @DefaultValue("PT24H") Duration resolve,
      @DefaultValue("P90D") Duration maxCommitment) {}

  /**
   * @param community how long 社区党委 has for a 督办 before it goes to 街道党工委
   * @param street how long 街道党工委 has
   */
  public record Escalation(
      @DefaultValue("PT24H") Duration community, @DefaultValue("P2D") Duration street) {}

  /**
   * 议事协商 (征—审—议—办—评).
   *
   * @param collection how long a topic collects supporters (征) before the party branch reviews it
   * @param review how long the party branch has for a review, a meeting or the 清单 entry (审)
   * @param voteWindow from the meeting time to the close of the representatives' vote (议)
   * @param maxMeetingLead how far ahead a meeting may be scheduled
   * @param execution the 办理时限 when the party branch sets none (办)
   * @param maxExecution the longest 办理时限 it may set
   * @param rework the 办理时限 after a majority 不满意 sends the topic back to 办
   * @param evaluation how long residents may rate the result (评)
   */
  public record Consultation(
      @DefaultValue("P7D") Duration collection,
      @DefaultValue("P3D") Duration review,
      @DefaultValue("P3D") Duration voteWindow,
      @DefaultValue("P30D") Duration maxMeetingLead,
      @DefaultValue("P30D") Duration execution,
      @DefaultValue("P180D") Duration maxExecution,
      @DefaultValue("P15D") Duration rework,
      @DefaultValue("P7D") Duration evaluation) {}
}
