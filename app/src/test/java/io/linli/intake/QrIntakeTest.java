package io.linli.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.linli.LinliSpringTest;
import io.linli.TestHttp;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * Integration tier: 扫码即办 — QR code PNGs per estate and building that decode to the resident page
 * with the location filled in; anonymous QR submissions limited per code and client address in
 * PostgreSQL (429 with Retry-After), the same count seen by a second limiter standing in for a
 * second node on the same database.
 */
@LinliSpringTest
class QrIntakeTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  RestClient http;

  @BeforeEach
  void client() {
    http = TestHttp.client(port);
  }

  static String decode(byte[] png) throws Exception {
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
    int[] px = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    var bitmap =
        new BinaryBitmap(
            new HybridBinarizer(new RGBLuminanceSource(img.getWidth(), img.getHeight(), px)));
    return new QRCodeReader().decode(bitmap).getText();
  }

  @Test
  @DisplayName("每个小区、每栋楼一张二维码，扫码打开居民页面并带上位置")
  void qrCodesOpenTheResidentPageWithTheLocation() throws Exception {
    ResponseEntity<byte[]> building =
        http.get().uri("/api/qr/tfsq/dtsz/b3.png").retrieve().toEntity(byte[].class);
    assertThat(building.getStatusCode().value()).isEqualTo(200);
    assertThat(building.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
    assertThat(decode(building.getBody()))
        .isEqualTo(
            "http://localhost:8080/resident/?community=tfsq&estate=dtsz&building=b3&qr=tfsq.dtsz.b3");

    byte[] estate = http.get().uri("/api/qr/tfsq/dfhy.png").retrieve().body(byte[].class);
    assertThat(decode(estate)).endsWith("/resident/?community=tfsq&estate=dfhy&qr=tfsq.dfhy");

    assertThat(
            http.get()
                .uri("/api/qr/tfsq/dtsz/b99.png")
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value())
        .isEqualTo(404);
  }

  int submitByQr(String building, String text) {
    return http.post()
        .uri("/api/grievances")
        .contentType(MediaType.APPLICATION_JSON)
        .body(
            Map.of(
                "communityCode",
                "tfsq",
                "estateCode",
                "wjaz",
                "buildingCode",
                building,
                "category",
                "ENVIRONMENT",
                "description",
                text,
                "channel",
                "QR"))
        .retrieve()
        .toBodilessEntity()
        .getStatusCode()
        .value();
  }

  @Test
  @DisplayName("同一二维码同一地址：第6次提交 429 并带 Retry-After；换一张码不受影响；第二个节点看到同一计数")
  void qrSubmissionsAreRateLimitedInTheDatabase() {
    for (int i = 1; i <= 5; i++) {
      assertThat(submitByQr("b4", "垃圾清运不及时 " + i)).as("submission %d", i).isEqualTo(201);
    }
    ResponseEntity<String> refused =
        http.post()
            .uri("/api/grievances")
            .contentType(MediaType.APPLICATION_JSON)
            .body(
                Map.of(
                    "communityCode",
                    "tfsq",
                    "estateCode",
                    "wjaz",
                    "buildingCode",
                    "b4",
                    "category",
                    "ENVIRONMENT",
                    "description",
                    "垃圾清运不及时 6",
                    "channel",
                    "QR"))
            .retrieve()
            .toEntity(String.class);
    assertThat(refused.getStatusCode().value()).isEqualTo(429);
    long retryAfter = Long.parseLong(refused.getHeaders().getFirst("Retry-After"));
    assertThat(retryAfter).isBetween(1L, 600L);
    assertThat(refused.getBody()).contains("提交过于频繁");
    assertThat(
            jdbc.sql("select count(*) from grievance_case where description = '垃圾清运不及时 6'")
                .query(Long.class)
                .single())
        .isZero();

    assertThat(submitByQr("b3", "另一栋的问题")).as("another QR code").isEqualTo(201);

    String client =
        jdbc.sql("select client_addr from qr_submission_window where qr_code = 'tfsq.wjaz.b4'")
            .query(String.class)
            .single();
    QrRateLimit otherNode = new QrRateLimit(jdbc, 5, Duration.ofMinutes(10));
    assertThatThrownBy(() -> otherNode.count("tfsq.wjaz.b4", client))
        .isInstanceOf(RateLimited.class);
  }
}
