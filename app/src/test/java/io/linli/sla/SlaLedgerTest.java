package io.linli.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linli.LinliSpringTest;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Integration tier (PostgreSQL): the ledger is append-only and writes a breach once. */
@LinliSpringTest
class SlaLedgerTest {

  @Autowired SlaLedger ledger;
  @Autowired JdbcClient jdbc;

  private SlaLedger.Breach breach(String caseNo, int level) {
    return new SlaLedger.Breach(
        "GRIEVANCE",
        1L,
        caseNo,
        "tfsq",
        "GRIEVANCE_RESPOND",
        level,
        Instant.parse("2026-01-01T04:00:00Z"),
        Instant.parse("2026-01-01T04:00:01Z"),
        "group:tfsq-property-staff",
        "pi-1");
  }

  @Test
  @DisplayName("同一案件同一时限同一级别只记一次超时（作业重试不重复记账）")
  void breachWrittenOnce() {
    assertThat(ledger.recordBreach(breach("LEDGER-TEST-1", 1))).isTrue();
    assertThat(ledger.recordBreach(breach("LEDGER-TEST-1", 1))).isFalse();
    assertThat(ledger.recordBreach(breach("LEDGER-TEST-1", 2))).as("next level").isTrue();
    assertThat(ledger.entriesOf("LEDGER-TEST-1")).hasSize(2);
  }

  @Test
  @DisplayName("台账只增不改：UPDATE 和 DELETE 被数据库拒绝")
  void appendOnly() {
    ledger.recordBreach(breach("LEDGER-TEST-2", 1));
    assertThatThrownBy(
            () ->
                jdbc.sql("update sla_ledger set holder = 'x' where case_no = 'LEDGER-TEST-2'")
                    .update())
        .hasMessageContaining("append-only");
    assertThatThrownBy(
            () -> jdbc.sql("delete from sla_ledger where case_no = 'LEDGER-TEST-2'").update())
        .hasMessageContaining("append-only");
    // retention's one exception: a note set to null, nothing else changed
    assertThatThrownBy(
            () ->
                jdbc.sql("update sla_ledger set note = 'x' where case_no = 'LEDGER-TEST-2'")
                    .update())
        .hasMessageContaining("append-only");
    assertThatThrownBy(
            () ->
                jdbc.sql(
                        "update sla_ledger set note = null, holder = 'x' where case_no = 'LEDGER-TEST-2'")
                    .update())
        .hasMessageContaining("append-only");
    org.assertj.core.api.Assertions.assertThat(
            jdbc.sql("update sla_ledger set note = null where case_no = 'LEDGER-TEST-2'").update())
        .isPositive();
    assertThat(ledger.entriesOf("LEDGER-TEST-2"))
        .singleElement()
        .extracting(SlaLedger.Entry::holder)
        .isEqualTo("group:tfsq-property-staff");
  }
}
