package io.linli.bench;

import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * (a) Grievance intake through Linli's API ({@code POST /api/grievances}: validation, phone
 * encryption, case row, process start, case event, one transaction) versus the engine's own REST
 * start of the same model with the variables the app sets. Warm-up first, then alternating rounds
 * (engine, Linli, Linli, engine) so drifting machine load hits both alike. Throughput is measured
 * closed-loop ({@code bench.clients} clients sending as fast as answers come); latency at a steady
 * {@code bench.intake-rate} per second open-loop, for {@code bench.intake-seconds} per path.
 */
final class IntakeBench {

  static final String ENGINE_START = "/engine-rest/process-definition/key/Process_Grievance/start";

  private final Sut sut;
  private final AtomicLong seq = new AtomicLong();

  IntakeBench(Sut sut) {
    this.sut = sut;
  }

  Map<String, Object> run() {
    BenchConfig c = sut.config;
    Load.run("warm-up linli", c.clients(), c.intakeWarmup(), this::linli);
    Load.run("warm-up engine", c.clients(), c.intakeWarmup(), this::engine);
    int half = c.intakeCount() / 2;
    Load.Result e1 = Load.run("engine", c.clients(), half, this::engine);
    Load.Result l1 = Load.run("linli", c.clients(), half, this::linli);
    Load.Result l2 = Load.run("linli", c.clients(), half, this::linli);
    Load.Result e2 = Load.run("engine", c.clients(), half, this::engine);
    Stats linli =
        Stats.merge("POST /api/grievances", l1.stats(), l1.nanos(), l2.stats(), l2.nanos());
    Stats engine =
        Stats.merge("POST " + ENGINE_START, e1.stats(), e1.nanos(), e2.stats(), e2.nanos());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("clients", c.clients());
    m.put("linli", linli.toMap());
    m.put("engine", engine.toMap());
    m.put("throughputRatio", Math.round(100 * linli.perSecond() / engine.perSecond()) / 100.0);
    // latency at a steady rate, open-loop (arrivals do not wait for answers), same alternation
    int n = c.intakeRate() * c.intakeSeconds() / 2;
    Load.Result oe1 = Load.openLoop("engine at rate", c.intakeRate(), n, this::engine);
    Load.Result ol1 = Load.openLoop("linli at rate", c.intakeRate(), n, this::linli);
    Load.Result ol2 = Load.openLoop("linli at rate", c.intakeRate(), n, this::linli);
    Load.Result oe2 = Load.openLoop("engine at rate", c.intakeRate(), n, this::engine);
    String at = " at " + c.intakeRate() + "/s open-loop";
    Stats steadyLinli =
        Stats.merge(
            "POST /api/grievances" + at, ol1.stats(), ol1.nanos(), ol2.stats(), ol2.nanos());
    Stats steadyEngine =
        Stats.merge(
            "POST " + ENGINE_START + at, oe1.stats(), oe1.nanos(), oe2.stats(), oe2.nanos());
    m.put("rate", c.intakeRate());
    m.put("steadyLinli", steadyLinli.toMap());
    m.put("steadyEngine", steadyEngine.toMap());
    m.put(
        "targetMet",
        linli.perSecond() >= engine.perSecond()
            && steadyLinli.p99() < 50
            && steadyLinli.errors() == 0);
    return m;
  }

  private void linli(int i) throws Exception {
    long n = seq.incrementAndGet();
    sut.http.post(
        "/api/grievances",
        """
        {"communityCode": "%s", "category": "ENVIRONMENT",
         "description": "压测诉求 %d：楼道垃圾三天未清运，气味很大",
         "contactName": "周女士", "contactPhone": "138%08d"}"""
            .formatted(sut.community((int) n), n, n % 100_000_000));
  }

  /** The variables GrievanceIntake sets; caseId names no row (the engine start writes none). */
  private void engine(int i) throws Exception {
    long n = seq.incrementAndGet();
    String caseNo = "ENGINE-%08d".formatted(n);
    String community = sut.community((int) n);
    SimpleDateFormat iso = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    sut.http.post(
        ENGINE_START,
        """
        {"businessKey": "%s", "variables": {
          "caseId": {"value": %d, "type": "Long"},
          "caseNo": {"value": "%s", "type": "String"},
          "communityCode": {"value": "%s", "type": "String"},
          "locationLabel": {"value": "压测社区", "type": "String"},
          "summary": {"value": "压测诉求 %d：楼道垃圾三天未清运，气味很大", "type": "String"},
          "reportedAt": {"value": "%s", "type": "Date"},
          "channel": {"value": "API", "type": "String"},
          "category": {"value": "ENVIRONMENT", "type": "String"},
          "categoryLabel": {"value": "环境卫生", "type": "String"},
          "reworkCount": {"value": 0, "type": "Integer"},
          "contactPhoneMasked": {"value": "138****%04d", "type": "String"}}}"""
            .formatted(caseNo, -n, caseNo, community, n, iso.format(new Date()), n % 10_000));
  }
}
