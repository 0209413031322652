package io.linli.points;

import io.linli.caselog.CaseEventCatalog;
import io.linli.caselog.CaseEventKind;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Test-only: the kinds a grievance triage would write when it rejects a report as a duplicate or as
 * spam, declared for the grievance flow's cases as a flow declares its kinds, so the case log reads
 * them back. The points rules name them in {@code linli.points.voiding-events}.
 */
@Component
class TriageRejections implements CaseEventCatalog {

  enum Rejection implements CaseEventKind {
    REJECTED_DUPLICATE(Text.of("重复反映，不予受理")),
    REJECTED_SPAM(Text.of("无效反映，不予受理"));

    private final Text text;

    Rejection(Text text) {
      this.text = text;
    }

    @Override
    public Text text() {
      return text;
    }
  }

  @Override
  public String key() {
    return "GRIEVANCE";
  }

  @Override
  public List<Rejection> events() {
    return List.of(Rejection.values());
  }
}
