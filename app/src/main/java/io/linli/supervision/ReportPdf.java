package io.linli.supervision;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/**
 * Renders a printable page to PDF (openhtmltopdf on PDFBox) with the bundled Noto Sans SC subset
 * (fonts/NotoSansSC-Regular-GB2312.ttf, OFL; GB2312 and every character of the project's sources),
 * embedded as a subset so that any PDF reader shows the Chinese text.
 */
@Component
class ReportPdf {

  static final String FONT = "/fonts/NotoSansSC-Regular-GB2312.ttf";

  private final byte[] font;

  ReportPdf() {
    try (InputStream in = ReportPdf.class.getResourceAsStream(FONT)) {
      if (in == null) throw new IllegalStateException("missing " + FONT);
      font = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  byte[] render(String xhtml) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.useFont(() -> new ByteArrayInputStream(font), "Noto Sans SC");
    builder.withHtmlContent(xhtml, null);
    builder.toStream(out);
    try {
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
