package io.linli.grievance;

import io.linli.sla.SlaPolicy;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The grievance model's deadlines ({@code ${grievanceSla.respondBy(reportedAt, tier)}}), each from
 * the SLA policy by the keys {@link GrievanceFlow} declares.
 */
@Component("grievanceSla")
public class GrievanceSla {

  private final SlaPolicy policy;

  GrievanceSla(SlaPolicy policy) {
    this.policy = policy;
  }

  /** 一般: handled and fed back; 中等: responded; 疑难: resident contacted — counted from the report. */
  public Date respondBy(Date reportedAt, String tier) {
    return policy.due(tierKey(tier, "respond"), reportedAt);
  }

  /** 中等问题 closed (办结), counted from the report. */
  public Date resolveBy(Date reportedAt, String tier) {
    return policy.due(tierKey(tier, "resolve"), reportedAt);
  }

  /** The same instant outside the engine (the resident's countdown before the clock starts). */
  public Instant resolveBy(Instant reportedAt, String tier, String community) {
    return policy.due(tierKey(tier, "resolve"), reportedAt, community);
  }

  public Date reworkDue() {
    return policy.dueFromNow(GrievanceFlow.REWORK);
  }

  public Date followUpDue() {
    return policy.dueFromNow(GrievanceFlow.FOLLOW_UP);
  }

  /** ISO-8601 duration for the rating window timer. */
  public String ratingWindow() {
    return policy.duration(GrievanceFlow.RATING_WINDOW).toString();
  }

  /** The latest 整改时限 a handler may commit to for a 疑难 case, from now. */
  public Instant latestCommitment() {
    return policy.latest(GrievanceFlow.MAX_COMMITMENT);
  }

  public Instant now() {
    return policy.now();
  }

  private static String tierKey(String tier, String clock) {
    if (tier == null) throw new IllegalArgumentException("tier is not set");
    Tier.valueOf(tier);
    return "grievance." + tier.toLowerCase(Locale.ROOT) + "." + clock;
  }
}
