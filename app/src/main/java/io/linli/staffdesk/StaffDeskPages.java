package io.linli.staffdesk;

import io.linli.cases.CaseFile;
import io.linli.cases.CaseFiles;
import io.linli.identity.StaffIdentity;
import io.linli.identity.StaffIdentity.Staff;
import io.linli.system.ApiError;
import io.linli.system.Times;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * What a task form in Tasklist links to, for the staff member signed into the webapps in this
 * browser (their Camunda login, not anything the request names):
 *
 * <ul>
 *   <li>{@code GET /staff/cases/{caseNo}/phone}: one click reveals the resident's full number, for
 *       the open task the staff member holds on the case, and writes the access-log row;
 *   <li>{@code GET /staff/cases/{caseNo}/photos.jpg}: the case's photos on one sheet (404: none).
 * </ul>
 *
 * A request started by another site ({@code Sec-Fetch-Site: cross-site}) is refused, so a foreign
 * page cannot write reveals into someone's name. Not cached.
 */
@RestController
class StaffDeskPages {

  private final ContactReveals reveals;
  private final CaseFiles files;
  private final CaseTaskHolders held;
  private final PhotoSheet sheets;
  private final StaffIdentity identity;

  StaffDeskPages(
      ContactReveals reveals,
      CaseFiles files,
      CaseTaskHolders held,
      PhotoSheet sheets,
      StaffIdentity identity) {
    this.reveals = reveals;
    this.files = files;
    this.held = held;
    this.sheets = sheets;
    this.identity = identity;
  }

  @GetMapping(path = "/staff/cases/{caseNo}/phone", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> phone(@PathVariable String caseNo, HttpServletRequest request) {
    Staff staff = signedIn(request, caseNo);
    ContactReveals.Revealed r = reveals.reveal(caseNo, staff, null);
    String no = HtmlUtils.htmlEscape(r.caseNo());
    String phone = HtmlUtils.htmlEscape(r.phone());
    String html =
        """
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8"><title>居民电话 %s</title>
        <meta name="viewport" content="width=device-width, initial-scale=1"></head>
        <body>
        <h1>案件 %s 居民电话</h1>
        <p id="phone"><a href="tel:%s">%s</a></p>
        <p id="logged">本次查看已记录：%s 于 %s 为办理「%s」查看。请仅用于联系居民办理本案件。</p>
        <p><a href="/camunda/app/tasklist/default/#/?task=%s">返回任务</a></p>
        </body></html>
        """
            .formatted(
                no,
                no,
                phone,
                phone,
                HtmlUtils.htmlEscape(staff.userId()),
                Times.label(r.at()),
                HtmlUtils.htmlEscape(r.taskName() == null ? "" : r.taskName()),
                java.net.URLEncoder.encode(r.taskId(), java.nio.charset.StandardCharsets.UTF_8));
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
        .body(html);
  }

  @GetMapping(path = "/staff/cases/{caseNo}/photos.jpg", produces = MediaType.IMAGE_JPEG_VALUE)
  ResponseEntity<byte[]> photos(@PathVariable String caseNo, HttpServletRequest request) {
    Staff staff = signedIn(request, caseNo);
    CaseFile c = files.find(caseNo).orElseThrow(() -> ContactReveals.notYours(caseNo));
    held.of(c, staff).orElseThrow(() -> ContactReveals.notYours(caseNo));
    byte[] sheet = sheets.of(c.flow(), caseNo);
    if (sheet == null) throw ApiError.notFound("案件 " + caseNo + " 没有照片");
    return ResponseEntity.ok()
        .contentType(MediaType.IMAGE_JPEG)
        .cacheControl(CacheControl.noStore())
        .body(sheet);
  }

  private Staff signedIn(HttpServletRequest request, String caseNo) {
    if ("cross-site".equals(request.getHeader("Sec-Fetch-Site"))) {
      throw ApiError.forbidden("请从任务列表打开");
    }
    return identity.ofWebapp(request).orElseThrow(() -> ContactReveals.notYours(caseNo));
  }
}
