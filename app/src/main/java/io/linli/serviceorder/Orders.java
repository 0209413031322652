package io.linli.serviceorder;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service-order flow's catalogue and ordering as its Open311 adapter ({@link
 * ServiceOrderResidentIntake}) uses them. Reading a case goes through the case layer.
 */
@Service
public class Orders {

  private final ServiceOrderIntake intake;
  private final Catalogue catalogue;

  Orders(ServiceOrderIntake intake, Catalogue catalogue) {
    this.intake = intake;
    this.catalogue = catalogue;
  }

  /** A catalogue item residents can order. */
  public record Item(
      String code, String name, String categoryName, String pricingLabel, String description) {}

  @Transactional(readOnly = true)
  public List<Item> items() {
    var categories = catalogue.categories();
    return catalogue.items(false).stream()
        .map(
            i ->
                new Item(
                    i.code(),
                    i.fields().name(),
                    categories.stream()
                        .filter(c -> c.code().equals(i.categoryCode()))
                        .map(Catalogue.Category::name)
                        .findFirst()
                        .orElse(""),
                    i.fields().pricing().label(),
                    i.fields().description()))
        .toList();
  }

  public boolean isItem(String code) {
    return catalogue.item(code).isPresent();
  }

  /**
   * Places an order (text already cleaned, phone E.164 or null); 400 naming {@code itemCode} for an
   * unknown or retired item.
   *
   * @return the order number
   */
  @Transactional
  public String order(
      String communityCode,
      String estateCode,
      String buildingCode,
      String itemCode,
      String description,
      String contactName,
      String phoneE164) {
    return intake
        .order(
            new ServiceOrderIntake.Order(
                communityCode,
                estateCode,
                buildingCode,
                itemCode,
                description,
                contactName,
                phoneE164,
                OrderChannel.API,
                null))
        .orderNo();
  }
}
