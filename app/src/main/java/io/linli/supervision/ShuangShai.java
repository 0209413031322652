package io.linli.supervision;

import io.linli.consultation.TopicCategory;
import io.linli.consultation.TopicState;
import io.linli.grievance.Category;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 双晒 (seed 002: 物业服务季报和收支季报): an estate's quarter — the service report (cases by flow
 * and category, the rates, notable cases) and the income/expense report (物业费 billed and
 * collected, spending, service-order payments with the centre's fee and the workers' settlement).
 * Money in fen; figures recomputed from the tables on every call.
 */
@Component
class ShuangShai {

  record CaseCount(String flow, String flowLabel, String category, String categoryLabel,
      long reported, long closed) {}

  record Notable(String caseNo, String flowLabel, String what, Instant at) {}

  record Topic(String topicNo, String title, String categoryLabel, String stateLabel) {}

  record ServiceReport(List<CaseCount> cases, long reported, long closed,
      SupervisionRates.Figures rates, long breaches, List<Notable> notable, List<Topic> topics) {}

  record FeeMonth(String month, int householdsBilled, int householdsPaid, long billedFen,
      long collectedFen) {}

  record Expense(String category, String label, long amountFen) {}

  record Orders(long count, long paidFen, long feeFen, long netFen) {}

  record Finance(List<FeeMonth> fees, long billedFen, long collectedFen, Double collectionRate,
      List<Expense> expenses, long expenseFen, Orders serviceOrders, long incomeFen,
      long balanceFen) {}

  record Report(Dimensions.EstateInfo estate, String quarter, String quarterLabel,
      java.time.LocalDate from, java.time.LocalDate to, ServiceReport service, Finance finance,
      Map<String, String> rules) {}

  static final Map<String, String> EXPENSE_LABELS = Map.of(
      "STAFF", "人员费用", "CLEANING", "保洁", "GREENING", "绿化养护", "SECURITY", "秩序维护",
      "REPAIR", "共用部位维修", "UTILITIES", "公共水电", "REMUNERATION", "物业企业酬金", "OTHER", "其他");

  static final Map<String, String> FLOW_LABELS =
      Map.of("GRIEVANCE", "居民诉求", "SERVICE_ORDER", "服务单", "CONSULTATION", "议事协商");

  private final JdbcClient jdbc;
  private final SupervisionRates rates;

  ShuangShai(JdbcClient jdbc, SupervisionRates rates) {
    this.jdbc = jdbc;
    this.rates = rates;
  }

  @Transactional(readOnly = true)
  Report of(Dimensions.EstateInfo estate, EstateQuarter quarter) {
    Instant from = AuditQuery.start(quarter.firstDay());
    Instant to = AuditQuery.start(quarter.lastDay().plusDays(1));
    AuditQuery q = new AuditQuery(null, estate.id(), null, null, null, null, from, to, null, null, null);
    SupervisionRates.Figures figures = rates.of(q, SupervisionRates.GroupBy.NONE).total();
    List<CaseCount> cases = caseCounts(estate.id(), from, to);
    ServiceReport service = new ServiceReport(cases,
        cases.stream().mapToLong(CaseCount::reported).sum(),
        cases.stream().mapToLong(CaseCount::closed).sum(),
        figures, breaches(estate.id(), from, to), notable(estate.id(), from, to),
        topics(estate.id(), from, to));
    return new Report(estate, quarter.toString(), quarter.label(), quarter.firstDay(),
        quarter.lastDay(), service, finance(estate.id(), quarter, from, to), SupervisionRates.RULES);
  }

