package io.linli.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The fast way to 100,000 open cases on a busy 2-core machine: copies of real cases. One case per
 * community that Linli's intake made (waiting in 分流定级) is the template; each copy gets the
 * template's rows in every engine table (runtime: executions, task, candidate-group link,
 * variables, SLA timer job; history: process, activity, task, variable, link, decision instances)
 * and in the app's tables (grievance_case, case_file, case_event, sla_ledger), with every id that
 * belongs to the template suffixed ({@code <id>~<n>}) and its own case number and case id in the
 * business key and variables. The engine then treats a copy like any case: its task can be claimed
 * and completed, its timer fires. Rows only, no engine code runs while copying — that is why it is
 * fast, and why the fill rate through the engine is measured separately ({@link Fill}).
 */
final class CloneFill {

  private static final Logger log = LoggerFactory.getLogger(CloneFill.class);

  /** Engine tables and how a row belongs to the template process instance {@code c.tmpl_pid}. */
  private static final Map<String, String> ENGINE = new LinkedHashMap<>();

  static {
    ENGINE.put("act_ru_execution", "src.proc_inst_id_ = c.tmpl_pid");
    ENGINE.put("act_ru_task", "src.proc_inst_id_ = c.tmpl_pid");
    ENGINE.put(
        "act_ru_identitylink",
        "src.task_id_ in (select t.id_ from act_ru_task t where t.proc_inst_id_ = c.tmpl_pid)");
    ENGINE.put("act_ru_variable", "src.proc_inst_id_ = c.tmpl_pid");
    ENGINE.put("act_ru_job", "src.process_instance_id_ = c.tmpl_pid");
    ENGINE.put("act_hi_procinst", "src.proc_inst_id_ = c.tmpl_pid");
    ENGINE.put("act_hi_actinst", "src.proc_inst_id_ = c.tmpl_pid");
    ENGINE.put("act_hi_taskinst", "src.proc_inst_id_ = c.tmpl_pid");
    ENGINE.put("act_hi_varinst", "src.proc_inst_id_ = c.tmpl_pid");
    ENGINE.put("act_hi_detail", "src.proc_inst_id_ = c.tmpl_pid");
    ENGINE.put(
        "act_hi_identitylink",
        "src.task_id_ in (select t.id_ from act_hi_taskinst t where t.proc_inst_id_ = c.tmpl_pid)");
    ENGINE.put("act_hi_decinst", "src.proc_inst_id_ = c.tmpl_pid");
    ENGINE.put(
        "act_hi_dec_in",
        "src.dec_inst_id_ in (select d.id_ from act_hi_decinst d where d.proc_inst_id_ = c.tmpl_pid)");
    ENGINE.put(
        "act_hi_dec_out",
        "src.dec_inst_id_ in (select d.id_ from act_hi_decinst d where d.proc_inst_id_ = c.tmpl_pid)");
  }

  private final Sut sut;
  private int next = 1;

  CloneFill(Sut sut) {
    this.sut = sut;
  }

  /** Adds copies until there are {@code openTasks} open tasks, in batches of 10,000. */
  Map<String, Object> to(long openTasks) {
    long before = sut.openTasks();
    long t0 = System.nanoTime();
    templates();
    int need = (int) Math.max(0, openTasks - before);
    for (int done = 0; done < need; ) {
      int batch = Math.min(10_000, need - done);
      int from = next;
      new TransactionTemplate(
              sut.context.getBean(org.springframework.transaction.PlatformTransactionManager.class))
          .executeWithoutResult(s -> copy(from, from + batch - 1));
      next += batch;
      done += batch;
      log.info("copied {}/{} cases", done, need);
    }
    sut.jdbc.execute("analyze");
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("openTasksBefore", before);
    m.put("casesCopied", need);
    m.put("templates", sut.count("select count(*) from bench_template"));
    m.put("seconds", Stats.round((System.nanoTime() - t0) / 1e9));
    m.put("openTasksAfter", sut.openTasks());
    return m;
  }

  /**
   * One unclaimed 分流定级 case per community and candidate group (a community routed by grid has one
   * per grid), reported through Linli's intake. Copy {@code k} belongs to community {@code k %
   * communities} and, within it, to its group {@code (k / communities) % groups}: every community
   * gets the same number of copies, spread evenly over its groups.
   */
  private void templates() {
    sut.jdbc.execute("drop table if exists bench_template");
    sut.jdbc.execute(
        """
        create unlogged table bench_template as
        select (dense_rank() over (order by community_code) - 1)::int as c,
               (row_number() over (partition by community_code order by grp) - 1)::int as g,
               (count(*) over (partition by community_code))::int as n, case_no, pid
        from (select distinct on (g.community_code, l.group_id_) g.community_code,
                l.group_id_ as grp, g.case_no, g.process_instance_id as pid
              from grievance_case g join act_ru_task k on k.proc_inst_id_ = g.process_instance_id
              join act_ru_identitylink l on l.task_id_ = k.id_ and l.type_ = 'candidate'
              where k.task_def_key_ = 'Task_Triage' and k.assignee_ is null and g.case_no like 'GR-%'
                and (g.description like '压测存量诉求%' or not exists
                  (select 1 from grievance_case f where f.description like '压测存量诉求%'))
              order by g.community_code, l.group_id_, g.id) x""");
    // The template's rows of each table, once: copying is then a plain hash join per batch.
    for (var e : ENGINE.entrySet()) {
      sut.jdbc.execute("drop table if exists " + source(e.getKey()));
      sut.jdbc.execute(
          "create unlogged table "
              + source(e.getKey())
              + " as select src.*, c.tmpl_pid "
              + "as bench_tmpl_pid from "
              + e.getKey()
              + " src, (select pid as tmpl_pid from bench_template) c "
              + "where "
              + e.getValue());
    }
    sut.jdbc.execute("drop table if exists bench_ids");
    List<String> parts = new ArrayList<>();
    for (String table : ENGINE.keySet()) parts.add("select id_ from " + source(table));
    sut.jdbc.execute("create unlogged table bench_ids as " + String.join(" union ", parts));
    sut.jdbc.execute("alter table bench_ids add primary key (id_)");
    long refs =
        sut.count(
            "select count(*) from act_ru_variable v join bench_template b on v.proc_inst_id_ = b.pid "
                + "where v.bytearray_id_ is not null");
    if (refs > 0) throw new IllegalStateException("template variables with byte arrays: " + refs);
  }

