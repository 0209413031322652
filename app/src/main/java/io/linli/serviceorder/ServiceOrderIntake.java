package io.linli.serviceorder;

import io.linli.caselog.CaseLog;
import io.linli.community.Location;
import io.linli.community.Locations;
import io.linli.identity.Role;
import io.linli.intake.ContactRedaction;
import io.linli.notification.NotifyChannel;
import io.linli.notification.Subscriptions;
import io.linli.system.ApiError;
import io.linli.system.Times;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 群众点单: an order becomes a service_order row and a process instance in one transaction. The item's
 * name, pricing and rate are copied into the order.
 */
@Service
class ServiceOrderIntake {

  static final int SUMMARY_LENGTH = 200;

  private final Locations locations;
  private final Catalogue catalogue;
  private final ServiceOrders orders;
  private final CaseLog caseLog;
  private final RuntimeService runtime;
  private final Subscriptions subscriptions;

  ServiceOrderIntake(
      Locations locations,
      Catalogue catalogue,
      ServiceOrders orders,
      CaseLog caseLog,
      RuntimeService runtime,
      Subscriptions subscriptions) {
    this.subscriptions = subscriptions;
    this.locations = locations;
    this.catalogue = catalogue;
    this.orders = orders;
    this.caseLog = caseLog;
    this.runtime = runtime;
  }

  record Order(
      String communityCode,
      String estateCode,
      String buildingCode,
      String itemCode,
      String description,
      String contactName,
      String contactPhone,
      OrderChannel channel,
      String recordedBy,
      Set<NotifyChannel> notifyBy,
      String contactEmail) {

    /**
     * @param contactPhone E.164 (see {@link io.linli.intake.PhoneNumbers#toE164}) or null
     */
    Order {
      notifyBy = notifyBy == null ? Set.of() : Set.copyOf(notifyBy);
    }

    /** An order without notification choices (staff entry, tests). */
    Order(
        String communityCode,
        String estateCode,
        String buildingCode,
        String itemCode,
        String description,
        String contactName,
        String contactPhone,
        OrderChannel channel,
        String recordedBy) {
      this(
          communityCode,
          estateCode,
          buildingCode,
          itemCode,
          description,
          contactName,
          contactPhone,
          channel,
          recordedBy,
          Set.of(),
          null);
    }
  }

  record Receipt(String orderNo, ServiceOrderStatus status) {}

  @Transactional
  Receipt order(Order o) {
    Location location = locations.locate(o.communityCode(), o.estateCode(), o.buildingCode());
    Catalogue.Item item =
        catalogue
            .item(o.itemCode())
            .orElseThrow(() -> ApiError.invalid("itemCode", "没有这个服务项目：" + o.itemCode()));
    if (item.retired()) {
      throw ApiError.invalid("itemCode", "该服务项目已停用：" + item.fields().name());
    }
    Catalogue.Category category = catalogue.category(item.categoryCode()).orElseThrow();
    Instant now = Times.now();
    ServiceOrders.Row row =
        orders.insert(
            new ServiceOrders.NewOrder(
                o.communityCode(),
                location.estateId(),
                location.buildingId(),
                item,
                o.description(),
                o.contactName(),
                o.contactPhone(),
                o.channel(),
                o.recordedBy(),
                now));
    // Subscriptions first: the ORDERED event below already notifies on the chosen channels.
    subscriptions.subscribeChosen(
        ServiceOrderProcess.FLOW, row.orderNo(), o.notifyBy(), o.contactPhone(), o.contactEmail());

    Catalogue.ItemFields f = item.fields();
    Map<String, Object> vars = new HashMap<>();
    vars.put(ServiceOrderVariables.CASE_ID, row.id());
    vars.put(ServiceOrderVariables.CASE_NO, row.orderNo());
    vars.put(ServiceOrderVariables.COMMUNITY_CODE, o.communityCode());
    vars.put(ServiceOrderVariables.LOCATION_LABEL, location.label());
    vars.put(
        ServiceOrderVariables.SUMMARY,
        f.name() + "：" + ContactRedaction.mask(summary(o.description())));
    vars.put(ServiceOrderVariables.ORDERED_AT, Date.from(now));
    vars.put(ServiceOrderVariables.CHANNEL, o.channel().name());
    vars.put(ServiceOrderVariables.ITEM_CODE, item.code());
    vars.put(ServiceOrderVariables.ITEM_NAME, f.name());
    vars.put(ServiceOrderVariables.CATEGORY_LABEL, category.name());
    vars.put(ServiceOrderVariables.PRICING, f.pricing().name());
    vars.put(
        ServiceOrderVariables.PRICE_LABEL,
        f.pricing() == Pricing.FREE
            ? f.pricing().label()
            : f.pricing().label() + "，参考价" + Money.label(f.referencePriceFen()) + "/" + f.unit());
    // pre-fills 物业派单: the category's team is the default
    vars.put(ServiceOrderVariables.DISPATCH_MODE, DispatchTaskListener.MODE_TEAM);
    vars.put(ServiceOrderVariables.DISPATCH_TEAM, category.team().id());
    ProcessInstance pi =
        runtime.startProcessInstanceByKey(ServiceOrderProcess.KEY, row.orderNo(), vars);
    orders.setProcessInstance(row.id(), pi.getId());

    boolean staff = o.channel().staffEntered();
    caseLog.record(
        ServiceOrderProcess.FLOW,
        row.orderNo(),
        ServiceOrderEvent.ORDERED,
        staff ? Role.PROPERTY_STAFF.label() : Role.RESIDENT.label(),
        staff ? "工作人员代登记（" + o.channel().label() + "）：" + f.name() : f.name());
    return new Receipt(row.orderNo(), ServiceOrderStatus.DISPATCHING);
  }

  static String summary(String description) {
    String d = description.strip();
    if (d.codePointCount(0, d.length()) <= SUMMARY_LENGTH) return d;
    return d.substring(0, d.offsetByCodePoints(0, SUMMARY_LENGTH)) + "…";
  }
}
