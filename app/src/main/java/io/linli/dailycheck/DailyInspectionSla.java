package io.linli.dailycheck;

import io.linli.sla.SlaPolicy;
import java.util.Date;
import org.springframework.stereotype.Component;

/** The model's deadline: {@code ${dailyInspectionSla.due(openedAt)}}, in the check's community. */
@Component("dailyInspectionSla")
public class DailyInspectionSla {

  private final SlaPolicy policy;

  DailyInspectionSla(SlaPolicy policy) {
    this.policy = policy;
  }

  public Date due(Date openedAt) {
    return policy.due(DailyInspectionFlow.DONE, openedAt);
  }
}
