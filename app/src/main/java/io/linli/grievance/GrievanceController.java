package io.linli.grievance;

import io.linli.intake.IdempotentIntake;
import io.linli.intake.PhoneNumbers;
import io.linli.intake.ProofAttempt;
import io.linli.intake.QrRateLimit;
import io.linli.intake.WatchTokens;
import io.linli.notification.NotifyChannel;
import io.linli.system.TextInput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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

/** The grievance API: report, follow, rate. */
@RestController
@RequestMapping("/api/grievances")
class GrievanceController {

  private final GrievanceIntake intake;
  private final GrievanceStatusView statusView;
  private final GrievanceRatings ratings;
  private final IdempotentIntake idempotency;
  private final GrievanceTracking tracking;
  private final QrRateLimit qrLimit;
  private final WatchTokens tokens;

  GrievanceController(
      GrievanceIntake intake,
      GrievanceStatusView statusView,
      GrievanceRatings ratings,
      IdempotentIntake idempotency,
      GrievanceTracking tracking,
      QrRateLimit qrLimit,
      WatchTokens tokens) {
    this.tokens = tokens;
    this.tracking = tracking;
    this.qrLimit = qrLimit;
    this.intake = intake;
    this.statusView = statusView;
    this.ratings = ratings;
    this.idempotency = idempotency;
  }

  /**
   * @param channel WEB, QR or API from residents; PHONE and WALK_IN are refused here (staff
   *     register those with the staff intake start form, which records them from their login)
   * @param recordedBy refused when given: kept only so that old clients learn why
   */
  record ReportRequest(
      @NotBlank(message = "请选择社区") @Size(max = 32) String communityCode,
      @Size(max = 32) String estateCode,
      @Size(max = 32) String buildingCode,
      @NotNull(message = "请选择问题类别") Category category,
      @NotBlank(message = "请描述问题") @Size(max = 2000, message = "问题描述不能超过2000字") String description,
      @Size(max = 50, message = "联系人不能超过50字") String contactName,
      @Size(max = 40, message = "手机号码过长") String contactPhone,
      Channel channel,
      @Size(max = 64) String recordedBy,
      Set<NotifyChannel> notifyBy,
      @Email(message = "请填写有效的电子邮箱") @Size(max = 254) String contactEmail) {

    /**
     * NFC text with unsafe characters refused (400 naming the field), the phone as E.164, the
     * channels in a fixed order: its JSON is the Idempotency-Key fingerprint on every node.
     */
    ReportRequest cleaned() {
      return new ReportRequest(
          TextInput.clean("communityCode", communityCode),
          TextInput.clean("estateCode", estateCode),
          TextInput.clean("buildingCode", buildingCode),
          category,
          TextInput.clean("description", description),
          TextInput.clean("contactName", contactName),
          PhoneNumbers.toE164("contactPhone", TextInput.clean("contactPhone", contactPhone)),
          channel,
          TextInput.clean("recordedBy", recordedBy),
          notifyBy == null || notifyBy.isEmpty() ? null : EnumSet.copyOf(notifyBy),
          TextInput.clean("contactEmail", contactEmail));
    }

    /** 热线 and 窗口 reports are staff's, through the staff intake start form in Tasklist. */
    @AssertTrue(message = "电话、窗口登记请工作人员在任务列表中用“热线/窗口登记诉求”表单登记")
    boolean isResidentChannel() {
      return channel == null || !channel.staffEntered();
    }

    /** Who recorded a case comes from a staff login, never from a request body. */
    @AssertTrue(message = "登记人按工作人员的登录身份记录，不能在请求中填写")
    boolean isRecordedByAbsent() {
      return recordedBy == null || recordedBy.isBlank();
    }
  }

  /**
   * @param watchToken opens the case's live updates and photo upload (no personal data)
   */
  record ReportResponse(
      String caseNo, String status, String statusLabel, String statusUrl, String watchToken) {}

  /**
   * 上报. With an {@code Idempotency-Key} header a retried or concurrent duplicate submission gets
   * the first answer (and {@code Idempotent-Replayed: true}), never a second case. QR submissions
   * count against the per-code, per-address limit (429 past it); replays do not count.
   */
  @PostMapping
  ResponseEntity<String> report(
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @Valid @RequestBody ReportRequest request,
      HttpServletRequest http) {
    ReportRequest r = request.cleaned();
    return idempotency.created(
        "grievance",
        idempotencyKey,
        r,
        () -> {
          if (r.channel() == Channel.QR) {
            qrLimit.count(qrCode(r), http.getRemoteAddr());
          }
          GrievanceIntake.Receipt receipt =
              intake.report(
                  new GrievanceIntake.Report(
                      r.communityCode(),
                      r.estateCode(),
                      r.buildingCode(),
                      r.category(),
                      r.description(),
                      r.contactName(),
                      r.contactPhone(),
                      r.channel() == null ? Channel.API : r.channel(),
                      null,
                      r.notifyBy(),
                      r.contactEmail()));
          return new ReportResponse(
              receipt.caseNo(),
              receipt.status().name(),
              receipt.status().label(),
              "/api/grievances/" + receipt.caseNo(),
              tokens.issue(receipt.caseNo()));
        });
  }

  /** The QR code a submission came through: the place it is printed for. */
  private static String qrCode(ReportRequest r) {
    return r.communityCode()
        + "."
        + (r.estateCode() == null ? "" : r.estateCode())
        + (r.buildingCode() == null ? "" : "." + r.buildingCode());
  }

  @GetMapping("/{caseNo}")
  GrievanceStatusView.Status status(@PathVariable String caseNo) {
    return statusView.of(caseNo);
  }

  record TrackRequest(@NotBlank(message = "请填写上报时留的手机号码") @Size(max = 40) String phone) {}

  /** 查询进度: case number + phone; 404 unless the phone matches. */
  @ProofAttempt // a phone guessed per case number: the tighter anonymous limit
  @PostMapping("/{caseNo}/track")
  GrievanceTracking.Tracked track(@PathVariable String caseNo, @Valid @RequestBody TrackRequest r) {
    return tracking.track(caseNo, TextInput.clean("phone", r.phone()));
  }

  record EvaluationRequest(
      @NotNull(message = "请选择评价") Rating rating,
      @Size(max = 500, message = "评价意见不能超过500字") String comment) {}

  record EvaluationResponse(String caseNo, String rating, boolean reworkRequired) {}

  @PostMapping("/{caseNo}/evaluation")
  EvaluationResponse evaluate(
      @PathVariable String caseNo, @Valid @RequestBody EvaluationRequest r) {
    boolean rework = ratings.rate(caseNo, r.rating(), r.comment());
    return new EvaluationResponse(caseNo, r.rating().name(), rework);
  }
}
