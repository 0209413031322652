package io.linli.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.linli.LinliSpringTest;
import io.linli.TestHttp;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * Integration tier (default profile): the resident page, the supervisor page and the API carry a
 * Content-Security-Policy with frame-ancestors, X-Content-Type-Options and Referrer-Policy; the
 * Camunda webapps keep their own single CSP. The keycloak profile's chains call the same {@code
 * SecurityHeaders}; KeycloakSecurityIT checks them there.
 */
@LinliSpringTest
class SecurityHeadersTest {

  @LocalServerPort int port;

  ResponseEntity<String> get(String path) {
    return TestHttp.client(port).get().uri(path).retrieve().toEntity(String.class);
  }

  @Test
  @DisplayName("居民页、督查台与 API：CSP（含 frame-ancestors）、nosniff、Referrer-Policy")
  void pagesAndApiCarrySecurityHeaders() {
    for (String path :
        List.of(
            "/resident/",
            "/supervision/",
            "/resident/resident.js",
            "/api/resident/options",
            "/api/grievances/GR-2026-999999",
            "/open311/v2/services.json")) {
      HttpHeaders h = get(path).getHeaders();
      assertThat(h.get("Content-Security-Policy")).as(path).hasSize(1);
      String csp = h.getFirst("Content-Security-Policy");
      assertThat(csp)
          .as(path)
          .contains(
              "default-src 'self'",
              "script-src 'self'",
              "object-src 'none'",
              "frame-ancestors 'none'")
          .doesNotContain("unsafe-inline")
          .doesNotContain("unsafe-eval");
      assertThat(h.getFirst("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
      assertThat(h.getFirst("Referrer-Policy")).as(path).isEqualTo("same-origin");
      assertThat(h.getFirst("X-Frame-Options")).as(path).isEqualTo("DENY");
    }
  }

  @Test
  @DisplayName("Camunda 网页应用保留自己的 CSP，不叠加第二个")
  void camundaWebappsKeepTheirOwnPolicy() {
    HttpHeaders h = get("/camunda/app/tasklist/default/").getHeaders();
    assertThat(h.get("Content-Security-Policy")).hasSize(1);
    assertThat(h.getFirst("Content-Security-Policy")).doesNotContain("frame-ancestors 'none'; ");
    assertThat(h.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
  }
}
