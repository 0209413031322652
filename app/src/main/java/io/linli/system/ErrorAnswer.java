package io.linli.system;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.ResponseEntity;

/**
 * A part of the API whose refusals have a shape of their own (Open311's {@code [{"code",
 * "description"}]}): {@link ApiExceptionHandler} and {@link RejectedRequests} answer through it for
 * the requests it {@link #handles}, whatever refused them — the controller, Spring MVC (404, 405,
 * 413, 415) or the request screening before it.
 */
public interface ErrorAnswer {

  boolean handles(HttpServletRequest request);

  ResponseEntity<String> answer(
      HttpServletRequest request, int status, String title, List<ApiError.FieldMessage> fields);
}
