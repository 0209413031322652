package io.linli.supervision;

import io.linli.identity.SupervisionAccess;
import io.linli.system.ApiError;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 双晒 quarterly report of an estate: JSON, a printable page and the same page as PDF, e.g. {@code
 * /api/supervision/reports/dtsz/2026-Q3.pdf}.
 */
@RestController
@RequestMapping({"/api/supervision/reports", "/supervision/api/reports"})
class ReportController {

  private final ShuangShai reports;
  private final ReportPdf pdf;
  private final Dimensions dims;
  private final SupervisionAccess access;

  ReportController(ShuangShai reports, ReportPdf pdf, Dimensions dims, SupervisionAccess access) {
    this.reports = reports;
    this.pdf = pdf;
    this.dims = dims;
    this.access = access;
  }

  @GetMapping("/{estate}/{quarter}")
  ShuangShai.Report report(@PathVariable String estate, @PathVariable String quarter) {
    EstateQuarter q = EstateQuarter.parse(quarter);
    Dimensions.EstateInfo e =
        dims.estate(estate).orElseThrow(() -> ApiError.notFound("没有这个小区：" + estate));
    SupervisionAccess.Scope scope = access.current();
    if (!scope.reaches(e.communityCode())) throw ApiError.forbidden("无权查看该小区：" + e.name());
    return reports.of(e, q);
  }

  @GetMapping(value = "/{estate}/{quarter}.html", produces = MediaType.TEXT_HTML_VALUE)
  String page(@PathVariable String estate, @PathVariable String quarter) {
    return ReportPages.shuangShai(report(estate, quarter));
  }

  @GetMapping(value = "/{estate}/{quarter}.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  ResponseEntity<byte[]> pdf(@PathVariable String estate, @PathVariable String quarter) {
    ShuangShai.Report r = report(estate, quarter);
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "inline; filename=\"shuangshai-" + r.estate().code() + "-" + r.quarter() + ".pdf\"")
        .contentType(MediaType.APPLICATION_PDF)
        .body(pdf.render(ReportPages.shuangShai(r)));
  }
}
