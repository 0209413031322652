package io.linli.testflow;

import io.linli.sla.SlaPolicy;
import java.util.Date;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** The test model's deadline: {@code ${dailyCheckSla.due(reportedAt)}}. */
@Component("dailyCheckSla")
@Profile("test-flow")
public class DailyCheckSla {

  private final SlaPolicy policy;

  DailyCheckSla(SlaPolicy policy) {
    this.policy = policy;
  }

  public Date due(Date reportedAt) {
    return policy.due("daily-check.done", reportedAt);
  }
}