  private void copy(int from, int to) {
    long communities = sut.count("select count(distinct c) from bench_template");
    List<String> cols =
        sut.jdbc.queryForList(
            "select column_name from information_schema.columns where table_schema = current_schema() "
                + "and table_name = 'grievance_case' and column_name <> 'id' order by ordinal_position",
            String.class);
    List<String> exprs =
        cols.stream()
            .map(
                c ->
                    switch (c) {
                      case "case_no" -> "'BULK-' || lpad(k::text, 7, '0')";
                      case "process_instance_id" -> "g.process_instance_id || '~' || k";
                      default -> "g." + c;
                    })
            .toList();
    sut.jdbc.update(
        "insert into grievance_case ("
            + String.join(", ", cols)
            + ") select "
            + String.join(", ", exprs)
            + " from generate_series(?, ?) k "
            + "join bench_template b on b.c = k % ? and b.g = (k / ?) % b.n "
            + "join grievance_case g on g.case_no = b.case_no",
        from,
        to,
        communities,
        communities);
    sut.jdbc.execute("drop table if exists bench_clone");
    sut.jdbc.update(
        """
        create unlogged table bench_clone as
        select substring(g.case_no from 6)::int as k, b.pid as tmpl_pid, b.case_no as tmpl_case_no,
               g.id as case_id, g.case_no
        from grievance_case g join bench_template b
          on b.c = substring(g.case_no from 6)::int % ?
          and b.g = (substring(g.case_no from 6)::int / ?) % b.n
        where g.case_no like 'BULK-%' and substring(g.case_no from 6)::int between ? and ?""",
        communities, communities, from, to);
    for (String table : ENGINE.keySet()) {
      insert(table, source(table), "src.bench_tmpl_pid = c.tmpl_pid");
    }
    sut.jdbc.update(
        """
        insert into case_event (flow, case_no, occurred_at, event_type, actor_role, note, case_month)
        select src.flow, c.case_no, src.occurred_at, src.event_type, src.actor_role, src.note,
          src.case_month
        from bench_clone c join case_event src on src.case_no = c.tmpl_case_no""");
    insert("case_file", "case_file", "src.case_no = c.tmpl_case_no");
    insert("sla_ledger", "sla_ledger", "src.case_no = c.tmpl_case_no");
  }

  /** insert into table select (each column, ids of the template suffixed) from template rows. */
  private static String source(String table) {
    return "bench_src_" + table;
  }

  private void insert(String table, String from, String link) {
    List<Map<String, Object>> cols =
        sut.jdbc.queryForList(
            "select column_name, data_type from information_schema.columns "
                + "where table_schema = current_schema() and table_name = ? order by ordinal_position",
            table);
    List<String> names = new ArrayList<>();
    List<String> exprs = new ArrayList<>();
    boolean app = !table.startsWith("act_");
    boolean vars = table.equals("act_ru_variable") || table.equals("act_hi_varinst");
    for (Map<String, Object> col : cols) {
      String name = (String) col.get("column_name");
      String type = (String) col.get("data_type");
      if (app && name.equals("id")) continue;
      String e = "src." + name;
      // Each copy's deadline (task, timer job, ledger) moves by up to ±30 min, the same for all of
      // a copy's rows: copies sharing their template's due time to the millisecond would stack
      // 5,000 tasks of one community on one instant, which no real list has, and make every
      // query sorted by due date walk whole clusters of other communities' tasks.
      if (name.equals("due_date_") || name.equals("duedate_") || name.equals("due_at")) {
        e = "src." + name + " + ((c.k % 3600) - 1800) * interval '1 second'";
      }
      if (app && name.equals("case_no")) e = "c.case_no";
      else if (app && name.equals("case_id")) e = "c.case_id";
      else if (name.equals("business_key_"))
        e = "case when src.business_key_ is not null then c.case_no end";
      else if (vars && name.equals("text_")) {
        e =
            "case when src.name_ = 'caseNo' then c.case_no when src.name_ = 'caseId' then c.case_id::text else src.text_ end";
      } else if (vars && name.equals("long_")) {
        e = "case when src.name_ = 'caseId' then c.case_id else src.long_ end";
      } else if (type.startsWith("character") || type.equals("text")) {
        boolean idLike =
            name.equals("id_")
                || name.endsWith("_id_")
                || name.equals("var_scope_")
                || name.equals("super_exec_")
                || name.equals("process_instance_id")
                || name.equals("task_id");
        if (idLike) {
          e =
              "case when src."
                  + name
                  + " in (select id_ from bench_ids) then src."
                  + name
                  + " || '~' || c.k else src."
                  + name
                  + " end";
        }
      }
      names.add(name);
      exprs.add(e);
    }
    sut.jdbc.update(
        "insert into "
            + table
            + " ("
            + String.join(", ", names)
            + ") select "
            + String.join(", ", exprs)
            + " from bench_clone c join "
            + from
            + " src on "
            + link);
  }
}
