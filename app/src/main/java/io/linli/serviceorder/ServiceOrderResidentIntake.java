package io.linli.serviceorder;

import io.linli.cases.ResidentIntake;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Service orders for Open311: one service per catalogue item in use (group 便民服务), ordered through
 * {@link Orders}.
 */
@Component
class ServiceOrderResidentIntake implements ResidentIntake {

  private final Orders orders;
  private final Catalogue catalogue;

  ServiceOrderResidentIntake(Orders orders, Catalogue catalogue) {
    this.orders = orders;
    this.catalogue = catalogue;
  }

  @Override
  public String flow() {
    return ServiceOrderProcess.FLOW;
  }

  @Override
  public List<Service> services() {
    return orders.items().stream()
        .map(
            i ->
                new Service(
                    i.code(),
                    i.name(),
                    i.categoryName()
                        + "，"
                        + i.pricingLabel()
                        + (i.description() == null ? "" : "：" + i.description()),
                    "服务," + i.categoryName() + "," + i.name(),
                    "便民服务"))
        .toList();
  }

  @Override
  public boolean offers(String serviceCode) {
    return orders.isItem(serviceCode);
  }

  @Override
  public String submit(Submission s) {
    if (!OrderChannel.API.name().equals(s.channel())) {
      throw new IllegalArgumentException("unknown channel " + s.channel());
    }
    return orders.order(
        s.communityCode(),
        s.estateCode(),
        s.buildingCode(),
        s.serviceCode(),
        s.description(),
        s.contactName(),
        s.phoneE164());
  }

  @Override
  public Optional<String> serviceName(String serviceCode) {
    return catalogue.item(serviceCode).map(i -> i.fields().name());
  }

  @Override
  public String agency() {
    return "接单机构";
  }
}
