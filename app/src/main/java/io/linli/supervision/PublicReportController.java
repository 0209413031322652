package io.linli.supervision;

import io.linli.intake.PublicRead;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The 双晒 report of an estate's quarter for residents (公示), without an account in every profile:
 * JSON, a printable page and the same page as PDF, e.g. {@code
 * /api/public-notice/reports/dtsz/2026-Q2.pdf}. The service report as supervisors see it; the
 * income/expense books only once 社区党委 approved them ({@link ApprovedBooks}). Anonymous reads count
 * against the public read limit ({@link PublicRead}).
 */
@RestController
@RequestMapping("/api/public-notice/reports")
class PublicReportController {

  private final PublicFigures figures;
  private final ReportPdf pdf;

  PublicReportController(PublicFigures figures, ReportPdf pdf) {
    this.figures = figures;
    this.pdf = pdf;
  }

  @PublicRead
  @GetMapping("/{estate}/{quarter}")
  ShuangShai.PublicReport report(@PathVariable String estate, @PathVariable String quarter) {
    return figures.report(estate, quarter);
  }

  @PublicRead
  @GetMapping(value = "/{estate}/{quarter}.html", produces = MediaType.TEXT_HTML_VALUE)
  String page(@PathVariable String estate, @PathVariable String quarter) {
    return ReportPages.shuangShai(figures.report(estate, quarter));
  }

  @PublicRead
  @GetMapping(value = "/{estate}/{quarter}.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  ResponseEntity<byte[]> pdf(@PathVariable String estate, @PathVariable String quarter) {
    ShuangShai.PublicReport r = figures.report(estate, quarter);
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "inline; filename=\"shuangshai-" + r.estate().code() + "-" + r.quarter() + ".pdf\"")
        .contentType(MediaType.APPLICATION_PDF)
        .body(pdf.render(ReportPages.shuangShai(r)));
  }
}
