package io.linli.testflow;

import io.linli.caselog.CaseLog;
import io.linli.cases.CaseFiles;
import io.linli.community.Location;
import io.linli.community.Locations;
import io.linli.intake.PhoneNumbers;
import io.linli.intake.WatchTokens;
import io.linli.notification.NotifyChannel;
import io.linli.notification.Subscriptions;
import io.linli.system.Times;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The test flow's intake and its one completion rule, written only against the case layer's public
 * API: case_file, the case log, subscriptions, watch tokens. It keeps no table of its own.
 */
@Service("dailyChecks")
@ConditionalOnProperty(name = "linli.test-flow", havingValue = "true")
class DailyChecks implements TaskListener {

  private final Locations locations;
  private final CaseFiles files;
  private final CaseLog caseLog;
  private final Subscriptions subscriptions;
  private final WatchTokens tokens;
  private final RuntimeService runtime;
  private final JdbcClient jdbc;

  DailyChecks(
      Locations locations,
      CaseFiles files,
      CaseLog caseLog,
      Subscriptions subscriptions,
      WatchTokens tokens,
      RuntimeService runtime,
      JdbcClient jdbc) {
    this.locations = locations;
    this.files = files;
    this.caseLog = caseLog;
    this.subscriptions = subscriptions;
    this.tokens = tokens;
    this.runtime = runtime;
    this.jdbc = jdbc;
  }

  record Receipt(String caseNo, String watchToken) {}

  @Transactional
  Receipt report(String community, String estate, String phone) {
    Location where = locations.locate(community, estate, null);
    String e164 = PhoneNumbers.toE164("contactPhone", phone);
    long id =
        jdbc.sql("select coalesce(max(case_id), 0) + 1 from case_file where flow = ?")
            .param(DailyCheckFlow.KEY)
            .query(Long.class)
            .single();
    String caseNo = String.format("XC-2026-%06d", id);
    Instant now = Times.now();
    files.open(
        new CaseFiles.NewCase(
            DailyCheckFlow.KEY,
            id,
            caseNo,
            community,
            where.estateId(),
            null,
            "ROUTINE",
            null,
            null,
            "OPEN",
            now,
            null,
            e164,
            null));
    subscriptions.subscribeChosen(
        DailyCheckFlow.KEY, caseNo, Set.of(NotifyChannel.SMS), e164, null);
    var pi =
        runtime.startProcessInstanceByKey(
            "Process_DailyCheck",
            caseNo,
            Map.of(
                "caseId",
                id,
                "caseNo",
                caseNo,
                "communityCode",
                community,
                "reportedAt",
                Date.from(now),
                "summary",
                "例行巡查",
                "locationLabel",
                where.label()));
    files.setProcessInstance(DailyCheckFlow.KEY, id, pi.getId());
    caseLog.record(DailyCheckFlow.KEY, caseNo, DailyCheckEvent.REPORTED, "网格员", null);
    return new Receipt(caseNo, tokens.issue(caseNo));
  }

  /** Task_Check completed: the case is done. */
  @Override
  public void notify(DelegateTask task) {
    long id = ((Number) task.getVariable("caseId")).longValue();
    String caseNo = (String) task.getVariable("caseNo");
    files.close(DailyCheckFlow.KEY, id, "CLOSED", Times.now());
    caseLog.record(DailyCheckFlow.KEY, caseNo, DailyCheckEvent.CHECKED, "网格员", null);
  }
}
