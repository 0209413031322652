package io.linli.supervision;

import io.linli.cases.CaseFileChanged;
import io.linli.sla.LedgerEntryWritten;
import io.linli.system.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the supervision read model (V50) in step with the cases and the SLA ledger, in the
 * transaction that changes them: a case's outcome row and its contribution to the day and month
 * roll-ups when it closes, is rated, or a commitment clock starts or stops; a breach's row when its
 * clock breaches, its 督办 is done or the clock stops. {@link #rebuild()} recomputes everything from
 * case_file and sla_ledger with the same rules, for an upgraded database or after a repair.
 */
@Component
class SupervisionReadModel {

  private static final Logger log = LoggerFactory.getLogger(SupervisionReadModel.class);

  private final JdbcClient jdbc;
  private final JdbcTemplate streaming;
  private final TransactionTemplate tx;
  private final CountedClocks clocks;

  SupervisionReadModel(
      JdbcClient jdbc, JdbcTemplate template, TransactionTemplate tx, CountedClocks clocks) {
    this.jdbc = jdbc;
    this.streaming = new JdbcTemplate(Objects.requireNonNull(template.getDataSource()));
    this.streaming.setFetchSize(2_000);
    this.tx = tx;
    this.clocks = clocks;
  }

  /** What a case counts for in the rates, as of its case_file row and its ledger rows. */
  record Outcome(
      String caseNo,
      String flow,
      String community,
      Long estateId,
      Long companyId,
      Instant reportedAt,
      Instant closedAt,
      boolean late,
      Double respondMinutes,
      Double closeMinutes,
      String rating,
      String followUpRating,
      boolean planned,
      boolean rectified,
      int pauses,
      long pausedSeconds) {

    /** Only closed cases and commitments count; other cases have no row. */
    boolean counts() {
      return closedAt != null || planned;
    }

    /** Its cells: the closing day's closed figures, the reporting day's commitment. */
    List<Cell> cells(int sign) {
      List<Cell> out = new ArrayList<>();
      if (closedAt != null) {
        boolean rated = rating != null && !rating.equals("NONE");
        out.add(
            new Cell(
                new CellKey(day(closedAt), flow, community, estateId, companyId),
                new Counts(
                    sign,
                    late ? 0 : sign,
                    rated ? sign : 0,
                    satisfied(rating) ? sign : 0,
                    followUpRating != null ? sign : 0,
                    satisfied(followUpRating) ? sign : 0,
                    0,
                    0,
                    MinuteHistogram.plus(null, MinuteHistogram.of(respondMinutes), sign),
                    MinuteHistogram.plus(null, MinuteHistogram.of(closeMinutes), sign),
                    sign * pauses,
                    sign * pausedSeconds)));
      }
      if (planned) {
        out.add(
            new Cell(
                new CellKey(day(reportedAt), flow, community, estateId, companyId),
                new Counts(
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    sign,
                    rectified ? sign : 0,
                    new int[MinuteHistogram.SIZE],
                    new int[MinuteHistogram.SIZE],
                    0,
                    0)));
      }
      return out;
    }

    private static boolean satisfied(String rating) {
      return "SATISFIED".equals(rating) || "BASICALLY_SATISFIED".equals(rating);
    }
  }

  record CellKey(LocalDate day, String flow, String community, Long estateId, Long companyId)
      implements Comparable<CellKey> {

    static final Comparator<CellKey> ORDER =
        Comparator.comparing(CellKey::day)
            .thenComparing(CellKey::flow)
            .thenComparing(CellKey::community)
            .thenComparing(CellKey::estateId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(CellKey::companyId, Comparator.nullsFirst(Comparator.naturalOrder()));

    CellKey month() {
      return new CellKey(day.withDayOfMonth(1), flow, community, estateId, companyId);
    }

    @Override
    public int compareTo(CellKey o) {
      return ORDER.compare(this, o);
    }
  }

  record Counts(
      int closed,
      int onTime,
      int rated,
      int satisfied,
      int followedUp,
      int followUpSatisfied,
      int planned,
      int rectified,
      int[] respond,
      int[] close,
      int pauses,
      long pausedSeconds) {

    Counts plus(Counts o) {
      return new Counts(
          closed + o.closed,
          onTime + o.onTime,
          rated + o.rated,
          satisfied + o.satisfied,
          followedUp + o.followedUp,
          followUpSatisfied + o.followUpSatisfied,
          planned + o.planned,
          rectified + o.rectified,
          MinuteHistogram.plus(respond, o.respond, 1),
          MinuteHistogram.plus(close, o.close, 1),
          pauses + o.pauses,
          pausedSeconds + o.pausedSeconds);
    }
  }

  record Cell(CellKey key, Counts counts) {}

  static LocalDate day(Instant at) {
    return LocalDate.ofInstant(at, Times.BEIJING);
  }

  // --- incremental -------------------------------------------------------------------------

  @EventListener
  void on(CaseFileChanged e) {
    switch (e.change()) {
      case CLOSED, RATING, FOLLOW_UP_RATING -> refresh(e.caseNo());
      default -> {}
    }
  }

  @EventListener
  void on(LedgerEntryWritten e) {
    if (!e.event().equals("STARTED")) refreshBreaches(e.flow(), e.caseNo(), e.clock());
    if (clocks.isCommitment(e.clock()) || hasOutcome(e.caseNo())) refresh(e.caseNo());
  }

  private boolean hasOutcome(String caseNo) {
    return jdbc.sql("select 1 from case_outcome where case_no = ?")
            .param(caseNo)
            .query()
            .listOfRows()
            .size()
        == 1;
  }

  /** Recomputes the case's outcome and moves its roll-up contribution from the old to the new. */
  void refresh(String caseNo) {
    jdbc.sql("select pg_advisory_xact_lock(hashtext(?))")
        .param("case_outcome:" + caseNo)
        .query()
        .singleRow();
    Optional<Outcome> old =
        jdbc.sql("select * from case_outcome where case_no = ?")
            .param(caseNo)
            .query(SupervisionReadModel::stored)
            .optional();
    Optional<Outcome> now =
        bindClocks(jdbc.sql(ONE_OUTCOME))
            .param("caseNo", caseNo)
            .query(SupervisionReadModel::stored)
            .optional()
            .filter(Outcome::counts);
    if (old.equals(now)) return;
    Map<CellKey, Counts> delta = new TreeMap<>();
    old.ifPresent(o -> add(delta, o.cells(-1)));
    now.ifPresent(o -> add(delta, o.cells(1)));
    jdbc.sql("delete from case_outcome where case_no = ?").param(caseNo).update();
    now.ifPresent(this::insert);
    Map<CellKey, Counts> months = new TreeMap<>();
    delta.forEach((k, c) -> months.merge(k.month(), c, Counts::plus));
    delta.forEach((k, c) -> upsert("supervision_day", "day", k, c));
    months.forEach((k, c) -> upsert("supervision_month", "month", k, c));
  }

  private static void add(Map<CellKey, Counts> cells, List<Cell> more) {
    for (Cell c : more) cells.merge(c.key(), c.counts(), Counts::plus);
  }

  /** Adds to a cell, then drops the cell if it counts nothing any more. */
  private void upsert(String table, String dayColumn, CellKey k, Counts c) {
    jdbc.sql(
            ("""
            insert into TABLE as t (DAY, flow, community_code, estate_id, company_id, closed, on_time,
              rated, satisfied, followed_up, follow_up_satisfied, planned, rectified, respond_hist,
              close_hist, pauses, paused_seconds)
            values (:day, :flow, :community, :estate, :company, :closed, :onTime, :rated,
              :satisfied, :followedUp, :followUpSatisfied, :planned, :rectified, :respond, :close,
              :pauses, :pausedSeconds)
            on conflict (DAY, flow, community_code, estate_id, company_id) do update set
              closed = t.closed + excluded.closed, on_time = t.on_time + excluded.on_time,
              rated = t.rated + excluded.rated, satisfied = t.satisfied + excluded.satisfied,
              followed_up = t.followed_up + excluded.followed_up,
              follow_up_satisfied = t.follow_up_satisfied + excluded.follow_up_satisfied,
              planned = t.planned + excluded.planned, rectified = t.rectified + excluded.rectified,
              respond_hist = linli_hist_add(t.respond_hist, excluded.respond_hist),
              close_hist = linli_hist_add(t.close_hist, excluded.close_hist),
              pauses = t.pauses + excluded.pauses,
              paused_seconds = t.paused_seconds + excluded.paused_seconds""")
                .replace("TABLE", table)
                .replace("DAY", dayColumn))
        .param("day", k.day())
        .param("flow", k.flow())
        .param("community", k.community())
        .param("estate", k.estateId())
        .param("company", k.companyId())
        .param("closed", c.closed())
        .param("onTime", c.onTime())
        .param("rated", c.rated())
        .param("satisfied", c.satisfied())
        .param("followedUp", c.followedUp())
        .param("followUpSatisfied", c.followUpSatisfied())
        .param("planned", c.planned())
        .param("rectified", c.rectified())
        .param("respond", boxed(c.respond()))
        .param("close", boxed(c.close()))
        .param("pauses", c.pauses())
        .param("pausedSeconds", c.pausedSeconds())
        .update();
    jdbc.sql(
            ("""
            delete from TABLE where DAY = :day and flow = :flow and community_code = :community
              and estate_id is not distinct from :estate and company_id is not distinct from :company
              and closed = 0 and planned = 0""")
                .replace("TABLE", table)
                .replace("DAY", dayColumn))
        .param("day", k.day())
        .param("flow", k.flow())
        .param("community", k.community())
        .param("estate", k.estateId(), java.sql.Types.BIGINT)
        .param("company", k.companyId(), java.sql.Types.BIGINT)
        .update();
  }

  /** The breach rows of the case's clock (both levels), from the ledger. */
  void refreshBreaches(String flow, String caseNo, String clock) {
    jdbc.sql(
            BREACHES
                + " and b.flow = :flow and b.case_no = :caseNo and b.clock = :clock"
                + """

            on conflict (flow, case_no, clock, level) do update set
              supervised_at = excluded.supervised_at, supervised_by = excluded.supervised_by,
              resolved_at = excluded.resolved_at""")
        .param("flow", flow)
        .param("caseNo", caseNo)
        .param("clock", clock)
        .update();
  }

  // --- rebuild -----------------------------------------------------------------------------

  record Rebuilt(long outcomes, long days, long months, long breaches, long millis) {}

  /**
   * Recomputes the read model from case_file and sla_ledger, in one transaction; the tables are
   * locked meanwhile, so supervision reads and case writes wait for it. Cases reported before the
   * months retention dropped from the ledger keep the outcome and breach rows they had: the ledger
   * no longer holds what they were computed from.
   */
  Rebuilt rebuild() {
    return tx.execute(
        status -> {
          long start = System.nanoTime();
          jdbc.sql(
                  "lock table case_outcome, breach_state, supervision_day, supervision_month in exclusive mode")
              .update();
          jdbc.sql("delete from case_outcome where reported_at >= " + RETAINED_FROM).update();
          jdbc.sql(
                  "delete from breach_state b where not exists (select 1 from case_file c"
                      + " where c.case_no = b.case_no and c.reported_at < "
                      + RETAINED_FROM
                      + ")")
              .update();
          jdbc.sql("truncate supervision_day, supervision_month").update();
          long outcomes =
              bindClocks(
                      jdbc.sql(
                          "insert into case_outcome select * from ("
                              + ALL_OUTCOMES
                              + " where c.reported_at >= "
                              + RETAINED_FROM
                              + ") o where o.closed_at is not null or o.planned"))
                  .update();
          Map<CellKey, Counts> days = new TreeMap<>();
          streaming.query(
              "select * from case_outcome order by case_no",
              rs -> {
                add(days, stored(rs, 0).cells(1));
              });
          Map<CellKey, Counts> months = new TreeMap<>();
          days.forEach((k, c) -> months.merge(k.month(), c, Counts::plus));
          days.forEach((k, c) -> upsert("supervision_day", "day", k, c));
          months.forEach((k, c) -> upsert("supervision_month", "month", k, c));
          long breaches =
              jdbc.sql(
                      BREACHES
                          + " order by b.id on conflict (flow, case_no, clock, level) do nothing")
                  .update();
          return new Rebuilt(
              outcomes,
              days.size(),
              months.size(),
              breaches,
              (System.nanoTime() - start) / 1_000_000);
        });
  }

  /** The first instant whose cases the ledger still holds in full (retention, V51). */
  private static final String RETAINED_FROM =
      "coalesce((select r.retained_from::timestamp at time zone"
          + " 'Asia/Shanghai' from ledger_retention r), '-infinity'::timestamptz)";

  /** A database upgraded from before the read model: fill it once, on one node. */
  @EventListener(ApplicationReadyEvent.class)
  void fillIfEmpty() {
    Boolean needed =
        tx.execute(
            status -> {
              jdbc.sql("select pg_advisory_xact_lock(hashtext('supervision-read-model'))")
                  .query()
                  .singleRow();
              return jdbc.sql(
                      """
              select not exists (select 1 from case_outcome) and not exists (select 1 from breach_state)
                and (exists (select 1 from case_file where closed_at is not null)
                     or exists (select 1 from sla_ledger where event = 'BREACHED'))""")
                  .query(Boolean.class)
                  .single();
            });
    if (Boolean.TRUE.equals(needed)) {
      Rebuilt r = rebuild();
      log.info("Supervision read model filled from the ledger: {}", r);
    }
  }

  // --- SQL ---------------------------------------------------------------------------------

  /**
   * A case's outcome. Late: a handling clock breached to level 1 or stopped late at level 0.
   * Responded: the first stop of a response clock. Company: the first ledger row's, else the case's
   * (the estate's company when it was reported), else the estate's now. LEDGER is the case's ledger
   * rows summed up: read per case ({@link #ONE_OUTCOME}) or for all cases at once ({@link
   * #ALL_OUTCOMES}, a hash join rather than a probe of every monthly partition per case).
   */
  private static final String LEDGER =
      """
        bool_or(l.clock = any(string_to_array(:handling, ','))
          and ((l.event = 'BREACHED' and l.level = 1) or (l.event = 'RESOLVED' and l.level = 0))) as late,
        min(l.occurred_at) filter (where l.clock = any(string_to_array(:response, ',')) and l.level = 0
          and l.event in ('MET', 'RESOLVED')) as responded_at,
        (array_agg(l.property_company_id order by l.id)
          filter (where l.property_company_id is not null))[1] as company_id,
        bool_or(l.clock = any(string_to_array(:commitment, ',')) and l.level = 0
          and l.event = 'STARTED') as planned,
        bool_or(l.clock = any(string_to_array(:commitment, ',')) and l.level = 0
          and l.event in ('MET', 'RESOLVED')) as rectified""";

  private static final String OUTCOME =
      """
      select c.case_no, c.flow, c.community_code, c.estate_id,
        coalesce(l.company_id, c.property_company_id, e.property_company_id) as company_id,
        c.reported_at, c.closed_at, coalesce(l.late, false) as late,
        extract(epoch from l.responded_at - c.reported_at) / 60 as respond_minutes,
        extract(epoch from c.closed_at - c.reported_at) / 60 as close_minutes,
        c.rating, c.follow_up_rating, coalesce(l.planned, false) as planned,
        coalesce(l.rectified, false) as rectified,
        coalesce(z.pauses, 0)::int as pauses, coalesce(z.paused_seconds, 0)::bigint as paused_seconds
      from case_file c
      left join estate e on e.id = c.estate_id
      """;

  /**
   * The pauses someone chose (not the waits a flow models, which the system pauses), and the time
   * they lasted (sla_pause, V92_1).
   */
  private static final String PAUSES =
      """
        count(*) filter (where z.paused_by <> 'system') as pauses,
        round(coalesce(sum(extract(epoch from z.resumed_at - z.paused_at))
          filter (where z.paused_by <> 'system' and z.resumed_at is not null), 0)) as paused_seconds""";

  static final String ONE_OUTCOME =
      OUTCOME
          + "left join lateral (select "
          + LEDGER
          + "\n from sla_ledger l where l.case_no = c.case_no and l.flow = c.flow) l on true"
          + " left join lateral (select "
          + PAUSES
          + "\n from sla_pause z where z.case_no = c.case_no"
          + " and z.flow = c.flow) z on true"
          + " where c.case_no = :caseNo";

  static final String ALL_OUTCOMES =
      OUTCOME
          + "left join (select l.case_no, l.flow, "
          + LEDGER
          + "\n from sla_ledger l group by l.case_no, l.flow) l on l.case_no = c.case_no and l.flow = c.flow"
          + " left join (select z.case_no, z.flow, "
          + PAUSES
          + "\n from sla_pause z group by z.case_no, z.flow) z"
          + " on z.case_no = c.case_no and z.flow = c.flow";

  /**
   * A breach with the first SUPERVISED row of its 督办 and the last stop of its clock since. The
   * look-ups order by {@code id + 0}: ordered by the bare id, PostgreSQL may walk each partition's
   * id index from one end and filter every row of it until the case's row comes (it hopes to stop
   * early because of the {@code limit 1}); with small partitions it did, and a rebuild at 10,000
   * cases ran for minutes. The expression leaves it the case's index and a sort of a few rows.
   */
  static final String BREACHES =
      """
      insert into breach_state (flow, case_no, community_code, estate_id, company_id, clock, level,
        due_at, breached_at, holder, process_instance_id, supervised_at, supervised_by, resolved_at)
      select b.flow, b.case_no, b.community_code, b.estate_id, b.property_company_id, b.clock,
        b.level, b.due_at, b.occurred_at, b.holder, b.process_instance_id, s.occurred_at, s.actor,
        r.occurred_at
      from sla_ledger b
      left join lateral (
        select s.occurred_at, s.actor from sla_ledger s
        where s.case_no = b.case_no and s.clock = b.clock and s.level = b.level
          and s.event = 'SUPERVISED' and s.flow = b.flow
        order by s.id + 0 limit 1) s on true
      left join lateral (
        select r.occurred_at from sla_ledger r
        where r.case_no = b.case_no and r.clock = b.clock and r.level = b.level - 1
          and r.event in ('MET', 'RESOLVED') and r.flow = b.flow and r.occurred_at >= b.occurred_at
        order by r.id + 0 desc limit 1) r on true
      where b.event = 'BREACHED'""";

  private JdbcClient.StatementSpec bindClocks(JdbcClient.StatementSpec spec) {
    return spec.param("handling", clocks.handling)
        .param("response", clocks.response)
        .param("commitment", clocks.commitment);
  }

  private void insert(Outcome o) {
    jdbc.sql(
            """
            insert into case_outcome (case_no, flow, community_code, estate_id, company_id,
              reported_at, closed_at, late, respond_minutes, close_minutes, rating, follow_up_rating,
              planned, rectified, pauses, paused_seconds)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            o.caseNo(),
            o.flow(),
            o.community(),
            o.estateId(),
            o.companyId(),
            Timestamp.from(o.reportedAt()),
            o.closedAt() == null ? null : Timestamp.from(o.closedAt()),
            o.late(),
            o.respondMinutes(),
            o.closeMinutes(),
            o.rating(),
            o.followUpRating(),
            o.planned(),
            o.rectified(),
            o.pauses(),
            o.pausedSeconds())
        .update();
  }

  /** Both the query and the table name the columns alike. */
  private static Outcome stored(ResultSet rs, int n) throws SQLException {
    Timestamp closed = rs.getTimestamp("closed_at");
    return new Outcome(
        rs.getString("case_no"),
        rs.getString("flow"),
        rs.getString("community_code"),
        (Long) rs.getObject("estate_id"),
        (Long) rs.getObject("company_id"),
        rs.getTimestamp("reported_at").toInstant(),
        closed == null ? null : closed.toInstant(),
        rs.getBoolean("late"),
        dbl(rs, "respond_minutes"),
        dbl(rs, "close_minutes"),
        rs.getString("rating"),
        rs.getString("follow_up_rating"),
        rs.getBoolean("planned"),
        rs.getBoolean("rectified"),
        rs.getInt("pauses"),
        rs.getLong("paused_seconds"));
  }

  private static Double dbl(ResultSet rs, String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? null : v;
  }

  private static Integer[] boxed(int[] h) {
    return java.util.Arrays.stream(h).boxed().toArray(Integer[]::new);
  }
}
