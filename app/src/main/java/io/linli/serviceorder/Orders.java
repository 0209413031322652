package io.linli.serviceorder;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service-order flow as other features (Open311) see it: the catalogue, placing an order,
 * reading what a resident may read of one. No personal data leaves through here.
 */
@Service
public class Orders {

  private final ServiceOrderIntake intake;
  private final ServiceOrderStatusView statusView;
  private final Catalogue catalogue;
  private final JdbcClient jdbc;

  Orders(ServiceOrderIntake intake, ServiceOrderStatusView statusView, Catalogue catalogue,
      JdbcClient jdbc) {
    this.intake = intake;
    this.statusView = statusView;
    this.catalogue = catalogue;
    this.jdbc = jdbc;
  }

  /** A catalogue item residents can order. */
  public record Item(String code, String name, String categoryName, String pricingLabel,
      String description) {}

  /** One deadline: clock label, due time, OPEN / MET / BREACHED / STOPPED. */
  public record Deadline(String label, Instant dueAt, String state) {}

  public record Summary(
      String orderNo, String communityCode, String itemCode, String itemName, String status,
      String statusLabel, Instant orderedAt, Instant updatedAt, String locationLabel,
      List<Deadline> deadlines) {

    public boolean closed() {
      return ServiceOrderStatus.CLOSED.name().equals(status)
          || ServiceOrderStatus.DECLINED.name().equals(status);
    }
  }

  @Transactional(readOnly = true)
  public List<Item> items() {
    var categories = catalogue.categories();
    return catalogue.items(false).stream()
        .map(i -> new Item(i.code(), i.fields().name(),
            categories.stream().filter(c -> c.code().equals(i.categoryCode())).map(Catalogue.Category::name)
                .findFirst().orElse(""),
            i.fields().pricing().label(), i.fields().description()))
        .toList();
  }

  public boolean isItem(String code) {
    return catalogue.item(code).isPresent();
  }

  /**
   * Places an order (text already cleaned, phone E.164 or null); 400 naming {@code itemCode} for
   * an unknown or retired item.
   *
   * @return the order number
   */
  @Transactional
  public String order(String communityCode, String estateCode, String buildingCode, String itemCode,
      String description, String contactName, String phoneE164) {
    return intake.order(new ServiceOrderIntake.Order(communityCode, estateCode, buildingCode,
        itemCode, description, contactName, phoneE164, OrderChannel.API, null)).orderNo();
  }

  @Transactional(readOnly = true)
  public Optional<Summary> summary(String orderNo) {
    record Extra(String community, String estate, String building) {}
    Optional<Extra> extra = jdbc.sql("""
            select o.community_code, e.name, b.name from service_order o
            left join estate e on e.id = o.estate_id left join building b on b.id = o.building_id
            where o.order_no = ?""")
        .param(orderNo)
        .query((rs, n) -> new Extra(rs.getString(1), rs.getString(2), rs.getString(3)))
        .optional();
    if (extra.isEmpty()) return Optional.empty();
    ServiceOrderStatusView.Status s = statusView.of(orderNo);
    Instant updated = s.history().isEmpty() ? s.orderedAt()
        : s.history().get(s.history().size() - 1).at();
    Extra x = extra.get();
    String location = x.estate() == null ? null : x.estate() + (x.building() == null ? "" : x.building());
    return Optional.of(new Summary(s.orderNo(), x.community(), s.itemCode(), s.itemName(),
        s.status(), s.statusLabel(), s.orderedAt(), updated, location,
        s.deadlines().stream().map(d -> new Deadline(d.label(), d.dueAt(), d.state())).toList()));
  }

  /** Order numbers of a community ordered in [from, to), newest first. */
  @Transactional(readOnly = true)
  public List<String> orderNos(String communityCode, Instant from, Instant to, int limit) {
    return jdbc.sql("""
            select order_no from service_order
            where community_code = ? and ordered_at >= ? and ordered_at < ?
            order by ordered_at desc, id desc limit ?""")
        .params(communityCode, Timestamp.from(from), Timestamp.from(to), limit)
        .query(String.class).list();
  }
}
