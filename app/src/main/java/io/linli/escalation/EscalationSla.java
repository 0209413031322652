package io.linli.escalation;

import io.linli.sla.SlaDeclarations;
import io.linli.sla.SlaPolicy;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * How long each 督办 level has ({@code ${escalationSla.communityDue()}}): 社区党委 a day, then
 * 街道党工委 two (Linli's defaults; the seeds name the levels, "三级书记抓", not their times).
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
    return Map.of(COMMUNITY, Duration.ofHours(24), STREET, Duration.ofDays(2));
  }

  public Date communityDue() {
    return policy.dueFromNow(COMMUNITY);
  }

  public Date streetDue() {
    return policy.dueFromNow(STREET);
  }
}
