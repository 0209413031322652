package io.linli.open311;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.linli.system.ApiError;
import io.linli.system.ErrorAnswer;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Open311 refusals in the spec's error shape, {@code [{"code": 400, "description": "…"}]} (XML for
 * {@code .xml} or an XML Accept), for every request under {@code /open311/}: the controller's
 * refusals and Spring MVC's (404 for an unknown extension, 405, 413, 415) alike, through {@link
 * ErrorAnswer}. Integration tier: Open311SpecTest.
 */
@Component
class Open311Errors implements ErrorAnswer {

  private final ObjectMapper json;

  Open311Errors(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public boolean handles(HttpServletRequest request) {
    String uri = request.getRequestURI();
    return uri != null && uri.startsWith("/open311/");
  }

  @Override
  public ResponseEntity<String> answer(
      HttpServletRequest request, int status, String title, List<ApiError.FieldMessage> fields) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", status);
    String described =
        fields.stream().map(f -> f.field() + "：" + f.message()).collect(Collectors.joining("；"));
    error.put("description", described.isEmpty() ? title : described);
    String uri = request.getRequestURI();
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    boolean xml =
        uri.endsWith(".xml") || (!uri.endsWith(".json") && Open311Format.xml(null, accept));
    return Open311Format.answer(status, xml, "errors", "error", List.of(error), json);
  }
}
