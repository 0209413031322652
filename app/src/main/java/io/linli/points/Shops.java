package io.linli.points;

import io.linli.system.ApiError;
import io.linli.system.Times;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * 爱心商铺: partner shops a community registers, each with the realm user that signs in for it and a
 * ledger account that receives the points it redeems. One user serves one shop.
 */
@Repository
class Shops {

  record Shop(
      long id, String communityCode, String name, String address, String userId, long account) {}

  private final JdbcClient jdbc;
  private final Ledger ledger;

  Shops(JdbcClient jdbc, Ledger ledger) {
    this.jdbc = jdbc;
    this.ledger = ledger;
  }

  @Transactional
  Shop register(String community, String name, String address, String userId, String by) {
    if (byUser(userId).isPresent()) throw ApiError.conflict("该账号已登记为爱心商铺：" + userId);
    long account = ledger.account("SHOP", "user:" + userId, community);
    try {
      long id =
          jdbc.sql(
                  """
              insert into points_shop (community_code, name, address, user_id, account_id,
                registered_at, registered_by)
              values (?, ?, ?, ?, ?, ?, ?) returning id""")
              .params(community, name, address, userId, account, Timestamp.from(Times.now()), by)
              .query(Long.class)
              .single();
      return new Shop(id, community, name, address, userId, account);
    } catch (DuplicateKeyException e) {
      throw ApiError.conflict("该账号已登记为爱心商铺：" + userId);
    }
  }

  Optional<Shop> byUser(String userId) {
    return jdbc.sql(SELECT + " where user_id = ?").param(userId).query(Shops::row).optional();
  }

  List<Shop> of(String community) {
    return jdbc.sql(SELECT + " where community_code = ? order by id")
        .param(community)
        .query(Shops::row)
        .list();
  }

  private static final String SELECT =
      "select id, community_code, name, address, user_id, account_id from points_shop";

  private static Shop row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Shop(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getLong(6));
  }
}
