package io.linli.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linli.LinliSpringTest;
import io.linli.TestHttp;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Integration tier: a decompression bomb — a valid PNG of 30000 × 30000 pixels that compresses to
 * about 110 KB — uploaded with the watch token from intake, without an account. The dimensions in
 * its header are refused before a single pixel is decoded: 400 naming the field.
 */
@LinliSpringTest
class CasePhotoBombTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;

  /** A valid 1-bit greyscale PNG of {@code size} × {@code size} black pixels. */
  static byte[] blackPng(int size) throws IOException {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
    ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
    DataOutputStream d = new DataOutputStream(ihdr);
    d.writeInt(size);
    d.writeInt(size);
    d.write(new byte[] {1, 0, 0, 0, 0}); // bit depth 1, greyscale, deflate, filter 0, no interlace
    chunk(png, "IHDR", ihdr.toByteArray());
    ByteArrayOutputStream idat = new ByteArrayOutputStream();
    try (DeflaterOutputStream z =
        new DeflaterOutputStream(idat, new Deflater(Deflater.BEST_COMPRESSION), 1 << 16)) {
      byte[] row = new byte[1 + (size + 7) / 8];
      for (int y = 0; y < size; y++) z.write(row);
    }
    chunk(png, "IDAT", idat.toByteArray());
    chunk(png, "IEND", new byte[0]);
    return png.toByteArray();
  }

  static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
    DataOutputStream d = new DataOutputStream(out);
    d.writeInt(data.length);
    byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    d.write(t);
    d.write(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    d.writeInt((int) crc.getValue());
  }

  @Test
  @DisplayName("30000×30000 的 PNG（约110KB）：读文件头即拒，400 指明 photo，不解码")
  void pixelBombRefusedFromTheHeader() throws Exception {
    byte[] bomb = blackPng(30_000);
    assertThat(bomb.length).isBetween(50_000, 200_000);
    RestClient http = TestHttp.client(port);
    JsonNode created =
        http.post()
            .uri("/api/grievances")
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("communityCode", "tfsq", "category", "GREENING", "description", "绿化带枯死"))
            .retrieve()
            .body(JsonNode.class);
    var form = new LinkedMultiValueMap<String, Object>();
    form.add(
        "photo",
        new ByteArrayResource(bomb) {
          @Override
          public String getFilename() {
            return "bomb.png";
          }
        });
    ResponseEntity<String> r =
        http.post()
            .uri(
                "/api/cases/grievance/{c}/photos?token={t}",
                created.get("caseNo").asText(),
                created.get("watchToken").asText())
            .contentType(MediaType.MULTIPART_FORM_DATA)
            .body(form)
            .retrieve()
            .toEntity(String.class);
    assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(400);
    JsonNode error = json.readTree(r.getBody()).path("errors").path(0);
    assertThat(error.path("field").asText()).isEqualTo("photo");
    assertThat(error.path("message").asText()).contains("30000×30000");
  }
}
