package io.linli.serviceorder;

import static io.linli.sla.ClockSpec.Counts.HANDLING;

import io.linli.calendar.Counting;
import io.linli.caselog.CaseEventKind;
import io.linli.cases.Flow;
import io.linli.sla.ClockSpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The service-order flow as the shared mechanisms see it. The four "52022" durations are seed 001's
 * (崇川 新桥北村: 接单后5分钟到达现场、小问题20分钟解决、特殊复杂问题两天形成解决方案并在两天内给予答复); dispatch, accept, rework, the rating
 * window, follow-up and the longest commitment are Linli's defaults. Both two-day clocks run from
 * the on-site assessment that judged the job complex ({@code reply: P4D} reads "two more days after
 * the plan").
 */
@Component
public class ServiceOrderFlow implements Flow {

  static final String REWORK = "service-order.rework";
  static final String RATING_WINDOW = "service-order.rating-window";

  private final Catalogue catalogue;

  public ServiceOrderFlow(Catalogue catalogue) {
    this.catalogue = catalogue;
  }

  @Override
  public String key() {
    return ServiceOrderProcess.FLOW;
  }

  @Override
  public String caseNoPrefix() {
    return "SO";
  }

  @Override
  public String noun() {
    return "服务单";
  }

  @Override
  public String label() {
    return "服务单";
  }

  @Override
  public String apiPath() {
    return "/api/service-orders";
  }

  @Override
  public List<ClockSpec> clocks() {
    return List.of(
        ClockSpec.of(
            "SERVICE_ORDER_DISPATCH",
            "物业派单时限",
            "service-order.dispatch",
            Duration.ofMinutes(30),
            HANDLING),
        ClockSpec.of(
            "SERVICE_ORDER_ACCEPT",
            "接单时限",
            "service-order.accept",
            Duration.ofMinutes(30),
            HANDLING),
        ClockSpec.of(
            "SERVICE_ORDER_ARRIVE",
            "接单后到场时限",
            "service-order.arrive",
            Duration.ofMinutes(5),
            HANDLING),
        ClockSpec.of(
            "SERVICE_ORDER_SMALL_FIX",
            "小问题解决时限",
            "service-order.small-fix",
            Duration.ofMinutes(20),
            HANDLING),
        ClockSpec.of(
            "SERVICE_ORDER_PLAN", "复杂问题解决方案时限", "service-order.plan", Duration.ofDays(2), HANDLING),
        ClockSpec.of(
            "SERVICE_ORDER_REPLY",
            "复杂问题答复居民时限",
            "service-order.reply",
            Duration.ofDays(2),
            HANDLING),
        ClockSpec.committed("SERVICE_ORDER_COMMITTED", "方案承诺完工时限", HANDLING),
        ClockSpec.of("SERVICE_ORDER_REWORK", "返工处置时限", REWORK, Duration.ofHours(24), HANDLING),
        ClockSpec.internal(
            "SERVICE_ORDER_FOLLOW_UP",
            "服务单党小组回访时限",
            "service-order.follow-up",
            Duration.ofDays(3)));
  }

  @Override
  public Map<String, Duration> settings() {
    return Map.of(
        "service-order.max-commitment", Duration.ofDays(30), RATING_WINDOW, Duration.ofDays(7));
  }

  /**
   * "52022": the 5 and 20 minutes run round the clock; the two "2 days" are an office's days and
   * count working days, as does the follow-up.
   */
  @Override
  public Map<String, Counting> counting() {
    return Map.of(
        "service-order.plan",
        Counting.WORKING_DAYS,
        "service-order.reply",
        Counting.WORKING_DAYS,
        "service-order.follow-up",
        Counting.WORKING_DAYS);
  }

  @Override
  public List<? extends CaseEventKind> events() {
    return Arrays.asList(ServiceOrderEvent.values());
  }

  @Override
  public Map<String, String> statusLabels() {
    Map<String, String> m = new LinkedHashMap<>();
    for (ServiceOrderStatus s : ServiceOrderStatus.values()) m.put(s.name(), s.label());
    return m;
  }

  /** The catalogue's categories, read when asked: the catalogue is data. */
  @Override
  public Map<String, String> categories() {
    Map<String, String> m = new LinkedHashMap<>();
    for (Catalogue.Category c : catalogue.categories()) m.put(c.code(), c.name());
    return m;
  }

  @Override
  public List<String> anonymousEndpoints() {
    // the resident's decisions carry the order's watch token (checked per case)
    return List.of(
        "POST /api/service-orders",
        "POST /api/service-orders/*/track",
        "POST /api/service-orders/*/quote-decision",
        "POST /api/service-orders/*/completion",
        "POST /api/service-orders/*/evaluation",
        "GET /api/service-catalogue");
  }
}
