package io.linli.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linli.LinliSpringTest;
import io.linli.TestHttp;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Integration tier: photos of a case over HTTP — re-encoded so EXIF/GPS is gone, refused by magic
 * bytes (415) rather than file name, limited in count and size (413), stored in case_photo.
 */
@LinliSpringTest
class CasePhotoTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  RestClient http;

  @BeforeEach
  void client() {
    http = TestHttp.client(port);
  }

  /** A JPEG with an EXIF segment carrying a GPS marker, as a phone camera writes it. */
  static byte[] jpegWithExif(int w, int h) throws Exception {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.ORANGE);
    g.fillRect(0, 0, w, h);
    g.dispose();
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    ImageIO.write(img, "jpeg", plain);
    byte[] jpeg = plain.toByteArray();
    byte[] payload =
        "Exif\0\0MM\0*GPSLatitude=30.5728N;GPSLongitude=104.0668E"
            .getBytes(StandardCharsets.ISO_8859_1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2); // SOI
    out.write(0xFF);
    out.write(0xE1); // APP1
    int len = payload.length + 2;
    out.write(len >> 8);
    out.write(len & 0xFF);
    out.write(payload);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  record Created(String caseNo, String token) {}

  Created newCase() {
    JsonNode r =
        http.post()
            .uri("/api/grievances")
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("communityCode", "tfsq", "category", "GREENING", "description", "绿化带枯死"))
            .retrieve()
            .body(JsonNode.class);
    return new Created(r.get("caseNo").asText(), r.get("watchToken").asText());
  }

  int upload(Created c, String token, String filename, byte[] bytes) {
    var form = new LinkedMultiValueMap<String, Object>();
    form.add(
        "photo",
        new ByteArrayResource(bytes) {
          @Override
          public String getFilename() {
            return filename;
          }
        });
    return http.post()
        .uri("/api/cases/grievance/{c}/photos?token={t}", c.caseNo(), token)
        .contentType(MediaType.MULTIPART_FORM_DATA)
        .body(form)
        .retrieve()
        .toBodilessEntity()
        .getStatusCode()
        .value();
  }

  @Test
  @DisplayName("照片重新编码去除 EXIF/GPS；按文件头识别图片（415）；张数与大小超限 413")
  void photosAreCleanedAndLimited() throws Exception {
    Created c = newCase();
    byte[] withExif = jpegWithExif(64, 48);
    assertThat(new String(withExif, StandardCharsets.ISO_8859_1)).contains("GPSLatitude");

    assertThat(upload(c, c.token(), "IMG_0001.jpg", withExif)).isEqualTo(201);
    byte[] stored =
        jdbc.sql("select bytes from case_photo where case_no = ?")
            .param(c.caseNo())
            .query(byte[].class)
            .single();
    String raw = new String(stored, StandardCharsets.ISO_8859_1);
    assertThat(raw).doesNotContain("Exif").doesNotContain("GPS");
    BufferedImage back = ImageIO.read(new ByteArrayInputStream(stored));
    assertThat(back.getWidth()).isEqualTo(64);
    assertThat(back.getHeight()).isEqualTo(48);

    assertThat(upload(c, c.token(), "photo.jpg", "不是图片，只是文字".getBytes(StandardCharsets.UTF_8)))
        .as("not an image, whatever the name")
        .isEqualTo(415);
    byte[] tooBig = new byte[6 * 1024 * 1024];
    System.arraycopy(withExif, 0, tooBig, 0, withExif.length);
    assertThat(upload(c, c.token(), "big.jpg", tooBig)).isEqualTo(413);

    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(10, 10, BufferedImage.TYPE_INT_ARGB), "png", png);
    assertThat(upload(c, c.token(), "a.png", png.toByteArray())).isEqualTo(201);
    assertThat(upload(c, c.token(), "b.jpg", withExif)).isEqualTo(201);
    assertThat(upload(c, c.token(), "c.jpg", withExif)).as("a fourth photo").isEqualTo(413);
    assertThat(
            jdbc.sql("select count(*) from case_photo where case_no = ?")
                .param(c.caseNo())
                .query(Long.class)
                .single())
        .isEqualTo(3);

    assertThat(upload(c, "wrong-token", "d.jpg", withExif)).isEqualTo(404);
    JsonNode list =
        http.get()
            .uri("/api/cases/grievance/{c}/photos?token={t}", c.caseNo(), c.token())
            .retrieve()
            .body(JsonNode.class);
    assertThat(list).hasSize(3);
    var one =
        http.get()
            .uri(
                "/api/cases/grievance/{c}/photos/{id}.jpg?token={t}",
                c.caseNo(),
                list.get(0).get("id").asLong(),
                c.token())
            .retrieve()
            .toEntity(byte[].class);
    assertThat(one.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_JPEG);
    assertThat(one.getBody()).isEqualTo(stored);
  }
}
