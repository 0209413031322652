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
 * with {@code Retry-After}; 413 and 415 for photos.
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

  @ExceptionHandler(CasePhotos.Refused.class)
  ResponseEntity<ProblemDetail> photoRefused(CasePhotos.Refused e) {
    ProblemDetail pd = ProblemDetail.forStatus(e.getStatusCode());
    pd.setTitle(e.getReason());
    return ResponseEntity.status(e.getStatusCode()).body(pd);
  }
}
