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
    @DefaultValue ServiceOrder serviceOrder,
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
   * The service order clocks. The four of "52022" (seed 001, 崇川 新桥北村: 接单后5分钟到达现场、小问题
   * 20分钟解决、特殊复杂问题两天形成解决方案并在两天内给予答复) are seed values; the others are Linli's own
   * defaults, which the seeds do not give a figure for.
   *
   * <p>Reading of the two "2 days": both run from the on-site assessment that judged the job complex.
   * The worker forms the solution plan within {@code plan}; the property service centre replies to
   * the resident (plan and quote) within {@code reply} of the same assessment, so by default the
   * resident hears within the same two days. A centre that reads "two more days after the plan"
   * sets {@code reply} to P4D.
   *
   * @param dispatch from the order to 物业派单 (Linli's default: 接诉即办, seed 001, gives no figure)
   * @param accept from dispatch to 接单 (Linli's default)
   * @param arrive from 接单 to the on-site check-in (seed 001: 5分钟)
   * @param smallFix from the check-in to a small job done, assessment and quote included (seed 001:
   *     20分钟)
   * @param plan from the assessment to the solution plan of a complex job (seed 001: 两天)
   * @param reply from the assessment to the reply to the resident (seed 001: 两天)
   * @param maxCommitment the latest completion date a plan may commit to (Linli's default)
   * @param followUp from the resident's confirmation to 党小组回访 (as for grievances)
   */
  public record ServiceOrder(
      @DefaultValue("PT30M") Duration dispatch,
      @DefaultValue("PT30M") Duration accept,
      @DefaultValue("PT5M") Duration arrive,
      @DefaultValue("PT20M") Duration smallFix,
      @DefaultValue("P2D") Duration plan,
      @DefaultValue("P2D") Duration reply,
      @DefaultValue("P30D") Duration maxCommitment,
      @DefaultValue("P3D") Duration followUp) {}

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
