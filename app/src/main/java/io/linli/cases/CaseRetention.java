package io.linli.cases;

import io.linli.caselog.CaseLog;
import io.linli.intake.CasePhotos;
import io.linli.intake.WatchTokens;
import io.linli.sla.SlaLedger;
import io.linli.sla.SlaPauses;
import io.linli.system.Times;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention of residents' personal data (PIPL), per kind ({@link PersonalData}): once a case has
 * been closed longer than a kind's retention ({@code linli.retention.contacts}, {@code photos},
 * {@code free-text}, {@code notification-bodies}; each defaults to {@code
 * linli.retention.personal-data}, P180D), that kind is purged in one transaction: the case layer's
 * own columns, the mechanisms it calls (photos, watch tokens, case-log notes, ledger notes, the
 * engine's variables and history) and every registered {@link RetentionTarget} (notifications, each
 * flow's tables). Which kinds are done is recorded per case ({@code case_retention_purge}); when
 * all are, {@code personal_data_purged_at} is set. The case itself (flow, status, dates, ratings)
 * and the SLA ledger stay for the statistics. Runs nightly on every node ({@code
 * linli.retention.cron}); batches lock their rows ({@code FOR UPDATE SKIP LOCKED}), so nodes share
 * the work. Integration tier: RetentionTest.
 */
@Component
public class CaseRetention {

  private static final Logger log = LoggerFactory.getLogger(CaseRetention.class);
  private static final int BATCH = 200;

  /** The kinds counted from the day a case closed. */
  static final List<PersonalData> CASE_KINDS =
      List.of(
          PersonalData.CONTACTS,
          PersonalData.PHOTOS,
          PersonalData.FREE_TEXT,
          PersonalData.NOTIFICATION_BODIES);

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final CasePhotos photos;
  private final WatchTokens tokens;
  private final CaseLog caseLog;
  private final SlaLedger ledger;
  private final SlaPauses pauses;
  private final EngineHistoryRetention engine;
  private final List<RetentionTarget> targets;
  private final Map<PersonalData, Duration> retention = new EnumMap<>(PersonalData.class);

  CaseRetention(
      JdbcClient jdbc,
      TransactionTemplate tx,
      CasePhotos photos,
      WatchTokens tokens,
      CaseLog caseLog,
      SlaLedger ledger,
      SlaPauses pauses,
      EngineHistoryRetention engine,
      List<RetentionTarget> targets,
      Environment env) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.photos = photos;
    this.tokens = tokens;
    this.caseLog = caseLog;
    this.ledger = ledger;
    this.pauses = pauses;
    this.engine = engine;
    this.targets = List.copyOf(targets);
    String fallback = env.getProperty("linli.retention.personal-data", "P180D");
    for (PersonalData k : CASE_KINDS) {
      retention.put(
          k, PersonalData.parse(k.key(), env.getProperty("linli.retention." + k.key(), fallback)));
    }
  }

  /** The retention of a kind of data bound to cases. */
  public Duration retentionOf(PersonalData kind) {
    Duration d = retention.get(kind);
    if (d == null)
      throw new IllegalArgumentException(kind + " is not counted from a case's closing");
    return d;
  }

  private record Expired(long id, String flow, String caseNo, Instant closedAt) {}

  @Scheduled(cron = "${linli.retention.cron:0 30 2 * * *}", zone = "Asia/Shanghai")
  void nightly() {
    try {
      int n = purge();
      if (n > 0) log.info("retention: personal data of {} closed cases purged", n);
    } catch (RuntimeException e) {
      log.warn("retention purge failed; the next run retries: {}", e.toString());
    }
  }

  /** Purges every kind whose retention ran out for a closed case; how many cases were touched. */
  public int purge() {
    Instant now = Times.now();
    Map<PersonalData, Instant> cutoffs = new EnumMap<>(PersonalData.class);
    retention.forEach((k, d) -> cutoffs.put(k, now.minus(d)));
    int total = 0;
    int n;
    do {
      n = batch(cutoffs);
      total += n;
    } while (n == BATCH);
    return total;
  }

  private int batch(Map<PersonalData, Instant> cutoffs) {
    Integer n =
        tx.execute(
            s -> {
              List<String> due = new ArrayList<>();
              Map<String, Object> params = new HashMap<>();
              Instant latest = Instant.MIN;
              for (var e : cutoffs.entrySet()) {
                String p = e.getKey().name().toLowerCase(java.util.Locale.ROOT);
                due.add(
                    "(c.closed_at < :"
                        + p
                        + " and not exists (select 1 from case_retention_purge p"
                        + " where p.case_no = c.case_no and p.kind = '"
                        + e.getKey().name()
                        + "'))");
                params.put(p, Timestamp.from(e.getValue()));
                if (e.getValue().isAfter(latest)) latest = e.getValue();
              }
              params.put("latest", Timestamp.from(latest));
              params.put("batch", BATCH);
              List<Expired> cases =
                  jdbc.sql(
                          "select c.id, c.flow, c.case_no, c.closed_at from case_file c"
                              + " where c.closed_at < :latest and c.personal_data_purged_at is null and ("
                              + String.join(" or ", due)
                              + ") order by c.closed_at limit :batch for update of c skip locked")
                      .params(params)
                      .query(
                          (rs, i) ->
                              new Expired(
                                  rs.getLong(1),
                                  rs.getString(2),
                                  rs.getString(3),
                                  rs.getTimestamp(4).toInstant()))
                      .list();
              for (Expired c : cases) {
                Set<String> done =
                    new HashSet<>(
                        jdbc.sql("select kind from case_retention_purge where case_no = ?")
                            .param(c.caseNo())
                            .query(String.class)
                            .list());
                for (PersonalData kind : CASE_KINDS) {
                  if (done.contains(kind.name()) || !c.closedAt().isBefore(cutoffs.get(kind)))
                    continue;
                  purge(kind, c);
                  jdbc.sql(
                          "insert into case_retention_purge (case_no, kind, purged_at) values (?, ?, ?) on conflict do nothing")
                      .params(c.caseNo(), kind.name(), Timestamp.from(Times.now()))
                      .update();
                  done.add(kind.name());
                }
                if (done.size() == CASE_KINDS.size()) {
                  jdbc.sql("update case_file set personal_data_purged_at = ? where id = ?")
                      .params(Timestamp.from(Times.now()), c.id())
                      .update();
                }
              }
              return cases.size();
            });
    return n == null ? 0 : n;
  }

  private void purge(PersonalData kind, Expired c) {
    switch (kind) {
      case CONTACTS -> {
        jdbc.sql(
                """
                update case_file set contact_name_enc = null, contact_phone_enc = null,
                  legacy_contact_name = null, legacy_contact_phone = null
                where id = ?""")
            .param(c.id())
            .update();
        tokens.revokeAll(c.caseNo());
      }
      case PHOTOS -> photos.deleteAll(c.flow(), c.caseNo());
      case FREE_TEXT -> {
        caseLog.clearNotes(c.flow(), c.caseNo());
        ledger.clearNotes(c.flow(), c.caseNo());
        pauses.clearReasons(c.flow(), c.caseNo());
        engine.eraseFreeText(c.caseNo());
      }
      default -> {}
    }
    for (RetentionTarget t : targets) t.purge(kind, c.flow(), c.caseNo());
  }
}
