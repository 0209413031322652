package io.linli.serviceorder;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
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

  ServiceOrderController(
      ServiceOrderIntake intake, ServiceOrderStatusView statusView, OnSiteCheckIn checkIn,
      ResidentDecisions decisions) {
    this.intake = intake;
    this.statusView = statusView;
    this.checkIn = checkIn;
    this.decisions = decisions;
  }

  /**
   * @param channel MINI_PROGRAM, WEB or API from residents; WECHAT_GROUP, PHONE or WALK_IN when the
   *     centre enters it on a resident's behalf, with {@code recordedBy} naming the staff member
   */
  record OrderRequest(
      @NotBlank(message = "请选择社区") @Size(max = 32) String communityCode,
      @Size(max = 32) String estateCode,
      @Size(max = 32) String buildingCode,
      @NotBlank(message = "请选择服务项目") @Size(max = 32) String itemCode,
      @NotBlank(message = "请描述需求") @Size(max = 2000, message = "需求描述不能超过2000字") String description,
      @Size(max = 50, message = "联系人不能超过50字") String contactName,
      @Pattern(regexp = "1[3-9]\\d{9}", message = "请填写11位手机号码") String contactPhone,
      OrderChannel channel,
      @Size(max = 64) String recordedBy) {

    @AssertTrue(message = "工作人员代登记（微信群、电话、窗口）须填写登记人")
    boolean isRecordedByGivenForStaffChannels() {
      return channel == null || !channel.staffEntered() || (recordedBy != null && !recordedBy.isBlank());
    }
  }

  record OrderResponse(String orderNo, String status, String statusLabel, String statusUrl) {}

  @PostMapping
  ResponseEntity<OrderResponse> order(@Valid @RequestBody OrderRequest r) {
    ServiceOrderIntake.Receipt receipt =
        intake.order(new ServiceOrderIntake.Order(
            r.communityCode(), r.estateCode(), r.buildingCode(), r.itemCode(), r.description(),
            r.contactName(), r.contactPhone(), r.channel() == null ? OrderChannel.API : r.channel(),
            r.recordedBy()));
    URI url = URI.create("/api/service-orders/" + receipt.orderNo());
    return ResponseEntity.created(url)
        .body(new OrderResponse(receipt.orderNo(), receipt.status().name(),
            receipt.status().label(), url.toString()));
  }

  @GetMapping("/{orderNo}")
  ServiceOrderStatusView.Status status(@PathVariable String orderNo) {
    return statusView.of(orderNo);
  }

  record CheckInRequest(@NotBlank(message = "请填写接单人") @Size(max = 64) String workerId) {}

  @PostMapping("/{orderNo}/check-in")
  ServiceOrderStatusView.Status checkIn(@PathVariable String orderNo, @Valid @RequestBody CheckInRequest r) {
    checkIn.checkIn(orderNo, r.workerId());
    return statusView.of(orderNo);
  }

  /** @param recordedBy set when the centre records the resident's answer for them */
  record QuoteDecisionRequest(
      @NotNull(message = "请选择是否接受报价") Boolean accept,
      @Size(max = 500, message = "原因不能超过500字") String reason,
      @Size(max = 64) String recordedBy) {}

  @PostMapping("/{orderNo}/quote-decision")
  ServiceOrderStatusView.Status decideQuote(
      @PathVariable String orderNo, @Valid @RequestBody QuoteDecisionRequest r) {
    decisions.decideQuote(orderNo, r.accept(), r.reason(), r.recordedBy());
    return statusView.of(orderNo);
  }

  /** @param paidFen what the resident paid, in fen (0 for volunteer items) */
  record CompletionRequest(
      @NotNull(message = "请填写实付金额（分）") @PositiveOrZero(message = "实付金额不能为负数")
          @Max(value = Money.MAX_FEN, message = "实付金额超出上限") Long paidFen,
      @Size(max = 64) String recordedBy) {}

  @PostMapping("/{orderNo}/completion")
  ServiceOrderStatusView.Status confirm(
      @PathVariable String orderNo, @Valid @RequestBody CompletionRequest r) {
    decisions.confirmCompletion(orderNo, r.paidFen(), r.recordedBy());
    return statusView.of(orderNo);
  }
}
