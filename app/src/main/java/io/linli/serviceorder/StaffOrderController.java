package io.linli.serviceorder;

import io.linli.intake.IdempotentIntake;
import io.linli.intake.PhoneNumbers;
import io.linli.intake.WatchTokens;
import io.linli.notification.NotifyChannel;
import io.linli.system.ApiError;
import io.linli.system.TextInput;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * 代登记: {@code POST /api/staff/service-orders} — the community's staff enter an order a resident
 * gave them in the community WeChat group, by phone or at the window. The staff member is the API
 * login ({@link OrderRecorder}), stored as the order's {@code recorded_by}; a {@code recordedBy} in
 * the body is refused. Anyone who is not staff of the chosen community: 403.
 */
@RestController
class StaffOrderController {

  record StaffOrderRequest(
      @NotBlank(message = "请选择社区") @Size(max = 32) String communityCode,
      @Size(max = 32) String estateCode,
      @Size(max = 32) String buildingCode,
      @NotBlank(message = "请选择服务项目") @Size(max = 32) String itemCode,
      @NotBlank(message = "请描述需求") @Size(max = 2000, message = "需求描述不能超过2000字") String description,
      @Size(max = 50, message = "联系人不能超过50字") String contactName,
      @Size(max = 40, message = "手机号码过长") String contactPhone,
      @NotNull(message = "请选择受理渠道：社区微信群、电话或窗口") OrderChannel channel,
      @Size(max = 64) String recordedBy,
      Set<NotifyChannel> notifyBy,
      @Email(message = "请填写有效的电子邮箱") @Size(max = 254) String contactEmail) {

    @AssertTrue(message = "工作人员代登记的渠道为社区微信群、电话或窗口")
    boolean isStaffChannel() {
      return channel == null || channel.staffEntered();
    }

    @AssertTrue(message = "登记人按工作人员的登录身份记录，不能在请求中填写")
    boolean isRecordedByAbsent() {
      return recordedBy == null || recordedBy.isBlank();
    }

    StaffOrderRequest cleaned() {
      return new StaffOrderRequest(
          TextInput.clean("communityCode", communityCode),
          TextInput.clean("estateCode", estateCode),
          TextInput.clean("buildingCode", buildingCode),
          TextInput.clean("itemCode", itemCode),
          TextInput.clean("description", description),
          TextInput.clean("contactName", contactName),
          PhoneNumbers.toE164("contactPhone", TextInput.clean("contactPhone", contactPhone)),
          channel,
          null,
          notifyBy == null || notifyBy.isEmpty() ? null : EnumSet.copyOf(notifyBy),
          TextInput.clean("contactEmail", contactEmail));
    }
  }

  private final ServiceOrderIntake intake;
  private final IdempotentIntake idempotency;
  private final WatchTokens tokens;
  private final OrderRecorder recorder;

  StaffOrderController(
      ServiceOrderIntake intake,
      IdempotentIntake idempotency,
      WatchTokens tokens,
      OrderRecorder recorder) {
    this.intake = intake;
    this.idempotency = idempotency;
    this.tokens = tokens;
    this.recorder = recorder;
  }

  /**
   * With an {@code Idempotency-Key} a retried entry gets the first answer, never a second order.
   */
  @PostMapping("/api/staff/service-orders")
  ResponseEntity<String> enter(
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @RequestHeader(name = OrderRecorder.USER_HEADER, required = false) String user,
      @Valid @RequestBody StaffOrderRequest request) {
    StaffOrderRequest r = request.cleaned();
    OrderRecorder.Recorder staff =
        recorder
            .of(r.communityCode(), user)
            .orElseThrow(
                () -> ApiError.forbidden("只有社区 " + r.communityCode() + " 的工作人员可以代居民登记服务单"));
    return idempotency.created(
        "service-order-staff",
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
                      r.channel(),
                      staff.userId(),
                      r.notifyBy(),
                      r.contactEmail()));
          return new ServiceOrderController.OrderResponse(
              receipt.orderNo(),
              receipt.status().name(),
              receipt.status().label(),
              "/api/service-orders/" + receipt.orderNo(),
              tokens.issue(receipt.orderNo()));
        });
  }
}
