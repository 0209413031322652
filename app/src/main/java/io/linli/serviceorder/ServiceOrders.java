package io.linli.serviceorder;

import io.linli.cases.CaseFiles;
import io.linli.system.Times;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The service_order table: the order, the resident's text and its money. Status, follow-up and
 * closing are mirrored into the order's case_file row in the same transaction; the resident's
 * contact lives only there, encrypted.
 */
@Repository
class ServiceOrders {

  private static final String FLOW = ServiceOrderProcess.FLOW;

  private final JdbcClient jdbc;
  private final CaseFiles files;

  ServiceOrders(JdbcClient jdbc, CaseFiles files) {
    this.jdbc = jdbc;
    this.files = files;
  }

  record NewOrder(
      String communityCode,
      Long estateId,
      Long buildingId,
      Catalogue.Item item,
      String description,
      String contactName,
      String contactPhone,
      OrderChannel channel,
      String recordedBy,
      Instant orderedAt) {}

  record Row(
      long id,
      String orderNo,
      String communityCode,
      String itemCode,
      String categoryCode,
      String itemName,
      Pricing pricing,
      long referencePriceFen,
      BigDecimal feeRate,
      String status,
      Instant orderedAt,
      Instant dispatchedAt,
      String workerId,
      Instant acceptedAt,
      Instant arrivedAt,
      String jobSize,
      Instant assessedAt,
      Long quoteFen,
      String solutionPlan,
      Instant committedFinish,
      Instant repliedAt,
      String quoteDecision,
      String declineReason,
      Instant workDoneAt,
      Long paidFen,
      Instant completedAt,
      String followUpSatisfaction,
      Instant closedAt,
      String processInstanceId,
      String rating,
      int reworkRounds,
      Instant reopenedAt) {}

  /** Inserts the order with a number drawn from the database sequence, e.g. SO-2026-000042. */
  Row insert(NewOrder o) {
    long seq = jdbc.sql("select nextval('service_order_no_seq')").query(Long.class).single();
    String orderNo =
        String.format("SO-%d-%06d", o.orderedAt().atZone(Times.BEIJING).getYear(), seq);
    Catalogue.ItemFields item = o.item().fields();
    long id =
        jdbc.sql(
                """
            insert into service_order (order_no, community_code, estate_id, building_id, item_code,
              category_code, item_name, pricing, reference_price_fen, fee_rate, description,
              channel, recorded_by, status, ordered_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DISPATCHING', ?) returning id""")
            .params(
                orderNo,
                o.communityCode(),
                o.estateId(),
                o.buildingId(),
                o.item().code(),
                o.item().categoryCode(),
                item.name(),
                item.pricing().name(),
                item.referencePriceFen(),
                item.feeRate(),
                o.description(),
                o.channel().name(),
                o.recordedBy(),
                ts(o.orderedAt()))
            .query(Long.class)
            .single();
    files.open(
        new CaseFiles.NewCase(
            FLOW,
            id,
            orderNo,
            o.communityCode(),
            o.estateId(),
            o.buildingId(),
            o.item().categoryCode(),
            o.item().code(),
            null,
            ServiceOrderStatus.DISPATCHING.name(),
            o.orderedAt(),
            o.contactName(),
            o.contactPhone(),
            null));
    return find(orderNo)
        .orElseThrow(() -> new IllegalStateException("inserted order " + orderNo + " vanished"));
  }

  Optional<Row> find(String orderNo) {
    return jdbc.sql(
            """
            select id, order_no, community_code, item_code, category_code, item_name, pricing,
                   reference_price_fen, fee_rate, status, ordered_at, dispatched_at, worker_id,
                   accepted_at, arrived_at, job_size, assessed_at, quote_fen, solution_plan,
                   committed_finish, replied_at, quote_decision, decline_reason, work_done_at,
                   paid_fen, completed_at, follow_up_satisfaction, closed_at, process_instance_id,
                   rating, rework_rounds, reopened_at
            from service_order where order_no = ?""")
        .param(orderNo)
        .query((rs, n) -> row(rs))
        .optional();
  }

  void setProcessInstance(long id, String processInstanceId) {
    update("process_instance_id = ?", id, processInstanceId);
    files.setProcessInstance(FLOW, id, processInstanceId);
  }

