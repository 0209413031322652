package io.linli.grievance;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The grievance API: report, follow, rate. */
@RestController
@RequestMapping("/api/grievances")
class GrievanceController {

  private final GrievanceIntake intake;
  private final GrievanceStatusView statusView;
  private final GrievanceRatings ratings;

  GrievanceController(
      GrievanceIntake intake, GrievanceStatusView statusView, GrievanceRatings ratings) {
    this.intake = intake;
    this.statusView = statusView;
    this.ratings = ratings;
  }

  /**
   * @param channel WEB, QR or API from residents; PHONE or WALK_IN when staff enter it on a
   *     resident's behalf, with {@code recordedBy} naming the staff member
   */
  record ReportRequest(
      @NotBlank(message = "请选择社区") @Size(max = 32) String communityCode,
      @Size(max = 32) String estateCode,
      @Size(max = 32) String buildingCode,
      @NotNull(message = "请选择问题类别") Category category,
      @NotBlank(message = "请描述问题") @Size(max = 2000, message = "问题描述不能超过2000字") String description,
      @Size(max = 50, message = "联系人不能超过50字") String contactName,
      @Pattern(regexp = "1[3-9]\\d{9}", message = "请填写11位手机号码") String contactPhone,
      Channel channel,
      @Size(max = 64) String recordedBy) {

    @AssertTrue(message = "工作人员代登记（电话、窗口）须填写登记人")
    boolean isRecordedByGivenForStaffChannels() {
      return channel == null || !channel.staffEntered() || (recordedBy != null && !recordedBy.isBlank());
    }
  }

  record ReportResponse(String caseNo, String status, String statusLabel, String statusUrl) {}

  @PostMapping
  ResponseEntity<ReportResponse> report(@Valid @RequestBody ReportRequest r) {
    GrievanceIntake.Receipt receipt =
        intake.report(new GrievanceIntake.Report(
            r.communityCode(), r.estateCode(), r.buildingCode(), r.category(), r.description(),
            r.contactName(), r.contactPhone(), r.channel() == null ? Channel.API : r.channel(),
            r.recordedBy()));
    URI url = URI.create("/api/grievances/" + receipt.caseNo());
    return ResponseEntity.created(url)
        .body(new ReportResponse(receipt.caseNo(), receipt.status().name(),
            receipt.status().label(), url.toString()));
  }

  @GetMapping("/{caseNo}")
  GrievanceStatusView.Status status(@PathVariable String caseNo) {
    return statusView.of(caseNo);
  }

  record EvaluationRequest(
      @NotNull(message = "请选择评价") Rating rating,
      @Size(max = 500, message = "评价意见不能超过500字") String comment) {}

  record EvaluationResponse(String caseNo, String rating, boolean reworkRequired) {}

  @PostMapping("/{caseNo}/evaluation")
  EvaluationResponse evaluate(@PathVariable String caseNo, @Valid @RequestBody EvaluationRequest r) {
    boolean rework = ratings.rate(caseNo, r.rating(), r.comment());
    return new EvaluationResponse(caseNo, r.rating().name(), rework);
  }
}
