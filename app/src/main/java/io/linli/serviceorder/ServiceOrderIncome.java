package io.linli.serviceorder;

import io.linli.supervision.EstateIncome;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** 双晒's service-order payments: orders completed in the period with a payment. */
@Component
class ServiceOrderIncome implements EstateIncome {

  private final JdbcClient jdbc;

  ServiceOrderIncome(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String label() {
    return "服务单";
  }

  /** The centre's fee per order, half up to the fen, as the monthly settlement computes it. */
  @Override
  public Income of(long estateId, Instant from, Instant to) {
    return jdbc.sql(
            """
            select count(*), coalesce(sum(paid_fen), 0),
                   coalesce(sum(round(paid_fen * fee_rate)), 0)
            from service_order where estate_id = ? and completed_at >= ? and completed_at < ?
              and paid_fen is not null""")
        .params(estateId, Timestamp.from(from), Timestamp.from(to))
        .query((rs, n) -> new Income(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
        .single();
  }
}
