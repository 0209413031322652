package io.linli.consultation;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The building representatives (楼栋代表) of each estate. */
@Repository
class Representatives {

  private final JdbcClient jdbc;

  Representatives(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** User ids of the estate's active representatives, in a stable order. */
  List<String> activeOf(long estateId) {
    return jdbc.sql(
            "select user_id from building_representative where estate_id = ? and active order by user_id")
        .param(estateId)
        .query(String.class)
        .list();
  }
}
