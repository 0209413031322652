package io.linli.system;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal of the app's API is problem+json with a Chinese title and, for bad input, the
 * fields at fault ({@code errors: [{field, message}]}). No stack trace ever reaches a client. A
 * conflict is 409 and an unavailable database 503 with Retry-After ({@link Transience}), never 500.
 */
@RestControllerAdvice(basePackages = "io.linli")
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(ApiError.class)
  ResponseEntity<ProblemDetail> apiError(ApiError e) {
    return problem(e.status(), e.getMessage(), e.fields());
  }

  /**
   * Two people (or a person and a timer, or two nodes) acting on the same case at once: the later
   * one is told, nothing is half-done. Also a conflict when the engine or Spring wrapped it.
   */
  @ExceptionHandler({OptimisticLockingException.class, MismatchingMessageCorrelationException.class,
      ConcurrencyFailureException.class})
  ResponseEntity<ProblemDetail> conflict(RuntimeException e) {
    return problem(HttpStatus.CONFLICT, "该案件刚被他人处理，请刷新后重试", List.of());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    if (Transience.conflict(e)) return conflict(null);
    if (Transience.databaseUnavailable(e)) {
      // The database is restarting or unreachable: nothing was done; retry, on any node.
      log.warn("database unavailable: {}", e.toString());
      ResponseEntity<ProblemDetail> r =
          problem(HttpStatus.SERVICE_UNAVAILABLE, "系统暂时不可用，请稍后重试", List.of());
      return ResponseEntity.status(r.getStatusCode())
          .header(HttpHeaders.RETRY_AFTER, Integer.toString(Transience.RETRY_AFTER_SECONDS))
          .body(r.getBody());
    }
    log.error("unexpected error", e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误，请稍后重试", List.of());
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e, HttpHeaders h, HttpStatusCode s, WebRequest r) {
    List<ApiError.FieldMessage> fields =
        e.getBindingResult().getFieldErrors().stream()
            .map(f -> new ApiError.FieldMessage(f.getField(), f.getDefaultMessage()))
            .toList();
    return cast(problem(HttpStatus.BAD_REQUEST, "请求内容有误", fields));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e, HttpHeaders h, HttpStatusCode s, WebRequest r) {
    if (e.getCause() instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
      String field =
          m.getPath().stream()
              .map(p -> p.getFieldName() != null ? p.getFieldName() : "[" + p.getIndex() + "]")
              .collect(Collectors.joining("."));
      String message = "取值无效";
      if (m instanceof InvalidFormatException f && f.getTargetType().isEnum()) {
        message = "取值无效，可选：" + Arrays.stream(f.getTargetType().getEnumConstants())
            .map(Object::toString).collect(Collectors.joining(", "));
      }
      return cast(problem(HttpStatus.BAD_REQUEST, "请求内容有误",
          List.of(new ApiError.FieldMessage(field, message))));
    }
    return cast(problem(HttpStatus.BAD_REQUEST, "请求体不是有效的 JSON", List.of()));
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception e, Object body, HttpHeaders h, HttpStatusCode s, WebRequest r) {
    // Spring's own refusals (405, 406, 415, ...) keep their status, without internals.
    ProblemDetail pd = ProblemDetail.forStatus(s);
    pd.setTitle(HttpStatus.resolve(s.value()) == null ? "请求被拒绝" : HttpStatus.resolve(s.value()).getReasonPhrase());
    return new ResponseEntity<>(pd, h, s);
  }

  private static ResponseEntity<ProblemDetail> problem(
      HttpStatus status, String title, List<ApiError.FieldMessage> fields) {
    ProblemDetail pd = ProblemDetail.forStatus(status);
    pd.setTitle(title);
    if (!fields.isEmpty()) pd.setProperty("errors", fields);
    return ResponseEntity.status(status).body(pd);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static ResponseEntity<Object> cast(ResponseEntity<ProblemDetail> r) {
    return (ResponseEntity) r;
  }
}
