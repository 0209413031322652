package io.linli.intake;

import io.linli.system.ErrorAnswer;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Intake refusals as problem+json with a Chinese title, ahead of the app's catch-all handler: 429
 * with {@code Retry-After} past a rate limit (in Open311's own shape there, {@link ErrorAnswer});
 * 413 and 415 for photos, 503 with {@code Retry-After} when this node is already decoding as many
 * photos as it may.
 */
@RestControllerAdvice(basePackages = "io.linli")
@Order(Ordered.HIGHEST_PRECEDENCE)
class IntakeRefusals {

  private final List<ErrorAnswer> answers;

  IntakeRefusals(List<ErrorAnswer> answers) {
    this.answers = answers;
  }

  @ExceptionHandler(RateLimited.class)
  ResponseEntity<?> rateLimited(RateLimited e, HttpServletRequest request) {
    String retryAfter = Long.toString(e.retryAfterSeconds());
    for (ErrorAnswer a : answers) {
      if (a.handles(request)) {
        ResponseEntity<String> shaped = a.answer(request, 429, e.getMessage(), List.of());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
            .headers(shaped.getHeaders())
            .header(HttpHeaders.RETRY_AFTER, retryAfter)
            .body(shaped.getBody());
      }
    }
    ProblemDetail pd = ProblemDetail.forStatus(HttpStatus.TOO_MANY_REQUESTS);
    pd.setTitle(e.getMessage());
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header(HttpHeaders.RETRY_AFTER, retryAfter)
        .body(pd);
  }

  /** Too many photos being decoded at once on this node: the server is busy, so 503, not 429. */
  @ExceptionHandler(PhotoDecoder.Busy.class)
  ResponseEntity<ProblemDetail> decodersBusy(PhotoDecoder.Busy e) {
    ProblemDetail pd = ProblemDetail.forStatus(HttpStatus.SERVICE_UNAVAILABLE);
    pd.setTitle(e.getMessage());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "2")
        .body(pd);
  }

  @ExceptionHandler(CasePhotos.Refused.class)
  ResponseEntity<ProblemDetail> photoRefused(CasePhotos.Refused e) {
    ProblemDetail pd = ProblemDetail.forStatus(e.getStatusCode());
    pd.setTitle(e.getReason());
    return ResponseEntity.status(e.getStatusCode()).body(pd);
  }
}
