package io.linli.supervision;

import io.linli.cases.Flow;
import io.linli.cases.Flows;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 双晒 (seed 002: 物业服务季报和收支季报): an estate's quarter — the service report (cases by flow and category,
 * the rates, notable cases, public topics) and the income/expense report (物业费 billed and collected,
 * spending, payments for paid services ({@link EstateIncome}) with the centre's fee and the
 * workers' settlement). Money in fen; figures recomputed from the tables on every call.
 */
@Component
class ShuangShai {

  record CaseCount(
      String flow,
      String flowLabel,
      String category,
      String categoryLabel,
      long reported,
      long closed) {}

  record Notable(String caseNo, String flowLabel, String what, Instant at) {}

  /** A case with a public title (a consultation topic) open during the quarter. */
  record Topic(
      String caseNo, String flowLabel, String title, String categoryLabel, String statusLabel) {}

  /**
   * @param ratesOf the flows the rates count, e.g. 居民诉求
   */
  record ServiceReport(
      List<CaseCount> cases,
      long reported,
      long closed,
      String ratesOf,
      SupervisionRates.Figures rates,
      long breaches,
      List<Notable> notable,
      List<Topic> topics) {}

  record FeeMonth(
      String month, int householdsBilled, int householdsPaid, long billedFen, long collectedFen) {}

  record Expense(String category, String label, long amountFen) {}

  /** Paid services: what residents paid, the centre's fee, the rest settled to the workers. */
  record Orders(long count, long paidFen, long feeFen, long netFen) {}

  /**
   * @param ordersLabel what the paid services are called, e.g. 服务单
   */
  record Finance(
      List<FeeMonth> fees,
      long billedFen,
      long collectedFen,
      Double collectionRate,
      List<Expense> expenses,
      long expenseFen,
      String ordersLabel,
      Orders serviceOrders,
      long incomeFen,
      long balanceFen) {}

  record Report(
      Dimensions.EstateInfo estate,
      String quarter,
      String quarterLabel,
      java.time.LocalDate from,
      java.time.LocalDate to,
      ServiceReport service,
      Finance finance,
      Map<String, String> rules) {}

  /**
   * The report as residents see it (公示): the service report always, the books ({@code finance})
   * only when 社区党委 approved them ({@code books}), else null.
   */
  record PublicReport(
      Dimensions.EstateInfo estate,
      String quarter,
      String quarterLabel,
      java.time.LocalDate from,
      java.time.LocalDate to,
      ServiceReport service,
      ApprovedBooks.Approval books,
      Finance finance,
      Map<String, String> rules) {}

  static final Map<String, String> EXPENSE_LABELS =
      Map.of(
          "STAFF",
          "人员费用",
          "CLEANING",
          "保洁",
          "GREENING",
          "绿化养护",
          "SECURITY",
          "秩序维护",
          "REPAIR",
          "共用部位维修",
          "UTILITIES",
          "公共水电",
          "REMUNERATION",
          "物业企业酬金",
          "OTHER",
          "其他");

  private final JdbcClient jdbc;
  private final SupervisionRates rates;
  private final Flows flows;
  private final ObjectProvider<EstateIncome> incomes;

  ShuangShai(
      io.linli.system.ReportingDatabase reporting,
      SupervisionRates rates,
      Flows flows,
      ObjectProvider<EstateIncome> incomes) {
    this.jdbc = reporting.jdbc();
    this.rates = rates;
    this.flows = flows;
    this.incomes = incomes;
  }

  @Transactional(readOnly = true)
  Report of(Dimensions.EstateInfo estate, EstateQuarter quarter) {
    Instant from = AuditQuery.start(quarter.firstDay());
    Instant to = AuditQuery.start(quarter.lastDay().plusDays(1));
    AuditQuery q =
        new AuditQuery(null, estate.id(), null, null, null, null, from, to, null, null, null);
    SupervisionRates.Figures figures = rates.of(q, SupervisionRates.GroupBy.NONE).total();
    List<CaseCount> cases = caseCounts(estate.id(), from, to);
    ServiceReport service =
        new ServiceReport(
            cases,
            cases.stream().mapToLong(CaseCount::reported).sum(),
            cases.stream().mapToLong(CaseCount::closed).sum(),
            rates.countedLabel(),
            figures,
            breaches(estate.id(), from, to),
            notable(estate.id(), from, to),
            topics(estate.id(), from, to));
    return new Report(
        estate,
        quarter.toString(),
        quarter.label(),
        quarter.firstDay(),
        quarter.lastDay(),
        service,
        finance(estate.id(), quarter, from, to),
        rates.rules());
  }

  private List<CaseCount> caseCounts(long estateId, Instant from, Instant to) {
    return jdbc.sql(
            """
            select flow, category, count(*), count(*) filter (where closed_at < :to)
            from case_file where estate_id = :estate and reported_at >= :from and reported_at < :to
            group by flow, category order by flow, category""")
        .param("estate", estateId)
        .param("from", Timestamp.from(from))
        .param("to", Timestamp.from(to))
        .query(
            (rs, n) -> {
              String flow = rs.getString(1);
              String category = rs.getString(2);
              var f = flows.find(flow);
              return new CaseCount(
                  flow,
                  f.map(Flow::label).orElse(flow),
                  category,
                  f.map(x -> x.categoryLabel(category)).orElse(category),
                  rs.getLong(3),
                  rs.getLong(4));
            })
        .list();
  }

  private long breaches(long estateId, Instant from, Instant to) {
    return jdbc.sql(
            """
            select count(*) from breach_state where level = 1
              and estate_id = ? and breached_at >= ? and breached_at < ?""")
        .params(estateId, Timestamp.from(from), Timestamp.from(to))
        .query(Long.class)
        .single();
  }

  /** 典型案例: the quarter's escalated clocks, what became of them (no resident's text or name). */
  private List<Notable> notable(long estateId, Instant from, Instant to) {
    return jdbc.sql(
            """
            select b.case_no, b.flow, b.clock, b.breached_at, b.supervised_at is not null,
              b.resolved_at is not null
            from breach_state b
            where b.level = 1 and b.estate_id = ? and b.breached_at >= ? and b.breached_at < ?
            order by b.breached_at, b.id limit 10""")
        .params(estateId, Timestamp.from(from), Timestamp.from(to))
        .query(
            (rs, n) ->
                new Notable(
                    rs.getString(1),
                    flows.find(rs.getString(2)).map(Flow::label).orElse(rs.getString(2)),
                    flows.clockLabel(rs.getString(3))
                        + "超时，提请社区党委督办；"
                        + (rs.getBoolean(5) ? "已督办" : "督办中")
                        + "，"
                        + (rs.getBoolean(6) ? "已办结" : "尚未办结"),
                    rs.getTimestamp(4).toInstant()))
        .list();
  }

  /**
   * Cases with a public title (topics) open at some time in the quarter, without those withdrawn
   * (merged into another, rejected).
   */
  private List<Topic> topics(long estateId, Instant from, Instant to) {
    String withdrawn =
        flows.all().stream()
            .flatMap(f -> f.withdrawnStatuses().stream().map(s -> f.key() + ":" + s))
            .collect(Collectors.joining(","));
    return jdbc.sql(
            """
            select flow, case_no, title, category, status from case_file
            where estate_id = :estate and title is not null
              and reported_at < :to and (closed_at is null or closed_at >= :from)
              and not (flow || ':' || status) = any(string_to_array(:withdrawn, ','))
            order by reported_at, case_no limit 10""")
        .param("estate", estateId)
        .param("from", Timestamp.from(from))
        .param("to", Timestamp.from(to))
        .param("withdrawn", withdrawn)
        .query(
            (rs, n) -> {
              String flow = rs.getString(1);
              String category = rs.getString(4);
              String status = rs.getString(5);
              var f = flows.find(flow);
              return new Topic(
                  rs.getString(2),
                  f.map(Flow::label).orElse(flow),
                  rs.getString(3),
                  f.map(x -> x.categoryLabel(category)).orElse(category),
                  f.map(x -> x.statusLabel(status)).orElse(status));
            })
        .list();
  }

  private Finance finance(long estateId, EstateQuarter quarter, Instant from, Instant to) {
    java.sql.Date first = java.sql.Date.valueOf(quarter.firstDay());
    java.sql.Date last = java.sql.Date.valueOf(quarter.lastDay());
    List<FeeMonth> fees =
        jdbc.sql(
                """
            select to_char(month, 'YYYY-MM'), households_billed, households_paid, billed_fen, collected_fen
            from management_fee where estate_id = ? and month between ? and ? order by month""")
            .params(estateId, first, last)
            .query(
                (rs, n) ->
                    new FeeMonth(
                        rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getLong(4), rs.getLong(5)))
            .list();
    List<Expense> expenses =
        jdbc.sql(
                """
            select category, sum(amount_fen) from estate_expense
            where estate_id = ? and month between ? and ? group by category
            order by sum(amount_fen) desc, category""")
            .params(estateId, first, last)
            .query(
                (rs, n) ->
                    new Expense(
                        rs.getString(1),
                        EXPENSE_LABELS.getOrDefault(rs.getString(1), rs.getString(1)),
                        rs.getLong(2)))
            .list();
    List<EstateIncome> sources = incomes.orderedStream().toList();
    long count = 0, paid = 0, fee = 0;
    for (EstateIncome source : sources) {
      EstateIncome.Income i = source.of(estateId, from, to);
      count += i.count();
      paid += i.paidFen();
      fee += i.feeFen();
    }
    String ordersLabel =
        sources.isEmpty()
            ? "有偿服务"
            : sources.stream().map(EstateIncome::label).distinct().collect(Collectors.joining("、"));
    Orders orders = new Orders(count, paid, fee, paid - fee);
    long billed = fees.stream().mapToLong(FeeMonth::billedFen).sum();
    long collected = fees.stream().mapToLong(FeeMonth::collectedFen).sum();
    long spent = expenses.stream().mapToLong(Expense::amountFen).sum();
    long income = collected + orders.feeFen();
    return new Finance(
        fees,
        billed,
        collected,
        SupervisionRates.ratio(collected, billed),
        expenses,
        spent,
        ordersLabel,
        orders,
        income,
        income - spent);
  }
}
