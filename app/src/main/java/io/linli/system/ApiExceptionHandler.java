package io.linli.system;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal of the app's API is problem+json with a Chinese title and, for bad input, the
 * fields at fault ({@code errors: [{field, message}]}). No stack trace ever reaches a client. A
 * conflict is 409 and an unavailable database 503 with Retry-After ({@link Transience}), never 500.
 * A text refused by {@link TextInput} anywhere in a request (body, parameter, path, header) is a
 * 400 naming the field; so are type mismatches, missing parameters, broken multipart bodies and
 * header values the firewall refuses. Parts of the API with their own error shape ({@link
 * ErrorAnswer}, Open311) get every refusal in that shape.
 */
@RestControllerAdvice // every handler, and none: a 404 or 415 before any controller is chosen too
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  private final List<ErrorAnswer> answers;

  ApiExceptionHandler(List<ErrorAnswer> answers) {
    this.answers = answers;
  }

  /** A header value or URL the firewall refuses, found while MVC read the request. */
  @ExceptionHandler(RequestRejectedException.class)
  ResponseEntity<?> rejected(RequestRejectedException e) {
    return problem(HttpStatus.BAD_REQUEST, RejectedRequests.TITLE, List.of());
  }

  /** A multipart body that cannot be parsed (e.g. NUL in a file name): the client's fault. */
  @ExceptionHandler(MultipartException.class)
  ResponseEntity<?> multipart(MultipartException e) {
    if (e instanceof MaxUploadSizeExceededException) {
      return problem(HttpStatus.PAYLOAD_TOO_LARGE, "上传内容过大", List.of());
    }
    return problem(HttpStatus.BAD_REQUEST, "上传内容无效（multipart 格式或文件名有误）", List.of());
  }

  @ExceptionHandler(ApiError.class)
  ResponseEntity<?> apiError(ApiError e) {
    return problem(e.status(), e.getMessage(), e.fields());
  }

  /**
   * Two people (or a person and a timer, or two nodes) acting on the same case at once: the later
   * one is told, nothing is half-done. Also a conflict when the engine or Spring wrapped it.
   */
  @ExceptionHandler({
    OptimisticLockingException.class,
    MismatchingMessageCorrelationException.class,
    ConcurrencyFailureException.class
  })
  ResponseEntity<?> conflict(RuntimeException e) {
    return problem(HttpStatus.CONFLICT, "该案件刚被他人处理，请刷新后重试", List.of());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<?> unexpected(Exception e) {
    if (Transience.conflict(e)) return conflict(null);
    if (Transience.databaseUnavailable(e)) {
      // The database is restarting or unreachable: nothing was done; retry, on any node.
      log.warn("database unavailable: {}", e.toString());
      ResponseEntity<?> r = problem(HttpStatus.SERVICE_UNAVAILABLE, "系统暂时不可用，请稍后重试", List.of());
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
            .map(f -> new ApiError.FieldMessage(f.getField(), message(f)))
            .toList();
    return cast(problem(HttpStatus.BAD_REQUEST, "请求内容有误", fields));
  }

  /** A binding failure's default message names Java types: say it in Chinese instead. */
  private static String message(FieldError f) {
    if (!f.isBindingFailure()) return f.getDefaultMessage();
    String refused =
        refusal(
            f.contains(TypeMismatchException.class) ? f.unwrap(TypeMismatchException.class) : null);
    return refused != null ? refused : "取值无效";
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException e, HttpHeaders h, HttpStatusCode s, WebRequest r) {
    String field =
        e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
    String refused = refusal(e);
    return cast(
        problem(
            HttpStatus.BAD_REQUEST,
            "请求内容有误",
            List.of(
                new ApiError.FieldMessage(
                    field == null ? "参数" : field, refused != null ? refused : "取值无效"))));
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException e, HttpHeaders h, HttpStatusCode s, WebRequest r) {
    return cast(
        problem(
            HttpStatus.BAD_REQUEST,
            "请求内容有误",
            List.of(new ApiError.FieldMessage(e.getParameterName(), "缺少此参数"))));
  }

  /** The message of a {@link TextInput.Refused} in the cause chain, or null. */
  private static String refusal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TextInput.Refused refused) return refused.getMessage();
    }
    return null;
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e, HttpHeaders h, HttpStatusCode s, WebRequest r) {
    if (e.getCause() instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
      String field =
          m.getPath().stream()
              .map(p -> p.getFieldName() != null ? p.getFieldName() : "[" + p.getIndex() + "]")
              .collect(Collectors.joining("."));
      String message = refusal(m) != null ? refusal(m) : "取值无效";
      if (m instanceof InvalidFormatException f
          && f.getTargetType() != null
          && f.getTargetType().isEnum()) {
        message =
            "取值无效，可选："
                + Arrays.stream(f.getTargetType().getEnumConstants())
                    .map(Object::toString)
                    .collect(Collectors.joining(", "));
      }
      return cast(
          problem(
              HttpStatus.BAD_REQUEST,
              "请求内容有误",
              List.of(new ApiError.FieldMessage(field, message))));
    }
    return cast(problem(HttpStatus.BAD_REQUEST, "请求体不是有效的 JSON", List.of()));
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception e, Object body, HttpHeaders h, HttpStatusCode s, WebRequest r) {
    // Spring's own refusals (404, 405, 406, 413, 415, ...) keep their status, without internals.
    String title =
        HttpStatus.resolve(s.value()) == null
            ? "请求被拒绝"
            : HttpStatus.resolve(s.value()).getReasonPhrase();
    HttpServletRequest request = currentRequest();
    for (ErrorAnswer a : answers) {
      if (request != null && a.handles(request)) {
        ResponseEntity<String> shaped = a.answer(request, s.value(), title, List.of());
        HttpHeaders merged = new HttpHeaders();
        if (h != null) merged.putAll(h);
        merged.putAll(shaped.getHeaders());
        return new ResponseEntity<>(shaped.getBody(), merged, s);
      }
    }
    ProblemDetail pd = ProblemDetail.forStatus(s);
    pd.setTitle(title);
    return new ResponseEntity<>(pd, h, s);
  }

  private ResponseEntity<?> problem(
      HttpStatus status, String title, List<ApiError.FieldMessage> fields) {
    HttpServletRequest request = currentRequest();
    for (ErrorAnswer a : answers) {
      if (request != null && a.handles(request))
        return a.answer(request, status.value(), title, fields);
    }
    ProblemDetail pd = ProblemDetail.forStatus(status);
    pd.setTitle(title);
    if (!fields.isEmpty()) pd.setProperty("errors", fields);
    return ResponseEntity.status(status).body(pd);
  }

  private static HttpServletRequest currentRequest() {
    return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
        ? a.getRequest()
        : null;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static ResponseEntity<Object> cast(ResponseEntity<?> r) {
    return (ResponseEntity) r;
  }
}
