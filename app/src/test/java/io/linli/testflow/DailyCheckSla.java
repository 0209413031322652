package io.linli.testflow;

import io.linli.sla.SlaPolicy;
import java.util.Date;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** The test model's deadline: {@code ${dailyCheckSla.due(reportedAt)}}. */
@Component("dailyCheckSla")
@ConditionalOnProperty(name = "linli.test-flow", havingValue = "true")
public class DailyCheckSla {

  private final SlaPolicy policy;

  DailyCheckSla(SlaPolicy policy) {
    this.policy = policy;
  }

  public Date due(Date reportedAt) {
    return policy.due("daily-check.done", reportedAt);
  }
}
