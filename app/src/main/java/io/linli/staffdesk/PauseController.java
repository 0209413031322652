package io.linli.staffdesk;

import io.linli.identity.StaffIdentity;
import io.linli.identity.StaffIdentity.Staff;
import io.linli.sla.SlaPauses;
import io.linli.system.ApiError;
import io.linli.system.TextInput;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * 挂起 and 恢复计时 from the staff desk, for the holder of an open task of the case: {@code POST
 * /api/staff/cases/{caseNo}/pause} with a kind ({@code RESIDENT_UNREACHABLE} after at least {@code
 * linli.sla.pause.unreachable-attempts} contact attempts, {@code RESIDENT_POSTPONE}) and a reason;
 * {@code POST /api/staff/cases/{caseNo}/resume}; {@code GET …/pause} the state. A wait a flow
 * models itself (the quote decision) pauses in the flow, not here.
 */
@RestController
class PauseController {

  private final StaffIdentity identity;
  private final CasePauses pauses;
  private final int unreachableAttempts;

  PauseController(
      StaffIdentity identity,
      CasePauses pauses,
      @Value("${linli.sla.pause.unreachable-attempts:3}") int unreachableAttempts) {
    this.identity = identity;
    this.pauses = pauses;
    this.unreachableAttempts = unreachableAttempts;
  }

  /**
   * @param kind RESIDENT_UNREACHABLE or RESIDENT_POSTPONE
   * @param reason why, in the holder's words (the resident reads it in the case's log)
   * @param contactAttempts for RESIDENT_UNREACHABLE: how often the resident was tried
   */
  record PauseRequest(String kind, String reason, Integer contactAttempts) {}

  @PostMapping("/api/staff/cases/{caseNo}/pause")
  CasePauses.PauseView pause(
      @PathVariable String caseNo,
      @RequestHeader(name = StaffDeskController.USER_HEADER, required = false) String user,
      @RequestBody(required = false) PauseRequest body) {
    Staff staff = staff(user);
    pauses.holderCase(caseNo, staff, "挂起");
    List<ApiError.FieldMessage> bad = new ArrayList<>();
    PauseRequest b = body == null ? new PauseRequest(null, null, null) : body;
    SlaPauses.Kind kind = null;
    String k = TextInput.clean("kind", b.kind());
    if (k == null || k.isBlank()) {
      bad.add(
          new ApiError.FieldMessage(
              "kind", "请选择挂起类型：RESIDENT_UNREACHABLE（居民无法联系）或 RESIDENT_POSTPONE（居民要求延期）"));
    } else if (k.strip().equals(SlaPauses.Kind.RESIDENT_UNREACHABLE.name())
        || k.strip().equals(SlaPauses.Kind.RESIDENT_POSTPONE.name())) {
      kind = SlaPauses.Kind.valueOf(k.strip());
    } else {
      bad.add(
          new ApiError.FieldMessage("kind", "挂起类型只能是 RESIDENT_UNREACHABLE 或 RESIDENT_POSTPONE"));
    }
    String reason = TextInput.clean("reason", b.reason());
    if (reason == null || reason.isBlank()) {
      bad.add(new ApiError.FieldMessage("reason", "请填写挂起原因"));
    } else if (reason.strip().length() > 200) {
      bad.add(new ApiError.FieldMessage("reason", "挂起原因不能超过200字"));
    }
    Integer attempts = b.contactAttempts();
    if (attempts != null && (attempts < 0 || attempts > 1000)) {
      bad.add(new ApiError.FieldMessage("contactAttempts", "联系次数应在0到1000之间"));
    } else if (kind == SlaPauses.Kind.RESIDENT_UNREACHABLE
        && (attempts == null || attempts < unreachableAttempts)) {
      bad.add(
          new ApiError.FieldMessage(
              "contactAttempts", "须至少联系居民" + unreachableAttempts + "次未果，才能以“居民无法联系”挂起"));
    }
    if (!bad.isEmpty()) throw ApiError.invalid(bad);
    return pauses.pause(caseNo, staff, kind, reason.strip(), attempts);
  }

  @PostMapping("/api/staff/cases/{caseNo}/resume")
  CasePauses.PauseView resume(
      @PathVariable String caseNo,
      @RequestHeader(name = StaffDeskController.USER_HEADER, required = false) String user) {
    return pauses.resume(caseNo, staff(user));
  }

  @GetMapping("/api/staff/cases/{caseNo}/pause")
  CasePauses.PauseView state(
      @PathVariable String caseNo,
      @RequestHeader(name = StaffDeskController.USER_HEADER, required = false) String user) {
    return pauses.state(caseNo, staff(user));
  }

  private Staff staff(String user) {
    return identity.ofApi(user).orElseThrow(() -> ApiError.forbidden("请以工作人员身份登录"));
  }
}
