package io.linli.grievance;

import io.linli.identity.StaffIdentity;
import io.linli.identity.StaffIdentity.Staff;
import io.linli.system.ApiError;
import io.linli.system.TextInput;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * 转单 from Tasklist: the handler forms link to {@code GET /staff/grievances/{caseNo}/transfer}, a
 * page with the community's work groups and a reason; its form posts back to the same address and
 * makes the same move as {@code POST /api/grievances/{caseNo}/transfer} ({@link
 * GrievanceMoves#transfer}: the task stays with its clock, changes group, the case log records it).
 * The staff member is the one signed into the webapps in this browser. A request another site
 * started ({@code Sec-Fetch-Site} other than same-origin) is refused, so a foreign page cannot move
 * cases in someone's name. A refused move shows the form again with the reason (400).
 */
@RestController
class GrievanceTransferPage {

  private final GrievanceMoves moves;
  private final StaffIdentity identity;

  GrievanceTransferPage(GrievanceMoves moves, StaffIdentity identity) {
    this.moves = moves;
    this.identity = identity;
  }

  @GetMapping(path = "/staff/grievances/{caseNo}/transfer", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> show(
      @PathVariable String caseNo, HttpServletRequest request, CsrfToken csrf) {
    Staff staff = signedIn(request, caseNo, false);
    return html(HttpStatus.OK, form(moves.transferChoice(caseNo, staff), csrf, null, null, ""));
  }

  @PostMapping(
      path = "/staff/grievances/{caseNo}/transfer",
      consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
      produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> transfer(
      @PathVariable String caseNo,
      @RequestParam(name = "toGroup", required = false) String toGroup,
      @RequestParam(name = "reason", required = false) String reason,
      HttpServletRequest request,
      CsrfToken csrf) {
    Staff staff = signedIn(request, caseNo, true);
    GrievanceMoves.TransferChoice choice = moves.transferChoice(caseNo, staff);
    try {
      String why = GrievanceMoveController.reason(reason);
      String to = TextInput.clean("toGroup", toGroup);
      if (to == null || to.isBlank()) throw ApiError.invalid("toGroup", "请选择接收的处置单位");
      GrievanceMoves.Moved moved = moves.transfer(caseNo, staff, to.strip(), why);
      String name =
          choice.targets().stream()
              .filter(t -> t.groupId().equals(to.strip()))
              .map(GrievanceMoves.Target::name)
              .findFirst()
              .orElse(to);
      return html(HttpStatus.OK, done(moved.caseNo(), choice.taskName(), name));
    } catch (ApiError e) {
      String message =
          e.fields().isEmpty()
              ? e.getMessage()
              : e.fields().stream()
                  .map(ApiError.FieldMessage::message)
                  .collect(Collectors.joining("；"));
      return html(
          e.status().is4xxClientError() ? HttpStatus.BAD_REQUEST : e.status(),
          form(choice, csrf, message, toGroup, reason == null ? "" : reason));
    }
  }

  private Staff signedIn(HttpServletRequest request, String caseNo, boolean write) {
    String site = request.getHeader("Sec-Fetch-Site");
    if (site != null && !site.equals("same-origin") && (write || site.equals("cross-site"))) {
      throw ApiError.forbidden("请从任务列表打开");
    }
    return identity.ofWebapp(request).orElseThrow(() -> ApiError.notFound("没有您可办理的诉求：" + caseNo));
  }

  /** The form, with the session's CSRF token where the profile's security has one (keycloak). */
  private static String form(
      GrievanceMoves.TransferChoice c, CsrfToken csrf, String error, String chosen, String reason) {
    String no = esc(c.caseNo());
    StringBuilder options = new StringBuilder("<option value=\"\">请选择</option>");
    for (GrievanceMoves.Target t : c.targets()) {
      options
          .append("<option value=\"")
          .append(esc(t.groupId()))
          .append(t.groupId().equals(chosen) ? "\" selected>" : "\">")
          .append(esc(t.name()))
          .append("</option>");
    }
    return """
        <h1>诉求 %s 转单</h1>
        <p>当前环节：%s。转单后任务转交所选单位重新认领，办理时限照常计算，不重新起算；转单和原因记入案件日志，督查可见。</p>
        %s
        <form method="post" action="/staff/grievances/%s/transfer">%s
        <p><label for="toGroup">接收单位</label><br><select id="toGroup" name="toGroup">%s</select></p>
        <p><label for="reason">转单原因</label><br>
        <textarea id="reason" name="reason" rows="4" cols="40" maxlength="500">%s</textarea></p>
        <p><button type="submit" id="submit">转单</button></p>
        </form>
        <p><a href="/camunda/app/tasklist/default/">返回任务列表</a></p>
        """
        .formatted(
            no,
            esc(c.taskName()),
            error == null ? "" : "<p id=\"error\" role=\"alert\">" + esc(error) + "</p>",
            URLEncoder.encode(c.caseNo(), StandardCharsets.UTF_8),
            csrf == null
                ? ""
                : "<input type=\"hidden\" name=\""
                    + esc(csrf.getParameterName())
                    + "\" value=\""
                    + esc(csrf.getToken())
                    + "\">",
            options,
            esc(reason));
  }

  private static String done(String caseNo, String taskName, String to) {
    return """
        <h1>诉求 %s 已转单</h1>
        <p id="done">「%s」已转交%s，等待对方认领；办理时限不变。</p>
        <p><a href="/camunda/app/tasklist/default/">返回任务列表</a></p>
        """
        .formatted(esc(caseNo), esc(taskName), esc(to));
  }

  private static ResponseEntity<String> html(HttpStatus status, String body) {
    String page =
        """
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8"><title>转单</title>
        <meta name="viewport" content="width=device-width, initial-scale=1"></head>
        <body>
        %s</body></html>
        """
            .formatted(body);
    return ResponseEntity.status(status)
        .cacheControl(CacheControl.noStore())
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .body(page);
  }

  private static String esc(String s) {
    return HtmlUtils.htmlEscape(s == null ? "" : s);
  }
}
