package io.linli.open311;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linli.LinliSpringTest;
import io.linli.TestHttp;
import org.junit.jupiter.api.BeforeEach;
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
 * Integration tier: Open311 GeoReport v2 where a security probe found it off the spec — every error
 * in the {@code [{"code", "description"}]} shape (415, 413 and an unknown extension's 404 too),
 * {@code lat}/{@code long} validated and kept, an unknown {@code status} refused.
 */
@LinliSpringTest
class Open311SpecTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;

  RestClient http;

  @BeforeEach
  void client() {
    http = TestHttp.client(port);
  }

  /** The spec's error shape, with the status as its code. */
  void open311Error(ResponseEntity<String> r, int status) throws Exception {
    assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(status);
    JsonNode body = json.readTree(r.getBody());
    assertThat(body.isArray()).as(r.getBody()).isTrue();
    assertThat(body.get(0).get("code").asInt()).isEqualTo(status);
    assertThat(body.get(0).get("description").asText()).isNotBlank();
  }

  ResponseEntity<String> postForm(String... pairs) {
    var form = new LinkedMultiValueMap<String, String>();
    for (int i = 0; i < pairs.length; i += 2) form.add(pairs[i], pairs[i + 1]);
    return http.post()
        .uri("/open311/v2/requests.json")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(form)
        .retrieve()
        .toEntity(String.class);
  }

  @Test
  @DisplayName("415、413、未知扩展名 404：均为 [{code, description}]")
  void everyErrorInTheSpecShape() throws Exception {
    open311Error(
        http.post()
            .uri("/open311/v2/requests.json")
            .contentType(MediaType.APPLICATION_JSON)
            .body("{\"service_code\":\"WATER_POWER\"}")
            .retrieve()
            .toEntity(String.class),
        415);
    open311Error(http.get().uri("/open311/v2/services.csv").retrieve().toEntity(String.class), 404);
    var big = new LinkedMultiValueMap<String, Object>();
    big.add(
        "media",
        new ByteArrayResource(new byte[13 * 1024 * 1024]) {
          @Override
          public String getFilename() {
            return "big.jpg";
          }
        });
    open311Error(
        http.post()
            .uri("/open311/v2/requests.json")
            .contentType(MediaType.MULTIPART_FORM_DATA)
            .body(big)
            .retrieve()
            .toEntity(String.class),
        413);
    ResponseEntity<String> xml =
        http.get()
            .uri("/open311/v2/services.csv")
            .accept(MediaType.TEXT_XML)
            .retrieve()
            .toEntity(String.class);
    assertThat(xml.getStatusCode().value()).isEqualTo(404);
    assertThat(xml.getBody()).contains("<errors><error><code>404</code>");
  }

  @Test
  @DisplayName("lat/long：非数字或越界为 400；合法的坐标被保存并读回")
  void latLongValidatedAndKept() throws Exception {
    String[] base = {
      "jurisdiction_id", "tfsq", "service_code", "WATER_POWER", "description", "井盖松动"
    };
    open311Error(postForm(concat(base, "lat", "abc", "long", "104.06")), 400);
    open311Error(postForm(concat(base, "lat", "999", "long", "104.06")), 400);
    open311Error(postForm(concat(base, "lat", "30.57", "long", "-181")), 400);
    open311Error(postForm(concat(base, "lat", "30.57")), 400);

    ResponseEntity<String> created = postForm(concat(base, "lat", "30.5728", "long", "104.0668"));
    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    String id = json.readTree(created.getBody()).get(0).get("service_request_id").asText();
    JsonNode back =
        json.readTree(
                http.get()
                    .uri("/open311/v2/requests/{id}.json?jurisdiction_id=tfsq", id)
                    .retrieve()
                    .body(String.class))
            .get(0);
    assertThat(back.get("lat").asDouble()).isEqualTo(30.5728);
    assertThat(back.get("long").asDouble()).isEqualTo(104.0668);
    String xml =
        http.get()
            .uri("/open311/v2/requests/{id}.xml?jurisdiction_id=tfsq", id)
            .retrieve()
            .body(String.class);
    assertThat(xml).contains("<lat>30.5728</lat>", "<long>104.0668</long>");
  }

  @Test
  @DisplayName("status=bogus：400，不是 200 []")
  void unknownStatusRefused() throws Exception {
    open311Error(
        http.get()
            .uri("/open311/v2/requests.json?jurisdiction_id=tfsq&status=bogus")
            .retrieve()
            .toEntity(String.class),
        400);
    assertThat(
            http.get()
                .uri("/open311/v2/requests.json?jurisdiction_id=tfsq&status=open,closed")
                .retrieve()
                .toEntity(String.class)
                .getStatusCode()
                .value())
        .isEqualTo(200);
  }

  static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