  void setStatus(long id, ServiceOrderStatus status) {
    update("status = ?", id, status.name());
    files.setStatus(FLOW, id, status.name());
  }

  void dispatched(long id, String team, String to, Instant at) {
    update("dispatch_team = ?, dispatched_to = ?, dispatched_at = ?", id, team, to, ts(at));
  }

  void accepted(long id, String workerId, Instant at) {
    update("worker_id = ?, accepted_at = ?", id, workerId, ts(at));
  }

  /** A 督办 may hand the job to another worker; whoever does the step is the order's worker. */
  void setWorker(long id, String workerId) {
    update("worker_id = ?", id, workerId);
  }

  void arrived(long id, Instant at) {
    update("arrived_at = ?", id, ts(at));
  }

  void assessed(long id, JobSize size, Long quoteFen, Instant at) {
    update("job_size = ?, quote_fen = ?, assessed_at = ?", id, size.name(), quoteFen, ts(at));
  }

  void planned(long id, String plan, long quoteFen, Instant committedFinish) {
    update(
        "solution_plan = ?, quote_fen = ?, committed_finish = ?",
        id,
        plan,
        quoteFen,
        ts(committedFinish));
  }

  void replied(long id, Instant at) {
    update("replied_at = ?", id, ts(at));
  }

  void decided(long id, boolean accepted, String reason, Instant at) {
    update(
        "quote_decision = ?, decline_reason = ?, decided_at = ?",
        id,
        accepted ? "ACCEPTED" : "DECLINED",
        reason,
        ts(at));
  }

  void workDone(long id, String result, Instant at) {
    update("work_result = ?, work_done_at = ?", id, result, ts(at));
  }

  void completed(long id, long paidFen, String recordedBy, Instant at) {
    update(
        "paid_fen = ?, completion_recorded_by = ?, completed_at = ?",
        id,
        paidFen,
        recordedBy,
        ts(at));
  }

  /** The resident's rating (or NONE when the window passed), mirrored into case_file. */
  void rated(long id, OrderRating rating, String comment, Instant at) {
    update("rating = ?, rating_comment = ?, rated_at = ?", id, rating.name(), comment, ts(at));
    files.setRating(FLOW, id, rating.name());
  }

  /**
   * A rework round done (after the rating's 不满意 or a reopening). The first job's result and time
   * stay as they were; the rework's result is in the case log.
   */
  void reworked(long id) {
    jdbc.sql("update service_order set rework_rounds = rework_rounds + 1 where id = ?")
        .param(id)
        .update();
  }

  /** 回访不满意: reopened for one more round, by the party group member who visited. */
  void reopened(long id, String by, Instant at) {
    update("reopened_at = ?, reopened_by = ?", id, ts(at), by);
  }

  void followedUp(long id, String satisfaction, Instant at) {
    update("follow_up_satisfaction = ?, followed_up_at = ?", id, satisfaction, ts(at));
    files.setFollowUpRating(FLOW, id, satisfaction);
  }

  void close(long id, Instant at) {
    update("status = 'CLOSED', closed_at = ?", id, ts(at));
    files.close(FLOW, id, ServiceOrderStatus.CLOSED.name(), at);
  }

  private void update(String set, long id, Object... values) {
    Object[] params = new Object[values.length + 1];
    System.arraycopy(values, 0, params, 0, values.length);
    params[values.length] = id;
    jdbc.sql("update service_order set " + set + " where id = ?").params(params).update();
  }

  private static Row row(ResultSet rs) throws SQLException {
    return new Row(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        Pricing.valueOf(rs.getString(7)),
        rs.getLong(8),
        rs.getBigDecimal(9),
        rs.getString(10),
        instant(rs, 11),
        instant(rs, 12),
        rs.getString(13),
        instant(rs, 14),
        instant(rs, 15),
        rs.getString(16),
        instant(rs, 17),
        rs.getObject(18, Long.class),
        rs.getString(19),
        instant(rs, 20),
        instant(rs, 21),
        rs.getString(22),
        rs.getString(23),
        instant(rs, 24),
        rs.getObject(25, Long.class),
        instant(rs, 26),
        rs.getString(27),
        instant(rs, 28),
        rs.getString(29),
        rs.getString(30),
        rs.getInt(31),
        instant(rs, 32));
  }

  private static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
