package io.linli.notification;

import io.linli.intake.WatchTokens;
import io.linli.system.ApiError;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/cases/{flow}/{caseNo}/events?token=…}: the live-update stream of one case, for
 * the holder of the watch token the tracking API hands out after checking the phone.
 */
@RestController
class LiveUpdatesController {

  private final LiveUpdates updates;
  private final WatchTokens tokens;

  LiveUpdatesController(LiveUpdates updates, WatchTokens tokens) {
    this.updates = updates;
    this.tokens = tokens;
  }

  @GetMapping(
      path = "/api/cases/{flow}/{caseNo}/events",
      produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter events(
      @PathVariable String flow,
      @PathVariable String caseNo,
      @RequestParam String token,
      @RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId) {
    String f = flow.toUpperCase(Locale.ROOT).replace('-', '_');
    if (!tokens.opens(flow, caseNo, token)) throw ApiError.notFound("没有这个案件：" + caseNo);
    return updates.watch(f, caseNo, lastEventId);
  }
}
