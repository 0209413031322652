package io.linli.grievance;

import io.linli.identity.StaffIdentity;
import io.linli.identity.StaffIdentity.Staff;
import io.linli.system.ApiError;
import io.linli.system.TextInput;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/grievances/{caseNo}/return} (退单, back to 分流定级) and {@code POST
 * /api/grievances/{caseNo}/transfer} (转单, to another team or company group of the community): for
 * staff holding the case's handler task; the reason is required. The staff member is the token's
 * user ({@code X-Linli-User} in the default profile). Rules: {@link GrievanceMoves}.
 */
@RestController
class GrievanceMoveController {

  static final String USER_HEADER = "X-Linli-User";

  private final GrievanceMoves moves;
  private final GrievanceMerges merges;
  private final StaffIdentity identity;

  GrievanceMoveController(GrievanceMoves moves, GrievanceMerges merges, StaffIdentity identity) {
    this.merges = merges;
    this.moves = moves;
    this.identity = identity;
  }

  record ReturnRequest(String reason) {}

  record TransferRequest(String toGroup, String reason) {}

  @PostMapping("/api/grievances/{caseNo}/return")
  GrievanceMoves.Moved returnToTriage(
      @PathVariable String caseNo,
      @RequestHeader(name = USER_HEADER, required = false) String user,
      @RequestBody(required = false) ReturnRequest body) {
    String reason = reason(body == null ? null : body.reason());
    return moves.returnToTriage(caseNo, staff(user, caseNo), reason);
  }

  @PostMapping("/api/grievances/{caseNo}/transfer")
  GrievanceMoves.Moved transfer(
      @PathVariable String caseNo,
      @RequestHeader(name = USER_HEADER, required = false) String user,
      @RequestBody(required = false) TransferRequest body) {
    String reason = reason(body == null ? null : body.reason());
    String to = TextInput.clean("toGroup", body == null ? null : body.toGroup());
    if (to == null || to.isBlank()) throw ApiError.invalid("toGroup", "请选择接收的处置单位");
    if (to.length() > 64) throw ApiError.invalid("toGroup", "处置单位标识不能超过64字符");
    return moves.transfer(caseNo, staff(user, caseNo), to.strip(), reason);
  }

  record MergeRequest(String originalCaseNo, String reason) {}

  /** Merge at 分流定级 into an open grievance about the same problem ({@link GrievanceMerges}). */
  @PostMapping("/api/grievances/{caseNo}/merge")
  GrievanceMerges.Merged merge(
      @PathVariable String caseNo,
      @RequestHeader(name = USER_HEADER, required = false) String user,
      @RequestBody(required = false) MergeRequest body) {
    String original =
        TextInput.clean("originalCaseNo", body == null ? null : body.originalCaseNo());
    if (original == null || original.isBlank())
      throw ApiError.invalid("originalCaseNo", "请填写要并入的诉求编号");
    if (original.length() > 32) throw ApiError.invalid("originalCaseNo", "诉求编号不能超过32字符");
    String reason = TextInput.clean("reason", body == null ? null : body.reason());
    if (reason != null && reason.length() > 500) throw ApiError.invalid("reason", "原因不能超过500字");
    return merges.merge(
        caseNo,
        staff(user, caseNo),
        original.strip(),
        reason == null || reason.isBlank() ? null : reason.strip());
  }

  private Staff staff(String user, String caseNo) {
    return identity.ofApi(user).orElseThrow(() -> ApiError.notFound("没有您可办理的诉求：" + caseNo));
  }

  static String reason(String raw) {
    String r = TextInput.clean("reason", raw);
    if (r == null || r.isBlank()) throw ApiError.invalid("reason", "请填写原因");
    if (r.length() > 500) throw ApiError.invalid("reason", "原因不能超过500字");
    return r.strip();
  }
}
