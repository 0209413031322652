package io.linli.cases;

import io.linli.sla.ClockSpec;
import io.linli.system.ApiError;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The registered flows (every {@link Flow} bean), checked at start: keys, case-number prefixes and
 * clock ids are unique.
 */
@Component
public class Flows {

  private final List<Flow> flows;
  private final Map<String, Flow> byKey = new HashMap<>();
  private final Map<String, Flow> byPrefix = new HashMap<>();
  private final Map<String, ClockSpec> clocks = new HashMap<>();

  Flows(List<Flow> flows) {
    this.flows = List.copyOf(flows);
    for (Flow f : flows) {
      if (byKey.put(f.key(), f) != null)
        throw new IllegalStateException("two flows named " + f.key());
      if (byPrefix.put(f.caseNoPrefix(), f) != null) {
        throw new IllegalStateException("two flows number their cases " + f.caseNoPrefix() + "-");
      }
      for (ClockSpec c : f.clocks()) {
        if (clocks.put(c.id(), c) != null)
          throw new IllegalStateException("two clocks named " + c.id());
      }
    }
  }

  public List<Flow> all() {
    return flows;
  }

  public Optional<Flow> find(String key) {
    return Optional.ofNullable(key == null ? null : byKey.get(key));
  }

  public Flow get(String key) {
    return find(key).orElseThrow(() -> new IllegalArgumentException("no flow " + key));
  }

  /** The flow a case number belongs to, by its prefix. */
  public Optional<Flow> ofCase(String caseNo) {
    if (caseNo == null) return Optional.empty();
    int dash = caseNo.indexOf('-');
    return dash < 0
        ? Optional.empty()
        : Optional.ofNullable(byPrefix.get(caseNo.substring(0, dash)));
  }

  /**
   * The flow a path names, e.g. {@code grievance} or {@code service_order} in {@code
   * /api/cases/{flow}/…}; 404 for none.
   */
  public Flow fromPath(String segment) {
    return find(segment == null
            ? null
            : segment.toUpperCase(java.util.Locale.ROOT).replace('-', '_'))
        .orElseThrow(() -> ApiError.notFound("没有这类案件：" + segment));
  }

  public Optional<ClockSpec> clock(String id) {
    return Optional.ofNullable(id == null ? null : clocks.get(id));
  }

  /** The clock's 中文 name, or its id for a clock no flow declares (any more). */
  public String clockLabel(String id) {
    return clock(id).map(ClockSpec::label).orElse(id);
  }
}
