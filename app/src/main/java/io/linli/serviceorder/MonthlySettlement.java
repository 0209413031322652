package io.linli.serviceorder;

import io.linli.community.CommunityDirectory;
import io.linli.system.ApiError;
import io.linli.system.Times;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 月结 (seed 000: 维修人员每月底从上游物业结算当月维修费用，物业中心从维修费中按比例提取物业运行管理费): for a community and a month (Beijing
 * time), every order the resident confirmed in that month, by worker: what was paid, the centre's
 * management fee at the rate the order was placed with (half up to the fen, per order) and the net
 * owed to the worker. Computed from the orders alone, so the same month gives the same figures
 * every time it is run.
 */
@Service
class MonthlySettlement {

  private final JdbcClient jdbc;
  private final CommunityDirectory directory;
  private final Workers workers;

  MonthlySettlement(JdbcClient jdbc, CommunityDirectory directory, Workers workers) {
    this.jdbc = jdbc;
    this.directory = directory;
    this.workers = workers;
  }

  record Line(
      String orderNo,
      String itemCode,
      String itemName,
      Instant completedAt,
      long paidFen,
      BigDecimal feeRate,
      long feeFen,
      long netFen) {}

  record WorkerStatement(
      String workerId,
      String workerName,
      int orderCount,
      long paidFen,
      long feeFen,
      long netFen,
      List<Line> orders) {}

  /**
   * @param closed whether the month is over (a running month can still grow)
   */
  record Statement(
      String communityCode,
      String communityName,
      String month,
      Instant from,
      Instant to,
      boolean closed,
      int orderCount,
      long paidFen,
      long feeFen,
      long netFen,
      List<WorkerStatement> workers) {}

  private record Row(String workerId, Line line) {}

  @Transactional(readOnly = true)
  Statement of(String communityCode, YearMonth month) {
    String name =
        directory
            .community(communityCode)
            .map(c -> c.name())
            .orElseThrow(() -> ApiError.notFound("没有这个社区：" + communityCode));
    Instant from = month.atDay(1).atStartOfDay(Times.BEIJING).toInstant();
    Instant to = month.plusMonths(1).atDay(1).atStartOfDay(Times.BEIJING).toInstant();
    List<Row> rows =
        jdbc.sql(
                """
                select worker_id, order_no, item_code, item_name, completed_at, paid_fen, fee_rate
                from service_order
                where community_code = ? and completed_at >= ? and completed_at < ?
                  and paid_fen is not null
                order by worker_id, completed_at, order_no""")
            .params(communityCode, Timestamp.from(from), Timestamp.from(to))
            .query(
                (rs, n) -> {
                  long paid = rs.getLong(6);
                  BigDecimal rate = rs.getBigDecimal(7);
                  long fee = Money.fee(paid, rate);
                  return new Row(
                      rs.getString(1),
                      new Line(
                          rs.getString(2),
                          rs.getString(3),
                          rs.getString(4),
                          rs.getTimestamp(5).toInstant(),
                          paid,
                          rate,
                          fee,
                          paid - fee));
                })
            .list();

    Map<String, List<Line>> byWorker = new LinkedHashMap<>();
    rows.forEach(r -> byWorker.computeIfAbsent(r.workerId(), k -> new ArrayList<>()).add(r.line()));
    List<WorkerStatement> statements = new ArrayList<>();
    byWorker.forEach(
        (worker, lines) ->
            statements.add(
                new WorkerStatement(
                    worker,
                    workers.name(worker),
                    lines.size(),
                    lines.stream().mapToLong(Line::paidFen).sum(),
                    lines.stream().mapToLong(Line::feeFen).sum(),
                    lines.stream().mapToLong(Line::netFen).sum(),
                    lines)));
    return new Statement(
        communityCode,
        name,
        month.toString(),
        from,
        to,
        !Times.now().isBefore(to),
        rows.size(),
        statements.stream().mapToLong(WorkerStatement::paidFen).sum(),
        statements.stream().mapToLong(WorkerStatement::feeFen).sum(),
        statements.stream().mapToLong(WorkerStatement::netFen).sum(),
        statements);
  }
}
