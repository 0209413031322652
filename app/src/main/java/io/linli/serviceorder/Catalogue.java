package io.linli.serviceorder;

import io.linli.identity.ContractorTeam;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The service catalogue: service_category, service_item and its revisions. */
@Repository
class Catalogue {

  private static final String ITEM_COLUMNS =
      """
      id, code, category_code, name, pricing, reference_price_fen, unit, fee_rate, description,
      created_at, retired_at""";

  private final JdbcClient jdbc;

  Catalogue(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Category(String code, String name, ContractorTeam team) {}

  /** What staff may set on an item. */
  record ItemFields(
      String name,
      Pricing pricing,
      long referencePriceFen,
      String unit,
      BigDecimal feeRate,
      String description) {}

  record Item(
      long id,
      String code,
      String categoryCode,
      ItemFields fields,
      Instant createdAt,
      Instant retiredAt) {

    boolean retired() {
      return retiredAt != null;
    }
  }

  record Revision(
      int revision,
      String change,
      ItemFields fields,
      String note,
      String changedBy,
      Instant changedAt) {}

  List<Category> categories() {
    return jdbc.sql("select code, name, team from service_category order by sort_order")
        .query((rs, n) -> category(rs))
        .list();
  }

  /** The category, locked until the transaction ends (new items are numbered under this lock). */
  Optional<Category> lockCategory(String code) {
    return jdbc.sql("select code, name, team from service_category where code = ? for update")
        .param(code)
        .query((rs, n) -> category(rs))
        .optional();
  }

  Optional<Category> category(String code) {
    return jdbc.sql("select code, name, team from service_category where code = ?")
        .param(code)
        .query((rs, n) -> category(rs))
        .optional();
  }

  List<Item> items(boolean includeRetired) {
    return jdbc.sql(
            "select "
                + ITEM_COLUMNS
                + " from service_item"
                + (includeRetired ? "" : " where retired_at is null")
                + " order by category_code, code")
        .query((rs, n) -> item(rs))
        .list();
  }

  Optional<Item> item(String code) {
    return jdbc.sql("select " + ITEM_COLUMNS + " from service_item where code = ?")
        .param(code)
        .query((rs, n) -> item(rs))
        .optional();
  }

  Optional<Item> lockItem(String code) {
    return jdbc.sql("select " + ITEM_COLUMNS + " from service_item where code = ? for update")
        .param(code)
        .query((rs, n) -> item(rs))
        .optional();
  }

  int itemCount(String categoryCode) {
    return jdbc.sql("select count(*) from service_item where category_code = ?")
        .param(categoryCode)
        .query(Integer.class)
        .single();
  }

  boolean activeNameTaken(String categoryCode, String name, String exceptCode) {
    return jdbc.sql(
                """
            select count(*) from service_item
            where category_code = ? and name = ? and retired_at is null and code <> ?""")
            .params(categoryCode, name, exceptCode)
            .query(Integer.class)
            .single()
        > 0;
  }

  void insert(String code, String categoryCode, ItemFields f, String by, Instant at) {
    jdbc.sql(
            """
            insert into service_item (code, category_code, name, pricing, reference_price_fen, unit,
              fee_rate, description, created_by, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            code,
            categoryCode,
            f.name(),
            f.pricing().name(),
            f.referencePriceFen(),
            f.unit(),
            f.feeRate(),
            f.description(),
            by,
            Timestamp.from(at))
        .update();
  }

  void update(String code, ItemFields f) {
    jdbc.sql(
            """
            update service_item set name = ?, pricing = ?, reference_price_fen = ?, unit = ?,
              fee_rate = ?, description = ?
            where code = ?""")
        .params(
            f.name(),
            f.pricing().name(),
            f.referencePriceFen(),
            f.unit(),
            f.feeRate(),
            f.description(),
            code)
        .update();
  }

  void retire(String code, Instant at) {
    jdbc.sql("update service_item set retired_at = ? where code = ?")
        .params(Timestamp.from(at), code)
        .update();
  }

  void addRevision(String code, String change, ItemFields f, String note, String by, Instant at) {
    jdbc.sql(
            """
            insert into service_item_revision (item_code, revision, change, name, pricing,
              reference_price_fen, unit, fee_rate, note, changed_by, changed_at)
            values (?, (select coalesce(max(revision), 0) + 1 from service_item_revision
                        where item_code = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            code,
            code,
            change,
            f.name(),
            f.pricing().name(),
            f.referencePriceFen(),
            f.unit(),
            f.feeRate(),
            note,
            by,
            Timestamp.from(at))
        .update();
  }

  List<Revision> revisions(String code) {
    return jdbc.sql(
            """
            select revision, change, name, pricing, reference_price_fen, unit, fee_rate, note,
                   changed_by, changed_at
            from service_item_revision where item_code = ? order by revision""")
        .param(code)
        .query(
            (rs, n) ->
                new Revision(
                    rs.getInt(1),
                    rs.getString(2),
                    new ItemFields(
                        rs.getString(3),
                        Pricing.valueOf(rs.getString(4)),
                        rs.getLong(5),
                        rs.getString(6),
                        rs.getBigDecimal(7),
                        null),
                    rs.getString(8),
                    rs.getString(9),
                    rs.getTimestamp(10).toInstant()))
        .list();
  }

  private static Category category(ResultSet rs) throws SQLException {
    return new Category(rs.getString(1), rs.getString(2), ContractorTeam.ofId(rs.getString(3)));
  }

  private static Item item(ResultSet rs) throws SQLException {
    Timestamp retired = rs.getTimestamp(11);
    return new Item(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        new ItemFields(
            rs.getString(4),
            Pricing.valueOf(rs.getString(5)),
            rs.getLong(6),
            rs.getString(7),
            rs.getBigDecimal(8),
            rs.getString(9)),
        rs.getTimestamp(10).toInstant(),
        retired == null ? null : retired.toInstant());
  }
}
