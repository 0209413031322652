package io.linli.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.linli.LinliSpringTest;
import io.linli.caselog.CaseLog;
import io.linli.caselog.CommonEvent;
import io.linli.cases.CaseFiles;
import io.linli.sla.SlaLedger;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SLA ledger and the case events are partitioned by the month their case was reported (V51): a
 * case's rows land in its month, the idempotency keys hold there, the coming months exist ahead,
 * and retention drops a month whole once its cases are closed, while the supervision read model
 * keeps that month's figures.
 */
@LinliSpringTest
class PartitioningTest {

  static final YearMonth MONTH = YearMonth.of(2019, 3); // before any other test's cases

  @Autowired PartitionMaintenance partitions;
  @Autowired CaseFiles caseFiles;
  @Autowired CaseLog caseLog;
  @Autowired SlaLedger ledger;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  @DisplayName("按月分区：案件的台账和事件进入受理当月的分区，幂等键仍然有效；未来12个月的分区已预建")
  void rowsLandInTheirCasesMonth() {
    String caseNo = oldCase();
    ledger.recordBreach(breach(caseNo));
    assertThat(ledger.recordBreach(breach(caseNo))).as("a retried breach").isFalse();
    caseLog.record("GRIEVANCE", caseNo, CommonEvent.ESCALATED, "系统", null);

    assertThat(partitionOf("sla_ledger", caseNo)).containsOnly("sla_ledger_201903");
    assertThat(partitionOf("case_event", caseNo)).containsOnly("case_event_201903");
    YearMonth ahead = YearMonth.now(Times.BEIJING).plusMonths(12);
    assertThat(exists(PartitionMaintenance.partition("sla_ledger", ahead))).isTrue();
    assertThat(exists(PartitionMaintenance.partition("case_event", ahead))).isTrue();
  }

  @Test
  @DisplayName("保存期满按月整块删除分区：当月仍有未结案件时保留；删除后督查汇总仍在")
  void retentionDropsAClosedMonth() {
    String caseNo = oldCase();
    ledger.recordBreach(breach(caseNo));
    caseLog.record("GRIEVANCE", caseNo, CommonEvent.ESCALATED, "系统", null);

    assertThat(partitions.dropBefore(MONTH.plusMonths(1)))
        .as("a case of the month is open")
        .isEmpty();
    assertThat(exists("sla_ledger_201903")).isTrue();

    closeAllOf(MONTH);
    assertThat(partitions.dropBefore(MONTH.plusMonths(1))).containsExactly(MONTH);
    assertThat(exists("sla_ledger_201903")).isFalse();
    assertThat(exists("case_event_201903")).isFalse();
    assertThat(count("select count(*) from sla_ledger where case_no = ?", caseNo)).isZero();
    assertThat(count("select count(*) from case_event where case_no = ?", caseNo)).isZero();
    assertThat(count("select count(*) from case_outcome where case_no = ?", caseNo))
        .as("the closed case's outcome stays in the read model")
        .isOne();
    assertThat(count("select count(*) from breach_state where case_no = ?", caseNo)).isOne();
    partitions.ensure(MONTH, MONTH); // for the other test, in whatever order they run
  }

  private String oldCase() {
    partitions.ensure(MONTH, MONTH);
    String caseNo = "GR-PT-" + UUID.randomUUID().toString().substring(0, 8);
    caseFiles.open(
        new CaseFiles.NewCase(
            "GRIEVANCE",
            Math.abs(caseNo.hashCode()),
            caseNo,
            "tfsq",
            null,
            null,
            "FACILITY",
            "FACILITY",
            null,
            "REPORTED",
            Instant.parse("2019-03-15T02:00:00Z"),
            null,
            null,
            null));
    return caseNo;
  }

  private void closeAllOf(YearMonth m) {
    for (var row :
        jdbc.sql(
                """
            select flow, case_id from case_file where closed_at is null
              and reported_at >= '2019-03-01T00:00+08' and reported_at < '2019-04-01T00:00+08'""")
            .query()
            .listOfRows()) {
      caseFiles.close(
          (String) row.get("flow"),
          ((Number) row.get("case_id")).longValue(),
          "CLOSED",
          Instant.parse("2019-03-20T02:00:00Z"));
    }
  }

  private SlaLedger.Breach breach(String caseNo) {
    return new SlaLedger.Breach(
        "GRIEVANCE",
        1L,
        caseNo,
        "tfsq",
        "GRIEVANCE_RESPOND",
        1,
        Instant.parse("2019-03-15T06:00:00Z"),
        Instant.parse("2019-03-15T06:00:01Z"),
        "group:tfsq-property-staff",
        null);
  }

  private java.util.List<String> partitionOf(String table, String caseNo) {
    return jdbc.sql("select distinct tableoid::regclass::text from " + table + " where case_no = ?")
        .param(caseNo)
        .query(String.class)
        .list();
  }

  private boolean exists(String table) {
    return jdbc.sql("select to_regclass(?) is not null").param(table).query(Boolean.class).single();
  }

  private long count(String sql, String caseNo) {
    return jdbc.sql(sql).param(caseNo).query(Long.class).single();
  }
}