  private List<CaseCount> caseCounts(long estateId, Instant from, Instant to) {
    Map<String, String> orderCategories = jdbc.sql("select code, name from service_category")
        .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    return jdbc.sql("""
            select flow, category, count(*), count(*) filter (where closed_at < :to)
            from sla_case where estate_id = :estate and opened_at >= :from and opened_at < :to
            group by flow, category order by flow, category""")
        .param("estate", estateId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
        .query((rs, n) -> {
          String flow = rs.getString(1);
          String category = rs.getString(2);
          return new CaseCount(flow, FLOW_LABELS.getOrDefault(flow, flow), category,
              categoryLabel(flow, category, orderCategories), rs.getLong(3), rs.getLong(4));
        })
        .list();
  }

  private static String categoryLabel(String flow, String category, Map<String, String> orders) {
    try {
      return switch (flow) {
        case "GRIEVANCE" -> Category.valueOf(category).label();
        case "CONSULTATION" -> TopicCategory.valueOf(category).label();
        default -> orders.getOrDefault(category, category);
      };
    } catch (IllegalArgumentException unknown) {
      return category;
    }
  }

  private long breaches(long estateId, Instant from, Instant to) {
    return jdbc.sql("""
            select count(*) from sla_ledger where event = 'BREACHED' and level = 1
              and estate_id = ? and occurred_at >= ? and occurred_at < ?""")
        .params(estateId, Timestamp.from(from), Timestamp.from(to)).query(Long.class).single();
  }

  /** 典型案例: the quarter's escalated clocks, what became of them (no resident's text or name). */
  private List<Notable> notable(long estateId, Instant from, Instant to) {
    return jdbc.sql("""
            select b.case_no, b.flow, b.clock, b.occurred_at,
              exists (select 1 from sla_ledger s where s.case_no = b.case_no and s.clock = b.clock
                and s.level = 1 and s.event = 'SUPERVISED') as supervised,
              exists (select 1 from sla_ledger r where r.case_no = b.case_no and r.clock = b.clock
                and r.level = 0 and r.event in ('MET', 'RESOLVED')) as resolved
            from sla_ledger b
            where b.event = 'BREACHED' and b.level = 1 and b.estate_id = ?
              and b.occurred_at >= ? and b.occurred_at < ?
            order by b.occurred_at, b.id limit 10""")
        .params(estateId, Timestamp.from(from), Timestamp.from(to))
        .query((rs, n) -> new Notable(rs.getString(1),
            FLOW_LABELS.getOrDefault(rs.getString(2), rs.getString(2)),
            BreachAudit.label(rs.getString(3)) + "超时，提请社区党委督办；"
                + (rs.getBoolean(5) ? "已督办" : "督办中") + "，"
                + (rs.getBoolean(6) ? "已办结" : "尚未办结"),
            rs.getTimestamp(4).toInstant()))
        .list();
  }

  private List<Topic> topics(long estateId, Instant from, Instant to) {
    return jdbc.sql("""
            select topic_no, title, category, state from consultation_topic
            where estate_id = ? and proposed_at < ? and (closed_at is null or closed_at >= ?)
              and state not in ('MERGED', 'REJECTED')
            order by proposed_at, topic_no limit 10""")
        .params(estateId, Timestamp.from(to), Timestamp.from(from))
        .query((rs, n) -> new Topic(rs.getString(1), rs.getString(2),
            TopicCategory.valueOf(rs.getString(3)).label(), TopicState.valueOf(rs.getString(4)).label()))
        .list();
  }

  private Finance finance(long estateId, EstateQuarter quarter, Instant from, Instant to) {
    java.sql.Date first = java.sql.Date.valueOf(quarter.firstDay());
    java.sql.Date last = java.sql.Date.valueOf(quarter.lastDay());
    List<FeeMonth> fees = jdbc.sql("""
            select to_char(month, 'YYYY-MM'), households_billed, households_paid, billed_fen, collected_fen
            from management_fee where estate_id = ? and month between ? and ? order by month""")
        .params(estateId, first, last)
        .query((rs, n) -> new FeeMonth(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getLong(4),
            rs.getLong(5)))
        .list();
    List<Expense> expenses = jdbc.sql("""
            select category, sum(amount_fen) from estate_expense
            where estate_id = ? and month between ? and ? group by category
            order by sum(amount_fen) desc, category""")
        .params(estateId, first, last)
        .query((rs, n) -> new Expense(rs.getString(1),
            EXPENSE_LABELS.getOrDefault(rs.getString(1), rs.getString(1)), rs.getLong(2)))
        .list();
    // The centre's fee per order, half up to the fen, as the monthly settlement computes it.
    Orders orders = jdbc.sql("""
            select count(*), coalesce(sum(paid_fen), 0),
                   coalesce(sum(round(paid_fen * fee_rate)), 0)
            from service_order where estate_id = ? and completed_at >= ? and completed_at < ?
              and paid_fen is not null""")
        .params(estateId, Timestamp.from(from), Timestamp.from(to))
        .query((rs, n) -> new Orders(rs.getLong(1), rs.getLong(2), rs.getLong(3),
            rs.getLong(2) - rs.getLong(3)))
        .single();
    long billed = fees.stream().mapToLong(FeeMonth::billedFen).sum();
    long collected = fees.stream().mapToLong(FeeMonth::collectedFen).sum();
    long spent = expenses.stream().mapToLong(Expense::amountFen).sum();
    long income = collected + orders.feeFen();
    return new Finance(fees, billed, collected, SupervisionRates.ratio(collected, billed), expenses,
        spent, orders, income, income - spent);
  }
}
