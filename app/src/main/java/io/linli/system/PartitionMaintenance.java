package io.linli.system;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The monthly partitions of the SLA ledger and the case events (V51), by the month a case was
 * reported: the coming months' partitions are made ahead (at start-up and daily, on one node at a
 * time), and with {@code linli.partitions.retain-months} above 0 the months older than that are
 * dropped whole — a month only once every case reported in it is closed. The supervision read model
 * keeps those months' figures.
 */
@Component
public class PartitionMaintenance {

  private static final Logger log = LoggerFactory.getLogger(PartitionMaintenance.class);
  static final List<String> TABLES = List.of("sla_ledger", "case_event");
  private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMM");

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final int monthsAhead;
  private final int retainMonths;

  PartitionMaintenance(
      JdbcClient jdbc,
      TransactionTemplate tx,
      @Value("${linli.partitions.months-ahead:12}") int monthsAhead,
      @Value("${linli.partitions.retain-months:0}") int retainMonths) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.monthsAhead = monthsAhead;
    this.retainMonths = retainMonths;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Scheduled(cron = "${linli.partitions.cron:0 17 3 * * *}", zone = "Asia/Shanghai")
  void maintain() {
    YearMonth now = YearMonth.now(Times.BEIJING);
    ensure(now, now.plusMonths(monthsAhead));
    if (retainMonths > 0) dropBefore(now.minusMonths(retainMonths));
  }

  /** Creates the missing partitions of the months from {@code first} to {@code last}. */
  public void ensure(YearMonth first, YearMonth last) {
    tx.executeWithoutResult(
        status -> {
          lock();
          jdbc.sql("select linli_ensure_month_partitions(?, ?)")
              .params(first.atDay(1), last.atDay(1))
              .query()
              .singleRow();
        });
  }

  /**
   * Drops the partitions of the months before {@code cutoff}, oldest first, stopping at the first
   * month that still has an open case.
   *
   * @return the months dropped
   */
  public List<YearMonth> dropBefore(YearMonth cutoff) {
    List<YearMonth> dropped = new ArrayList<>();
    for (YearMonth m : monthsBefore(cutoff)) {
      boolean done =
          Boolean.TRUE.equals(
              tx.execute(
                  status -> {
                    lock();
                    boolean open =
                        jdbc.sql(
                                """
                select exists (select 1 from case_file where closed_at is null
                  and reported_at >= ? and reported_at < ?)""")
                            .params(start(m), start(m.plusMonths(1)))
                            .query(Boolean.class)
                            .single();
                    if (open) return false;
                    for (String t : TABLES)
                      jdbc.sql("drop table if exists " + partition(t, m)).update();
                    jdbc.sql(
                            """
                insert into ledger_retention (retained_from) values (?)
                on conflict (id) do update set
                  retained_from = greatest(ledger_retention.retained_from, excluded.retained_from)""")
                        .param(m.plusMonths(1).atDay(1))
                        .update();
                    return true;
                  }));
      if (!done) {
        log.info("Partitions of {} kept: a case reported then is still open", m);
        break;
      }
      dropped.add(m);
      log.info("Partitions of {} dropped (retention)", m);
    }
    return dropped;
  }

  /** The months that have a partition, before {@code cutoff}, oldest first. */
  List<YearMonth> monthsBefore(YearMonth cutoff) {
    return jdbc
        .sql(
            """
            select substring(c.relname from '(\\d{6})$') from pg_inherits i
            join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent
            where p.relname = 'sla_ledger' and c.relname ~ '_\\d{6}$' order by 1""")
        .query(String.class)
        .list()
        .stream()
        .map(s -> YearMonth.parse(s, SUFFIX))
        .filter(m -> m.isBefore(cutoff))
        .toList();
  }

  static String partition(String table, YearMonth m) {
    return table + "_" + m.format(SUFFIX);
  }

  private static java.sql.Timestamp start(YearMonth m) {
    return java.sql.Timestamp.from(m.atDay(1).atStartOfDay(Times.BEIJING).toInstant());
  }

  private void lock() {
    jdbc.sql("select pg_advisory_xact_lock(hashtext('linli-partitions'))").query().singleRow();
  }
}
