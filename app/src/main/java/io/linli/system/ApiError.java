package io.linli.system;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A refusal the client can act on: 400 with the fields at fault, 404, or 409. Thrown by the app's
 * services, turned into a problem+json answer by {@link ApiExceptionHandler}.
 */
public class ApiError extends RuntimeException {

  /** One field and what is wrong with it, in Chinese. */
  public record FieldMessage(String field, String message) {}

  private final HttpStatus status;
  private final List<FieldMessage> fields;

  private ApiError(HttpStatus status, String message, List<FieldMessage> fields) {
    super(message);
    this.status = status;
    this.fields = fields;
  }

  public static ApiError invalid(String field, String message) {
    return new ApiError(
        HttpStatus.BAD_REQUEST, "请求内容有误", List.of(new FieldMessage(field, message)));
  }

  /** Several fields at fault at once, e.g. every bad filter of a query. */
  public static ApiError invalid(List<FieldMessage> fields) {
    return new ApiError(HttpStatus.BAD_REQUEST, "请求内容有误", List.copyOf(fields));
  }

  public static ApiError forbidden(String message) {
    return new ApiError(HttpStatus.FORBIDDEN, message, List.of());
  }

  public static ApiError notFound(String message) {
    return new ApiError(HttpStatus.NOT_FOUND, message, List.of());
  }

  public static ApiError conflict(String message) {
    return new ApiError(HttpStatus.CONFLICT, message, List.of());
  }

  public HttpStatus status() {
    return status;
  }

  public List<FieldMessage> fields() {
    return fields;
  }
}
