package io.linli.finance;

import io.linli.community.Location;
import io.linli.community.Locations;
import io.linli.system.ApiError;
import io.linli.system.Times;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 收支 entries (V81): submitted by property staff, decided by 社区党委 (Tasklist or the API), never
 * changed. Approving one publishes its lines as the quarter's books (management_fee and
 * estate_expense, which the 双晒 report reads): a correction, once approved, replaces the figures of
 * the entry it corrects, and both stay on record.
 */
@Service
class FinanceEntries {

  static final String PROCESS = "Process_FinanceApproval";

  private final JdbcClient jdbc;
  private final Locations locations;
  private final RuntimeService runtime;

  FinanceEntries(JdbcClient jdbc, Locations locations, RuntimeService runtime) {
    this.jdbc = jdbc;
    this.locations = locations;
    this.runtime = runtime;
  }

  record Entry(
      long id,
      String entryNo,
      String communityCode,
      long estateId,
      String estateName,
      String quarter,
      String correctsEntryNo,
      String state,
      String submittedBy,
      Instant submittedAt,
      String decidedBy,
      Instant decidedAt,
      String decisionReason,
      List<FinanceLines.Fee> fees,
      List<FinanceLines.Expense> expenses,
      long collectedFen,
      long expenseFen) {}

  record Submitted(Entry entry, boolean created) {}

  @Transactional
  Submitted submit(
      String communityCode,
      String estateCode,
      String quarterText,
      String correctsEntryNo,
      List<FinanceLines.Fee> fees,
      List<FinanceLines.Expense> expenses,
      String user) {
    return submit(
        communityCode, estateCode, quarterText, correctsEntryNo, fees, expenses, user, null);
  }

  /**
   * @param started the approval process a Tasklist start form began (the entry joins it), or null:
   *     the API's submission, which starts the process itself
   */
  @Transactional
  Submitted submit(
      String communityCode,
      String estateCode,
      String quarterText,
      String correctsEntryNo,
      List<FinanceLines.Fee> fees,
      List<FinanceLines.Expense> expenses,
      String user,
      org.camunda.bpm.engine.delegate.DelegateExecution started) {
    if (estateCode == null || estateCode.isBlank()) throw ApiError.invalid("estateCode", "请选择小区");
    Location where = locations.locate(communityCode, estateCode, null);
    Quarter quarter = Quarter.parse("quarter", quarterText);
    FinanceLines.check(quarter, fees, expenses);
    long estate = where.estateId();
    // one submission at a time per estate: entries of the same estate queue here
    jdbc.sql("select id from estate where id = ? for update")
        .param(estate)
        .query(Long.class)
        .single();
    String digest = FinanceLines.digest(estate, quarter, correctsEntryNo, fees, expenses);
    Optional<Long> same =
        jdbc.sql(
                """
            select id from finance_entry where estate_id = ? and quarter = ? and digest = ?
              and state in ('SUBMITTED', 'APPROVED') order by id desc limit 1""")
            .params(estate, quarter.toString(), digest)
            .query(Long.class)
            .optional();
    if (same.isPresent()) return new Submitted(find(same.get()).orElseThrow(), false);
    if (jdbc.sql(
                "select count(*) from finance_entry where estate_id = ? and quarter = ? and state = 'SUBMITTED'")
            .params(estate, quarter.toString())
            .query(Long.class)
            .single()
        > 0) {
      throw ApiError.conflict("该小区本季度已有待社区党委审核的收支，请待审核后再提交");
    }
    Optional<String> published = published(estate, quarter.toString());
    if (correctsEntryNo == null || correctsEntryNo.isBlank()) {
      if (published.isPresent()) {
        throw ApiError.invalid("correctsEntryNo", "本季度收支已公布（" + published.get() + "），请以更正方式提交");
      }
      correctsEntryNo = null;
    } else if (published.isEmpty() || !published.get().equals(correctsEntryNo)) {
      throw ApiError.invalid(
          "correctsEntryNo", "只能更正本小区本季度现已公布的收支" + published.map(p -> "（" + p + "）").orElse(""));
    }
    Instant now = Times.now();
    long id =
        jdbc.sql(
                """
            insert into finance_entry (entry_no, community_code, estate_id, quarter, corrects_entry_no, digest,
              state, submitted_by, submitted_at)
            values ('SZ-' || ? || '-' || lpad(nextval('finance_entry_no_seq')::text, 6, '0'), ?, ?, ?, ?, ?,
              'SUBMITTED', ?, ?) returning id""")
            .params(
                quarter.year(),
                where.community().code(),
                estate,
                quarter.toString(),
                correctsEntryNo,
                digest,
                user,
                Timestamp.from(now))
            .query(Long.class)
            .single();
    for (FinanceLines.Fee f : fees == null ? List.<FinanceLines.Fee>of() : fees) {
      jdbc.sql(
              """
              insert into finance_entry_fee (entry_id, month, households_billed, households_paid, billed_fen,
                collected_fen) values (?, ?, ?, ?, ?, ?)""")
          .params(
              id,
              monthDate(f.month()),
              f.householdsBilled(),
              f.householdsPaid(),
              f.billedFen(),
              f.collectedFen())
          .update();
    }
    for (FinanceLines.Expense e : expenses == null ? List.<FinanceLines.Expense>of() : expenses) {
      jdbc.sql(
              "insert into finance_entry_expense (entry_id, month, category, amount_fen, note) values (?, ?, ?, ?, ?)")
          .params(id, monthDate(e.month()), e.category(), e.amountFen(), e.note())
          .update();
    }
    Entry entry = find(id).orElseThrow();
    Map<String, Object> vars = new HashMap<>();
    vars.put("entryId", id);
    vars.put("entryNo", entry.entryNo());
    vars.put("communityCode", where.community().code());
    vars.put(
        "summary",
        where.estateName()
            + " "
            + quarter.label()
            + "收支"
            + (correctsEntryNo == null ? "" : "（更正 " + correctsEntryNo + "）")
            + "：物业费实收"
            + yuan(entry.collectedFen())
            + "元，支出"
            + yuan(entry.expenseFen())
            + "元");
    vars.put("detailUrl", "/api/estate-finance/" + entry.entryNo());
    String pi;
    if (started == null) {
      pi = runtime.startProcessInstanceByKey(PROCESS, entry.entryNo(), vars).getId();
    } else {
      started.setProcessBusinessKey(entry.entryNo());
      started.setVariables(vars);
      pi = started.getProcessInstanceId();
    }
    jdbc.sql("update finance_entry set process_instance_id = ? where id = ?")
        .params(pi, id)
        .update();
    return new Submitted(entry, true);
  }

