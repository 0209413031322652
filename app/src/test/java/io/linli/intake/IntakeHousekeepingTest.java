package io.linli.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.linli.LinliSpringTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Integration tier: idempotency keys and QR windows are forgotten once no retry or limit needs
 * them.
 */
@LinliSpringTest
class IntakeHousekeepingTest {

  @Autowired IntakeHousekeeping housekeeping;
  @Autowired JdbcClient jdbc;

  @Test
  @DisplayName("超过保留期（默认7天）的幂等键和已结束的扫码计数窗口被清除，其余保留")
  void oldKeysAndEndedWindowsArePurged() {
    Instant now = Instant.parse("2030-01-10T00:00:00Z");
    String old = UUID.randomUUID().toString();
    String recent = UUID.randomUUID().toString();
    key(old, now.minus(Duration.ofDays(7)).minusSeconds(1));
    key(recent, now.minus(Duration.ofDays(6)));
    window("tfsq.old", now.minus(Duration.ofMinutes(11)));
    window("tfsq.current", now.minus(Duration.ofMinutes(3)));

    housekeeping.purge(now);

    assertThat(
            jdbc.sql("select idem_key from idempotency_key where idem_key in (?, ?)")
                .params(old, recent)
                .query(String.class)
                .list())
        .containsExactly(recent);
    assertThat(
            jdbc.sql("select qr_code from qr_submission_window where qr_code like 'tfsq.%'")
                .query(String.class)
                .list())
        .containsExactly("tfsq.current");
  }

  private void key(String key, Instant at) {
    jdbc.sql(
            """
            insert into idempotency_key (scope, idem_key, request_hash, response_status, response_body, created_at)
            values ('grievance', ?, 'x', 201, '{}', ?)""")
        .params(key, Timestamp.from(at))
        .update();
  }

  private void window(String code, Instant start) {
    jdbc.sql(
            """
            insert into qr_submission_window (qr_code, client_addr, window_start, submissions)
            values (?, '192.0.2.1', ?, 1)""")
        .params(code, Timestamp.from(start))
        .update();
  }
}
