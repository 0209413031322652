package io.linli.sla;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Ends pauses whose case reached the cap ({@code linli.sla.pause.max-total}), every {@code
 * linli.sla.pause.check-every} (default a minute) on every node; each pause is taken by one node
 * ({@link SlaPauses#resumeCapped()}).
 */
@Component
class SlaPauseCap {

  private static final Logger log = LoggerFactory.getLogger(SlaPauseCap.class);

  private final SlaPauses pauses;

  SlaPauseCap(SlaPauses pauses) {
    this.pauses = pauses;
  }

  @Scheduled(
      fixedDelayString = "${linli.sla.pause.check-every:PT1M}",
      initialDelayString = "${linli.sla.pause.check-every:PT1M}")
  void resumeCapped() {
    int n = pauses.resumeCapped().size();
    if (n > 0) log.info("{} paused case(s) reached the pause cap: clocks resumed and escalated", n);
  }
}
