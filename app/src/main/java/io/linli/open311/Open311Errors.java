package io.linli.open311;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.linli.system.ApiError;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Open311 refusals in the spec's error shape: {@code [{"code": 400, "description": "…"}]}. */
@RestControllerAdvice(assignableTypes = Open311Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class Open311Errors {

  private final ObjectMapper json;

  Open311Errors(ObjectMapper json) {
    this.json = json;
  }

  @ExceptionHandler(ApiError.class)
  ResponseEntity<String> refused(ApiError e, HttpServletRequest request) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", e.status().value());
    String fields = e.fields().stream().map(f -> f.field() + "：" + f.message())
        .collect(Collectors.joining("；"));
    error.put("description", fields.isEmpty() ? e.getMessage() : fields);
    boolean xml = request.getRequestURI().endsWith(".xml")
        || Open311Format.xml(null, request.getHeader(HttpHeaders.ACCEPT));
    return Open311Format.answer(e.status().value(), xml, "errors", "error", List.of(error), json);
  }
}
