package io.linli.staffdesk;

import io.linli.identity.StaffIdentity;
import io.linli.identity.StaffIdentity.Staff;
import io.linli.identity.SupervisionAccess;
import io.linli.system.ApiError;
import io.linli.system.TextInput;
import io.linli.system.Times;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The staff desk's API. {@code POST /api/staff/cases/{caseNo}/phone-reveal}: the full phone number
 * for staff holding an open task of the case (404 for anyone else, as for an unknown case), written
 * to the access log. {@code GET /api/staff/contact-access}: the access log for those who audit the
 * case's community (supervisors; 社区党委 and 街道党工委 for their communities). The staff member is the
 * token's user ({@code X-Linli-User} in the default profile, which has no sign-in).
 */
@RestController
class StaffDeskController {

  static final String USER_HEADER = "X-Linli-User";

  private final ContactReveals reveals;
  private final ContactAccessLog log;
  private final StaffIdentity identity;
  private final SupervisionAccess audit;
  private final CaseMoves moves;

  StaffDeskController(
      ContactReveals reveals,
      ContactAccessLog log,
      StaffIdentity identity,
      SupervisionAccess audit,
      CaseMoves moves) {
    this.moves = moves;
    this.reveals = reveals;
    this.log = log;
    this.identity = identity;
    this.audit = audit;
  }

  /**
   * @param note an optional purpose in the staff member's words (the task is always recorded)
   */
  record RevealRequest(String note) {}

  @PostMapping("/api/staff/cases/{caseNo}/phone-reveal")
  ContactReveals.Revealed reveal(
      @PathVariable String caseNo,
      @RequestHeader(name = USER_HEADER, required = false) String user,
      @RequestBody(required = false) RevealRequest body) {
    Staff staff = identity.ofApi(user).orElseThrow(() -> ContactReveals.notYours(caseNo));
    String note = body == null ? null : TextInput.clean("note", body.note());
    if (note != null && note.length() > 200) throw ApiError.invalid("note", "说明不能超过200字");
    return reveals.reveal(caseNo, staff, note);
  }

  @GetMapping("/api/staff/contact-access")
  List<ContactAccessLog.Entry> accessLog(
      @RequestParam(required = false) String caseNo, @RequestParam(required = false) String staff) {
    SupervisionAccess.Scope scope = audit.current();
    if (scope.none()) throw ApiError.forbidden("只有督查、社区党委和街道党工委可以查看电话查看记录");
    String c = blankToNull(TextInput.clean("caseNo", caseNo));
    String s = blankToNull(TextInput.clean("staff", staff));
    if (c == null && s == null) {
      throw ApiError.invalid(
          List.of(
              new ApiError.FieldMessage("caseNo", "请按案件编号或工作人员查询"),
              new ApiError.FieldMessage("staff", "请按案件编号或工作人员查询")));
    }
    if (c != null && c.length() > 32) throw ApiError.invalid("caseNo", "案件编号不能超过32字符");
    if (s != null && s.length() > 64) throw ApiError.invalid("staff", "用户标识不能超过64字符");
    return log.find(c, s, scope);
  }

  /**
   * 转单, 退单 and 拒单 per property company, flow and kind between {@code from} and {@code to} (dates,
   * Beijing time, {@code to} inclusive; at most a year), for those who audit.
   */
  @GetMapping("/api/staff/moves")
  List<CaseMoves.Count> moves(
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    SupervisionAccess.Scope scope = audit.current();
    if (scope.none()) throw ApiError.forbidden("只有督查、社区党委和街道党工委可以查看转单退单统计");
    List<ApiError.FieldMessage> bad = new ArrayList<>();
    java.time.LocalDate f = date("from", from, bad);
    java.time.LocalDate t = date("to", to, bad);
    if (bad.isEmpty() && (t.isBefore(f) || t.isAfter(f.plusYears(1)))) {
      bad.add(new ApiError.FieldMessage("to", "结束日期须不早于开始日期，且跨度不超过一年"));
    }
    if (!bad.isEmpty()) throw ApiError.invalid(bad);
    return moves.count(
        f.atStartOfDay(Times.BEIJING).toInstant(),
        t.plusDays(1).atStartOfDay(Times.BEIJING).toInstant(),
        scope);
  }

  private static java.time.LocalDate date(
      String field, String value, List<ApiError.FieldMessage> bad) {
    if (value == null || value.isBlank()) {
      bad.add(new ApiError.FieldMessage(field, "请填写日期（yyyy-MM-dd）"));
      return null;
    }
    try {
      return java.time.LocalDate.parse(value.strip());
    } catch (java.time.format.DateTimeParseException e) {
      bad.add(new ApiError.FieldMessage(field, "日期格式应为 yyyy-MM-dd"));
      return null;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
