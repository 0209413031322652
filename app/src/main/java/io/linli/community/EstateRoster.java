package io.linli.community;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The owner representatives (楼栋代表, seed 002's "33") of each estate, as the organisation keeps them:
 * a flow that needs the roster (the annual evaluation) asks here instead of reading the table
 * itself.
 */
@Repository
public class EstateRoster {

  private final JdbcClient jdbc;

  EstateRoster(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** User ids of the estate's active representatives, in a stable order. */
  public List<String> representatives(long estateId) {
    return jdbc.sql(
            "select user_id from building_representative where estate_id = ? and active order by user_id")
        .param(estateId)
        .query(String.class)
        .list();
  }
}