  /** 社区党委's decision; an approval publishes the entry's lines as the quarter's books. */
  @Transactional
  void decide(long id, boolean approved, String reason, String user) {
    Entry e = find(id).orElseThrow();
    if (!"SUBMITTED".equals(e.state())) throw ApiError.conflict("该收支已审核：" + e.state());
    if (!approved && (reason == null || reason.isBlank()))
      throw ApiError.invalid("reason", "退回时请填写理由");
    if (reason != null && reason.length() > 500) throw ApiError.invalid("reason", "理由不能超过500字");
    Instant now = Times.now();
    jdbc.sql(
            """
            update finance_entry set state = ?, decided_by = ?, decided_at = ?, decision_reason = ?
            where id = ? and state = 'SUBMITTED'""")
        .params(approved ? "APPROVED" : "REJECTED", user, Timestamp.from(now), reason, id)
        .update();
    if (approved) publish(e);
  }

  private void publish(Entry e) {
    Quarter q = Quarter.parse("quarter", e.quarter());
    java.sql.Date first = java.sql.Date.valueOf(q.firstDay());
    java.sql.Date last = java.sql.Date.valueOf(q.lastDay());
    jdbc.sql("delete from management_fee where estate_id = ? and month between ? and ?")
        .params(e.estateId(), first, last)
        .update();
    jdbc.sql("delete from estate_expense where estate_id = ? and month between ? and ?")
        .params(e.estateId(), first, last)
        .update();
    jdbc.sql(
            """
            insert into management_fee (estate_id, month, households_billed, households_paid, billed_fen,
              collected_fen, recorded_by, recorded_at)
            select ?, month, households_billed, households_paid, billed_fen, collected_fen, ?, ?
            from finance_entry_fee where entry_id = ?""")
        .params(e.estateId(), e.entryNo(), Timestamp.from(Times.now()), e.id())
        .update();
    jdbc.sql(
            """
            insert into estate_expense (estate_id, month, category, amount_fen, note, recorded_by, recorded_at)
            select ?, month, category, amount_fen, note, ?, ? from finance_entry_expense where entry_id = ?""")
        .params(e.estateId(), e.entryNo(), Timestamp.from(Times.now()), e.id())
        .update();
  }

  /** The entry whose figures the quarter's books now show, if any was approved. */
  Optional<String> published(long estateId, String quarter) {
    return jdbc.sql(
            """
            select entry_no from finance_entry where estate_id = ? and quarter = ? and state = 'APPROVED'
            order by decided_at desc, id desc limit 1""")
        .params(estateId, quarter)
        .query(String.class)
        .optional();
  }

