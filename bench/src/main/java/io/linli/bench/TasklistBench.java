package io.linli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * (e) What Tasklist sends for the saved filters (io.linli.system.TasklistFilters) of 网格员 grid1 (its
 * groups as {@code currentUserGroups()} gives them: grid-worker, tfsq-grid-worker and, once the
 * driver has put grid1 into 天府社区's first grid, that grid's group): 本社区待认领 (candidate groups,
 * unassigned, by due date) and 已超时 (mine or my groups' tasks due before now), each as the first
 * page (15, Tasklist's page size) and the count, through {@code POST /engine-rest/task} and {@code
 * /task/count}. One client, one request at a time. 已超时 twice: as of now (few rows) and as of five
 * hours on, when every one of these tasks is overdue (the worst case: a backlog).
 */
final class TasklistBench {

  private final Sut sut;
  private final String groups;

  TasklistBench(Sut sut) {
    this.sut = sut;
    this.groups = sut.groupsJson(CompletionBench.USER);
  }

  Map<String, Object> run(long openTasks) throws Exception {
    SimpleDateFormat iso = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    String now = iso.format(new Date());
    String later = iso.format(new Date(System.currentTimeMillis() + 5 * 3600_000L));
    String unclaimed = "\"candidateGroups\": " + groups + ", \"unassigned\": true";
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("openTasks", openTasks);
    m.put("groups", groups);
    m.put("unclaimed", pair("本社区待认领", unclaimed));
    m.put("overdueNow", pair("已超时 (now)", overdue(now)));
    m.put("overdueBacklog", pair("已超时 (all overdue)", overdue(later)));
    double worst = 0;
    for (Object v : m.values()) {
      if (v instanceof Map<?, ?> q) {
        for (Object s : q.values()) {
          if (s instanceof Map<?, ?> st && st.get("p95Ms") instanceof Double p)
            worst = Math.max(worst, p);
        }
      }
    }
    m.put("worstP95Ms", worst);
    m.put("targetMet", worst < 150);
    // the engine's SQL for each request and its plan (bench/plans/e-*.txt)
    Map<String, Plans.Request> requests = new LinkedHashMap<>();
    requests.put("e unclaimed first page", () -> sut.http.post(PAGE, list(unclaimed)));
    requests.put(
        "e unclaimed count", () -> sut.http.post("/engine-rest/task/count", count(unclaimed)));
    requests.put("e overdue backlog first page", () -> sut.http.post(PAGE, list(overdue(later))));
    requests.put(
        "e overdue backlog count",
        () -> sut.http.post("/engine-rest/task/count", count(overdue(later))));
    m.put("plans", new Plans(sut).capture("(e) at " + openTasks + " open tasks", requests).size());
    return m;
  }

  private String overdue(String before) {
    return "\"orQueries\": [{\"assignee\": \""
        + CompletionBench.USER
        + "\", \"candidateGroups\": "
        + groups
        + "}], \"dueBefore\": \""
        + before
        + "\"";
  }

  private static final String PAGE = "/engine-rest/task?firstResult=0&maxResults=15";

  private static String list(String criteria) {
    return "{" + criteria + ", \"sorting\": [{\"sortBy\": \"dueDate\", \"sortOrder\": \"asc\"}]}";
  }

  private static String count(String criteria) {
    return "{" + criteria + "}";
  }

  private Map<String, Object> pair(String name, String criteria) throws Exception {
    String list = list(criteria);
    String count = count(criteria);
    BenchConfig c = sut.config;
    for (int i = 0; i < c.queryWarmup(); i++) {
      sut.http.post("/engine-rest/task?firstResult=0&maxResults=15", list);
      sut.http.post("/engine-rest/task/count", count);
    }
    Stats page =
        Load.run(
                name,
                1,
                c.queryRepeats(),
                i -> sut.http.post("/engine-rest/task?firstResult=0&maxResults=15", list))
            .stats();
    Stats total =
        Load.run(
                name + " count",
                1,
                c.queryRepeats(),
                i -> sut.http.post("/engine-rest/task/count", count))
            .stats();
    JsonNode n = sut.json.readTree(sut.http.post("/engine-rest/task/count", count));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("matching", n.get("count").asLong());
    m.put("firstPage", page.toMap());
    m.put("count", total.toMap());
    return m;
  }
}
