package io.linli.escalation;

import io.linli.calendar.Counting;
import io.linli.sla.SlaDeclarations;
import io.linli.sla.SlaPolicy;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * How long each 督办 level has ({@code ${escalationSla.communityDue()}}): 社区党委 a working day, then
 * 街道党工委 two working days (Linli's defaults; the seeds name the levels, "三级书记抓", not their times).
 */
@Component("escalationSla")
public class EscalationSla implements SlaDeclarations {

  static final String COMMUNITY = "escalation.community";
  static final String STREET = "escalation.street";

  private final SlaPolicy policy;

  EscalationSla(@Lazy SlaPolicy policy) {
    this.policy = policy;
  }

  @Override
  public Map<String, Duration> settings() {
    return Map.of(COMMUNITY, Duration.ofDays(1), STREET, Duration.ofDays(2));
  }

  /** A 督办 is an office's deadline in days: working days. */
  @Override
  public Map<String, Counting> counting() {
    return Map.of(COMMUNITY, Counting.WORKING_DAYS, STREET, Counting.WORKING_DAYS);
  }

  public Date communityDue() {
    return policy.dueFromNow(COMMUNITY);
  }

  public Date streetDue() {
    return policy.dueFromNow(STREET);
  }
}
