package io.linli.serviceorder;

import io.linli.cases.CaseTracking;
import io.linli.cases.Flows;
import io.linli.intake.IdempotentIntake;
import io.linli.intake.PhoneNumbers;
import io.linli.intake.ProofAttempt;
import io.linli.intake.WatchTokens;
import io.linli.notification.NotifyChannel;
import io.linli.system.TextInput;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The service order API: order, follow, check in on site, decide the quote, confirm and pay. */
@RestController
@RequestMapping("/api/service-orders")
class ServiceOrderController {

  private final ServiceOrderIntake intake;
  private final ServiceOrderStatusView statusView;
  private final OnSiteCheckIn checkIn;
  private final ResidentDecisions decisions;
  private final ServiceOrders orders;
  private final IdempotentIntake idempotency;
  private final WatchTokens tokens;
  private final CaseTracking tracking;
  private final Flows flows;
  private final OrderRatings ratings;
  private final OrderRecorder recorder;

  ServiceOrderController(
      ServiceOrderIntake intake,
      ServiceOrderStatusView statusView,
      OnSiteCheckIn checkIn,
      ResidentDecisions decisions,
      ServiceOrders orders,
      IdempotentIntake idempotency,
      WatchTokens tokens,
      CaseTracking tracking,
      Flows flows,
      OrderRatings ratings,
      OrderRecorder recorder) {
    this.ratings = ratings;
    this.recorder = recorder;
    this.orders = orders;
    this.idempotency = idempotency;
    this.tokens = tokens;
    this.tracking = tracking;
    this.flows = flows;
    this.intake = intake;
    this.statusView = statusView;
    this.checkIn = checkIn;
    this.decisions = decisions;
  }

  /**
   * @param channel MINI_PROGRAM, WEB or API from residents; WECHAT_GROUP, PHONE and WALK_IN are
   *     refused here (staff enter those at {@code POST /api/staff/service-orders}, which records
   *     them from their login)
   * @param recordedBy refused when given: kept only so that old clients learn why
   */
  record OrderRequest(
      @NotBlank(message = "请选择社区") @Size(max = 32) String communityCode,
      @Size(max = 32) String estateCode,
      @Size(max = 32) String buildingCode,
      @NotBlank(message = "请选择服务项目") @Size(max = 32) String itemCode,
      @NotBlank(message = "请描述需求") @Size(max = 2000, message = "需求描述不能超过2000字") String description,
      @Size(max = 50, message = "联系人不能超过50字") String contactName,
      @Size(max = 40, message = "手机号码过长") String contactPhone,
      OrderChannel channel,
      @Size(max = 64) String recordedBy,
      Set<NotifyChannel> notifyBy,
      @Email(message = "请填写有效的电子邮箱") @Size(max = 254) String contactEmail) {

    /** 微信群、电话、窗口 orders are staff's, through the staff door, which records them from the login. */
    @AssertTrue(message = "微信群、电话、窗口代登记请工作人员登录后通过 /api/staff/service-orders 登记")
    boolean isResidentChannel() {
      return channel == null || !channel.staffEntered();
    }

    /** Who recorded an order comes from a staff login, never from a request body. */
    @AssertTrue(message = "登记人按工作人员的登录身份记录，不能在请求中填写")
    boolean isRecordedByAbsent() {
      return recordedBy == null || recordedBy.isBlank();
    }

    /** NFC text, unsafe characters refused, the phone as E.164: the Idempotency-Key fingerprint. */
    OrderRequest cleaned() {
      return new OrderRequest(
          TextInput.clean("communityCode", communityCode),
          TextInput.clean("estateCode", estateCode),
          TextInput.clean("buildingCode", buildingCode),
          TextInput.clean("itemCode", itemCode),
          TextInput.clean("description", description),
          TextInput.clean("contactName", contactName),
          PhoneNumbers.toE164("contactPhone", TextInput.clean("contactPhone", contactPhone)),
          channel,
          TextInput.clean("recordedBy", recordedBy),
          notifyBy == null || notifyBy.isEmpty() ? null : EnumSet.copyOf(notifyBy),
          TextInput.clean("contactEmail", contactEmail));
    }
  }

  /**
   * @param watchToken opens the order's live updates and the resident's decisions on it
   */
  record OrderResponse(
      String orderNo, String status, String statusLabel, String statusUrl, String watchToken) {}

  /**
   * 群众点单. With an {@code Idempotency-Key} header a retried or concurrent duplicate order gets the
   * first answer (and {@code Idempotent-Replayed: true}), never a second order.
   */
  @PostMapping
  ResponseEntity<String> order(
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @Valid @RequestBody OrderRequest request) {
    OrderRequest r = request.cleaned();
    return idempotency.created(
        "service-order",
        idempotencyKey,
        r,
        () -> {
          ServiceOrderIntake.Receipt receipt =
              intake.order(
                  new ServiceOrderIntake.Order(
                      r.communityCode(),
                      r.estateCode(),
                      r.buildingCode(),
                      r.itemCode(),
                      r.description(),
                      r.contactName(),
                      r.contactPhone(),
                      r.channel() == null ? OrderChannel.API : r.channel(),
                      null,
                      r.notifyBy(),
                      r.contactEmail()));
          return new OrderResponse(
              receipt.orderNo(),
              receipt.status().name(),
              receipt.status().label(),
              "/api/service-orders/" + receipt.orderNo(),
              tokens.issue(receipt.orderNo()));
        });
  }

