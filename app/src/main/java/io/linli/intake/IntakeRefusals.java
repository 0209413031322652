package io.linli.intake;

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
 * with {@code Retry-After}; 413 and 415 for photos, 503 with {@code Retry-After} when this node is
 * already decoding as many photos as it may.
 */
@RestControllerAdvice(basePackages = "io.linli")
@Order(Ordered.HIGHEST_PRECEDENCE)
class IntakeRefusals {

  @ExceptionHandler(QrRateLimit.RateLimited.class)
  ResponseEntity<ProblemDetail> rateLimited(QrRateLimit.RateLimited e) {
    ProblemDetail pd = ProblemDetail.forStatus(HttpStatus.TOO_MANY_REQUESTS);
    pd.setTitle(e.getMessage());
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
        .body(pd);
  }

  /** Too many photos being decoded at once on this node: the server is busy, so 503, not 429. */
  @ExceptionHandler(PhotoDecoder.Busy.class)
  ResponseEntity<ProblemDetail> decodersBusy(PhotoDecoder.Busy e) {
    ProblemDetail pd = ProblemDetail.forStatus(HttpStatus.SERVICE_UNAVAILABLE);
    pd.setTitle(e.getMessage());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "2").body(pd);
  }

  @ExceptionHandler(CasePhotos.Refused.class)
  ResponseEntity<ProblemDetail> photoRefused(CasePhotos.Refused e) {
    ProblemDetail pd = ProblemDetail.forStatus(e.getStatusCode());
    pd.setTitle(e.getReason());
    return ResponseEntity.status(e.getStatusCode()).body(pd);
  }
}
