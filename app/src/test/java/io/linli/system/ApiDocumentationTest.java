package io.linli.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linli.LinliSpringTest;
import io.linli.TestHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Integration tier: the API reference lists every {@code /api} and {@code /open311} mapping the
 * application serves, with its method; a new endpoint missing from it fails here.
 */
@LinliSpringTest
class ApiDocumentationTest {

  @LocalServerPort int port;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  @DisplayName("OpenAPI 文档列出每个 /api 和 /open311 接口；Swagger UI 可打开")
  void everyMappingIsDocumented() {
    var http = TestHttp.client(port);
    JsonNode doc = http.get().uri("/v3/api-docs").retrieve().body(JsonNode.class);
    assertThat(doc.get("info").get("title").asText()).isEqualTo("邻里 Linli API");
    JsonNode paths = doc.get("paths");
    List<String> missing = new ArrayList<>();
    int checked = 0;
    for (var entry : mappings.getHandlerMethods().entrySet()) {
      for (String pattern : entry.getKey().getPatternValues()) {
        if (!pattern.startsWith("/api/") && !pattern.startsWith("/open311/")) continue;
        String path = pattern.replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
        var methods = entry.getKey().getMethodsCondition().getMethods();
        for (RequestMethod m : methods.isEmpty() ? List.of(RequestMethod.GET) : methods) {
          checked++;
          JsonNode op = paths.path(path).path(m.name().toLowerCase(Locale.ROOT));
          if (op.isMissingNode()) missing.add(m + " " + path);
        }
      }
    }
    assertThat(checked).as("mappings checked").isGreaterThan(40);
    assertThat(missing).as("mappings missing from /v3/api-docs").isEmpty();
    assertThat(
            http.get()
                .uri("/swagger-ui/index.html")
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value())
        .isEqualTo(200);
  }
}
