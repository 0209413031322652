package io.linli.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Brings the database to N open tasks by reporting grievances through Linli's own intake service
 * (case row + process instance + case event, as the API does) from many threads: honest open cases,
 * each waiting in 分流定级 with its SLA timer. The rate is a figure of its own.
 */
final class Fill {

  private final Sut sut;
  private final AtomicLong seq = new AtomicLong();

  Fill(Sut sut) {
    this.sut = sut;
  }

  Map<String, Object> to(long openTasks) {
    long before = sut.openTasks();
    int need = (int) Math.max(0, openTasks - before);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("openTasksBefore", before);
    if (need > 0) {
      Stats s = Load.run("fill", sut.config.fillThreads(), need, i -> report()).stats();
      m.put("casesCreated", s.count());
      m.put("threads", sut.config.fillThreads());
      m.put("seconds", s.seconds());
      m.put("casesPerSecond", s.perSecond());
      m.put("p50Ms", s.p50());
      m.put("p99Ms", s.p99());
      m.put("errors", s.errors());
    }
    m.put("openTasksAfter", sut.openTasks());
    return m;
  }

  String report() {
    long n = seq.incrementAndGet();
    String community = sut.community((int) n);
    String description = "压测存量诉求 " + n + "：小区路灯不亮";
    if (!community.equals(Sut.GRID_COMMUNITY)) return sut.intake.report(community, description);
    // 天府社区's cases spread over its five grids by estate and building (the demo tree)
    String[] place = Sut.GRID_PLACES[(int) ((n / sut.communities.size()) % Sut.GRID_PLACES.length)];
    return sut.intake.report(community, place[0], place[1], description);
  }

  /** One case in a given community (the escalation runs use it with a pinned clock). */
  String report(String community) {
    long n = seq.incrementAndGet();
    return sut.intake.report(community, "压测超时诉求 " + n + "：楼道堆放杂物");
  }
}