  Optional<Entry> find(String entryNo) {
    return jdbc.sql("select id from finance_entry where entry_no = ?")
        .param(entryNo)
        .query(Long.class)
        .optional()
        .flatMap(this::find);
  }

  Optional<Entry> find(long id) {
    List<FinanceLines.Fee> fees =
        jdbc.sql(
                """
            select to_char(month, 'YYYY-MM'), households_billed, households_paid, billed_fen, collected_fen
            from finance_entry_fee where entry_id = ? order by month""")
            .param(id)
            .query(
                (rs, n) ->
                    new FinanceLines.Fee(
                        rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getLong(4), rs.getLong(5)))
            .list();
    List<FinanceLines.Expense> expenses =
        jdbc.sql(
                """
            select to_char(month, 'YYYY-MM'), category, amount_fen, note
            from finance_entry_expense where entry_id = ? order by month, category""")
            .param(id)
            .query(
                (rs, n) ->
                    new FinanceLines.Expense(
                        rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)))
            .list();
    long collected = fees.stream().mapToLong(FinanceLines.Fee::collectedFen).sum();
    long spent = expenses.stream().mapToLong(FinanceLines.Expense::amountFen).sum();
    return jdbc.sql(
            """
            select f.id, f.entry_no, f.community_code, f.estate_id, e.name, f.quarter, f.corrects_entry_no, f.state,
              f.submitted_by, f.submitted_at, f.decided_by, f.decided_at, f.decision_reason
            from finance_entry f join estate e on e.id = f.estate_id where f.id = ?""")
        .param(id)
        .query(
            (rs, n) ->
                new Entry(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getLong(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8),
                    rs.getString(9),
                    rs.getTimestamp(10).toInstant(),
                    rs.getString(11),
                    rs.getTimestamp(12) == null ? null : rs.getTimestamp(12).toInstant(),
                    rs.getString(13),
                    fees,
                    expenses,
                    collected,
                    spent))
        .optional();
  }

  /**
   * What residents see of an estate's quarter: the approved figures in force, without who entered
   * them.
   */
  record Published(
      String estateCode,
      String estateName,
      String quarter,
      String quarterLabel,
      String entryNo,
      String correctsEntryNo,
      Instant approvedAt,
      long billedFen,
      long collectedFen,
      long expenseFen,
      Map<String, Long> expensesByCategory) {}

  /**
   * The approved 收支 in force of every estate of the community for the quarter (none: not listed).
   */
  List<Published> published(String communityCode, String quarterText) {
    Quarter q = Quarter.parse("quarter", quarterText);
    List<Published> out = new java.util.ArrayList<>();
    for (var row :
        jdbc.sql("select id, code from estate where community_code = ? order by code")
            .param(communityCode)
            .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
            .list()) {
      long estate = (Long) row[0];
      published(estate, q.toString())
          .flatMap(this::find)
          .ifPresent(
              e -> {
                Map<String, Long> byCategory = new java.util.LinkedHashMap<>();
                for (FinanceLines.Expense x : e.expenses()) {
                  byCategory.merge(
                      FinanceLines.EXPENSE_LABELS.get(x.category()), x.amountFen(), Long::sum);
                }
                out.add(
                    new Published(
                        (String) row[1],
                        e.estateName(),
                        e.quarter(),
                        q.label(),
                        e.entryNo(),
                        e.correctsEntryNo(),
                        e.decidedAt(),
                        e.fees().stream().mapToLong(FinanceLines.Fee::billedFen).sum(),
                        e.collectedFen(),
                        e.expenseFen(),
                        byCategory));
              });
    }
    return out;
  }

  /** Entries of a community (optionally one estate and quarter), newest first, at most 200. */
  List<Entry> list(String communityCode, String estateCode, String quarter) {
    return jdbc
        .sql(
            """
            select f.id from finance_entry f join estate e on e.id = f.estate_id
            where f.community_code = :community and (:estate = '' or e.code = :estate)
              and (:quarter = '' or f.quarter = :quarter)
            order by f.id desc limit 200""")
        .param("community", communityCode)
        .param("estate", estateCode == null ? "" : estateCode)
        .param("quarter", quarter == null ? "" : quarter)
        .query(Long.class)
        .list()
        .stream()
        .map(id -> find(id).orElseThrow())
        .toList();
  }

  private static java.sql.Date monthDate(String month) {
    return java.sql.Date.valueOf(YearMonth.parse(month).atDay(1));
  }

  static String yuan(long fen) {
    return java.math.BigDecimal.valueOf(fen, 2).toPlainString();
  }
}
