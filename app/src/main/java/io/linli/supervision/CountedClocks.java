package io.linli.supervision;

import io.linli.cases.Flow;
import io.linli.cases.Flows;
import io.linli.sla.ClockSpec;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What the rates count, from the flows' declarations: the flows in the rates ({@link
 * Flow#inRates()}) and which of their clocks make a closure late, give the response time and mark a
 * commitment ({@link ClockSpec.Counts}).
 */
@Component
class CountedClocks {

  final List<Flow> flows;

  /** Comma-joined, as the SQL's string_to_array reads them. */
  final String flowKeys;

  final String handling;
  final String response;
  final String commitment;
  private final java.util.Set<String> commitmentClocks;

  CountedClocks(Flows registry) {
    this.flows =
        registry.all().stream()
            .filter(Flow::inRates)
            .sorted(Comparator.comparing(Flow::key))
            .toList();
    this.flowKeys = flows.stream().map(Flow::key).collect(Collectors.joining(","));
    this.handling = join(ClockSpec.Counts.HANDLING, ClockSpec::id, ",");
    this.response = join(ClockSpec.Counts.RESPONSE, ClockSpec::id, ",");
    this.commitment = join(ClockSpec.Counts.COMMITMENT, ClockSpec::id, ",");
    this.commitmentClocks = java.util.Set.of(commitment.split(","));
  }

  String join(ClockSpec.Counts counts, Function<ClockSpec, String> part, String separator) {
    return flows.stream()
        .flatMap(f -> f.clocks().stream())
        .filter(c -> c.counts().contains(counts))
        .map(part)
        .collect(Collectors.joining(separator));
  }

  boolean isCommitment(String clock) {
    return commitmentClocks.contains(clock);
  }
}