  record TrackRequest(@NotBlank(message = "请填写下单时留的手机号码") @Size(max = 40) String phone) {}

  /**
   * @param watchToken opens the live updates and lets the resident decide the quote and confirm
   */
  record Tracked(ServiceOrderStatusView.Status status, String watchToken, String eventsUrl) {}

  /** 查询进度: order number + the phone given when ordering; 404 unless the phone matches. */
  @ProofAttempt // a phone guessed per case number: the tighter anonymous limit
  @PostMapping("/{orderNo}/track")
  Tracked track(@PathVariable String orderNo, @Valid @RequestBody TrackRequest r) {
    var flow = flows.get(ServiceOrderProcess.FLOW);
    String token =
        tracking.track(flow, orderNo, TextInput.clean("phone", r.phone()), "服务单编号与手机号码不匹配");
    return new Tracked(
        statusView.of(orderNo, true), token, CaseTracking.eventsUrl(flow, orderNo, token));
  }

  @GetMapping("/{orderNo}")
  ServiceOrderStatusView.Status status(@PathVariable String orderNo) {
    return statusView.of(orderNo);
  }

  record CheckInRequest(@NotBlank(message = "请填写接单人") @Size(max = 64) String workerId) {}

  @PostMapping("/{orderNo}/check-in")
  ServiceOrderStatusView.Status checkIn(
      @PathVariable String orderNo, @Valid @RequestBody CheckInRequest r) {
    checkIn.checkIn(orderNo, r.workerId());
    return statusView.of(orderNo);
  }

  /**
   * @param recordedBy refused when given: when the centre records the resident's answer for them,
   *     the staff member is their login ({@link OrderRecorder})
   */
  record QuoteDecisionRequest(
      @NotNull(message = "请选择是否接受报价") Boolean accept,
      @Size(max = 500, message = "原因不能超过500字") String reason,
      @Size(max = 64) String recordedBy) {

    @AssertTrue(message = "代居民确认的工作人员按登录身份记录，不能在请求中填写")
    boolean isRecordedByAbsent() {
      return recordedBy == null || recordedBy.isBlank();
    }
  }

  /** The resident (watch token), or their community's staff on their behalf (login). */
  @PostMapping("/{orderNo}/quote-decision")
  ServiceOrderStatusView.Status decideQuote(
      @PathVariable String orderNo,
      @RequestHeader(name = OrderRecorder.USER_HEADER, required = false) String user,
      @Valid @RequestBody QuoteDecisionRequest r) {
    decisions.decideQuote(
        orderNo, r.accept(), TextInput.clean("reason", r.reason()), recorder(orderNo, user));
    return statusView.of(orderNo);
  }

  /**
   * @param paidFen what the resident paid, in fen (0 for volunteer items)
   * @param recordedBy refused when given, as for the quote decision
   */
  record CompletionRequest(
      @NotNull(message = "请填写实付金额（分）")
          @PositiveOrZero(message = "实付金额不能为负数")
          @Max(value = Money.MAX_FEN, message = "实付金额超出上限")
          Long paidFen,
      @Size(max = 64) String recordedBy) {

    @AssertTrue(message = "代居民确认的工作人员按登录身份记录，不能在请求中填写")
    boolean isRecordedByAbsent() {
      return recordedBy == null || recordedBy.isBlank();
    }
  }

  @PostMapping("/{orderNo}/completion")
  ServiceOrderStatusView.Status confirm(
      @PathVariable String orderNo,
      @RequestHeader(name = OrderRecorder.USER_HEADER, required = false) String user,
      @Valid @RequestBody CompletionRequest r) {
    decisions.confirmCompletion(orderNo, r.paidFen(), recorder(orderNo, user));
    return statusView.of(orderNo);
  }

  /** The community's staff member of the login, or null: the resident acts themself. */
  private OrderRecorder.Recorder recorder(String orderNo, String user) {
    return orders.find(orderNo).flatMap(o -> recorder.of(o.communityCode(), user)).orElse(null);
  }

  record EvaluationRequest(
      @NotNull(message = "请选择评价") OrderRating rating,
      @Size(max = 500, message = "评价意见不能超过500字") String comment) {}

  record EvaluationResponse(String orderNo, String rating, boolean reworkRequired) {}

  /** 评价 after the resident confirmed the job done: the first 不满意 sends it back for one rework. */
  @PostMapping("/{orderNo}/evaluation")
  EvaluationResponse evaluate(
      @PathVariable String orderNo, @Valid @RequestBody EvaluationRequest r) {
    boolean rework = ratings.rate(orderNo, r.rating(), TextInput.clean("comment", r.comment()));
    return new EvaluationResponse(orderNo, r.rating().name(), rework);
  }
}
