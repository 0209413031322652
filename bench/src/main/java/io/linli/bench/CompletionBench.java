package io.linli.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;

/**
 * (b) Completing 分流定级 the way staff do it through Linli (Tasklist: {@code POST
 * /engine-rest/task/{id}/claim}, then {@code /submit-form} with the form's fields) versus raw
 * {@code TaskService.claim} + {@code complete} with the same variables. Both run the app's task
 * listener and start the next task (处置并反馈), so the number of open tasks stays put.
 */
final class CompletionBench {

  static final String USER = "grid1";
  static final Map<String, Object> FORM =
      Map.of("category", "ENVIRONMENT", "tier", "GENERAL", "triageNote", "压测");

  private final Sut sut;

  CompletionBench(Sut sut) {
    this.sut = sut;
  }

  Map<String, Object> run(long openTasks) {
    BenchConfig c = sut.config;
    int half = c.completeCount() / 2;
    // A random sample of the open 分流定级 tasks (most of them copies at the large size).
    List<String> ids =
        sut.jdbc.queryForList(
            "select id_ from act_ru_task where task_def_key_ = 'Task_Triage' and assignee_ is null "
                + "order by random() limit ?",
            String.class,
            2 * (c.completeWarmup() + c.completeCount()));
    if (ids.size() < 2 * (c.completeWarmup() + c.completeCount())) {
      throw new IllegalStateException("only " + ids.size() + " open 分流定级 tasks");
    }
    int[] at = {0};
    java.util.function.IntFunction<List<String>> take =
        n -> {
          List<String> s = ids.subList(at[0], at[0] + n);
          at[0] += n;
          return s;
        };
    List<String> w1 = take.apply(c.completeWarmup());
    List<String> w2 = take.apply(c.completeWarmup());
    Load.run("warm-up raw", c.clients(), w1.size(), i -> raw(w1.get(i)));
    Load.run("warm-up linli", c.clients(), w2.size(), i -> linli(w2.get(i)));
    List<String> r1 = take.apply(half);
    List<String> l1 = take.apply(half);
    List<String> l2 = take.apply(half);
    List<String> r2 = take.apply(half);
    Load.Result rr1 = Load.run("raw", c.clients(), half, i -> raw(r1.get(i)));
    Load.Result rl1 = Load.run("linli", c.clients(), half, i -> linli(l1.get(i)));
    Load.Result rl2 = Load.run("linli", c.clients(), half, i -> linli(l2.get(i)));
    Load.Result rr2 = Load.run("raw", c.clients(), half, i -> raw(r2.get(i)));
    Stats linli =
        Stats.merge(
            "claim + submit-form via /engine-rest",
            rl1.stats(),
            rl1.nanos(),
            rl2.stats(),
            rl2.nanos());
    Stats raw =
        Stats.merge(
            "TaskService.claim + complete", rr1.stats(), rr1.nanos(), rr2.stats(), rr2.nanos());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("openTasks", openTasks);
    m.put("clients", c.clients());
    m.put("linli", linli.toMap());
    m.put("raw", raw.toMap());
    return m;
  }

  private void raw(String taskId) {
    TaskService tasks = sut.engine.getTaskService();
    tasks.claim(taskId, USER);
    tasks.complete(taskId, FORM);
  }

  private void linli(String taskId) throws Exception {
    sut.http.post("/engine-rest/task/" + taskId + "/claim", "{\"userId\": \"" + USER + "\"}");
    sut.http.post(
        "/engine-rest/task/" + taskId + "/submit-form",
        """
        {"variables": {"category": {"value": "ENVIRONMENT"}, "tier": {"value": "GENERAL"},
                       "triageNote": {"value": "压测"}}}""");
  }
}
