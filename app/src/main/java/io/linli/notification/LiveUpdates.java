package io.linli.notification;

import io.linli.caselog.CaseLog;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events for the resident page. The source is the shared case_event table, polled by
 * every node for the cases its own connections watch: an event recorded on any node reaches a page
 * connected to any node. The only memory is this node's open connections and how far each has read;
 * the SSE event id is the case_event id, so a reconnecting browser (Last-Event-ID) resumes where it
 * stopped, on whichever node it lands.
 */
@Component
class LiveUpdates {

  private static final long TIMEOUT_MS = 30 * 60 * 1000L;

  private final JdbcClient jdbc;
  private final CaseLog caseLog;
  private final Map<String, List<Watcher>> watchers = new ConcurrentHashMap<>();

  LiveUpdates(JdbcClient jdbc, CaseLog caseLog) {
    this.jdbc = jdbc;
    this.caseLog = caseLog;
  }

  private static final class Watcher {
    final SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
    volatile long lastId;

    Watcher(long lastId) {
      this.lastId = lastId;
    }
  }

  record Update(long id, String event, String label, String actorRole, String at) {}

  SseEmitter watch(String flow, String caseNo, Long lastEventId) {
    long from =
        lastEventId != null
            ? lastEventId
            : jdbc.sql("select coalesce(max(id), 0) from case_event where flow = ? and case_no = ?")
                .params(flow, caseNo)
                .query(Long.class)
                .single();
    Watcher w = new Watcher(from);
    String key = flow + ":" + caseNo;
    watchers.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(w);
    Runnable remove =
        () ->
            watchers.computeIfPresent(
                key,
                (k, l) -> {
                  l.remove(w);
                  return l.isEmpty() ? null : l;
                });
    w.emitter.onCompletion(remove);
    w.emitter.onTimeout(remove);
    w.emitter.onError(e -> remove.run());
    try {
      w.emitter.send(SseEmitter.event().comment("watching " + caseNo).reconnectTime(3000));
    } catch (IOException e) {
      remove.run();
    }
    return w.emitter;
  }

  @Scheduled(fixedDelayString = "${linli.notification.live-poll-interval:PT1S}")
  void push() {
    watchers.forEach(
        (key, list) -> {
          String[] fc = key.split(":", 2);
          long from = list.stream().mapToLong(w -> w.lastId).min().orElse(Long.MAX_VALUE);
          List<Update> updates =
              jdbc.sql(
                      """
              select id, event_type, actor_role, occurred_at from case_event
              where flow = ? and case_no = ? and id > ? order by id""")
                  .params(fc[0], fc[1], from)
                  .query(
                      (rs, n) ->
                          new Update(
                              rs.getLong(1),
                              rs.getString(2),
                              caseLog.kind(fc[0], rs.getString(2)).label(),
                              rs.getString(3),
                              rs.getTimestamp(4).toInstant().toString()))
                  .list();
          for (Watcher w : list) {
            for (Update u : updates) {
              if (u.id() <= w.lastId) continue;
              try {
                w.emitter.send(SseEmitter.event().id(Long.toString(u.id())).name("case").data(u));
                w.lastId = u.id();
              } catch (IOException | IllegalStateException e) {
                w.emitter.completeWithError(e);
                break;
              }
            }
          }
        });
  }

  /**
   * On shutdown every open stream is completed at once (before the web server's graceful shutdown,
   * which would otherwise wait for these endless requests); browsers reconnect, to another node if
   * need be, and resume from their Last-Event-ID.
   */
  @EventListener(ContextClosedEvent.class)
  void closeAll() {
    watchers.values().forEach(l -> l.forEach(w -> w.emitter.complete()));
    watchers.clear();
  }

  int watching() {
    return watchers.values().stream().mapToInt(List::size).sum();
  }
}
