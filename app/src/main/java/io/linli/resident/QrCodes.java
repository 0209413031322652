package io.linli.resident;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.linli.community.CommunityDirectory;
import io.linli.system.ApiError;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 扫码即办: a QR code PNG per estate ({@code /api/qr/{community}/{estate}.png}) and per building
 * ({@code /api/qr/{community}/{estate}/{building}.png}) that opens the resident page with the
 * location filled in and the submission marked as a QR submission of that code.
 */
@RestController
class QrCodes {

  static final int SIZE = 400;

  private final CommunityDirectory directory;
  private final String publicUrl;

  QrCodes(
      CommunityDirectory directory,
      @Value("${linli.notification.public-url:http://localhost:8080}") String publicUrl) {
    this.directory = directory;
    this.publicUrl = publicUrl;
  }

  @GetMapping(path = "/api/qr/{community}/{estate}.png", produces = MediaType.IMAGE_PNG_VALUE)
  ResponseEntity<byte[]> estate(@PathVariable String community, @PathVariable String estate) {
    return png(link(community, estate, null));
  }

  @GetMapping(
      path = "/api/qr/{community}/{estate}/{building}.png",
      produces = MediaType.IMAGE_PNG_VALUE)
  ResponseEntity<byte[]> building(
      @PathVariable String community, @PathVariable String estate, @PathVariable String building) {
    return png(link(community, estate, building));
  }

  /** The page URL a code opens; 404 for a place that does not exist. */
  String link(String community, String estate, String building) {
    directory.community(community).orElseThrow(() -> ApiError.notFound("没有这个社区：" + community));
    var e =
        directory
            .estate(community, estate)
            .orElseThrow(() -> ApiError.notFound("没有这个小区：" + estate));
    if (building != null) {
      directory
          .building(e.id(), building)
          .orElseThrow(() -> ApiError.notFound("没有这个楼栋：" + building));
    }
    var b =
        UriComponentsBuilder.fromUriString(publicUrl)
            .path("/resident/")
            .queryParam("community", community)
            .queryParam("estate", estate);
    if (building != null) b.queryParam("building", building);
    b.queryParam("qr", community + "." + estate + (building == null ? "" : "." + building));
    return b.encode().build().toUriString();
  }

  private static ResponseEntity<byte[]> png(String text) {
    try {
      BitMatrix m =
          new QRCodeWriter()
              .encode(
                  text,
                  BarcodeFormat.QR_CODE,
                  SIZE,
                  SIZE,
                  Map.of(
                      EncodeHintType.ERROR_CORRECTION,
                      ErrorCorrectionLevel.M,
                      EncodeHintType.CHARACTER_SET,
                      "UTF-8",
                      EncodeHintType.MARGIN,
                      2));
      BufferedImage img =
          new BufferedImage(m.getWidth(), m.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
      for (int y = 0; y < m.getHeight(); y++) {
        for (int x = 0; x < m.getWidth(); x++) {
          img.setRGB(x, y, m.get(x, y) ? 0xFF000000 : 0xFFFFFFFF);
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(img, "png", out);
      return ResponseEntity.ok()
          .contentType(MediaType.IMAGE_PNG)
          .cacheControl(CacheControl.noCache())
          .body(out.toByteArray());
    } catch (WriterException e) {
      throw new IllegalStateException("QR encoding failed", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
