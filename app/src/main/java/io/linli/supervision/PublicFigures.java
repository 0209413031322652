package io.linli.supervision;

import io.linli.system.ApiError;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supervision's figures that are public, for the 公示 and the star rating: the 红黑榜 of a community and
 * quarter, the 双晒 report as residents see it (the books only once approved, {@link ApprovedBooks}),
 * and a year's counts per property company or estate — all read from the supervision read model
 * with the rules the supervisors' pages use. Nothing here names a person.
 */
@Component
public class PublicFigures {

  /** Whom a year's figures are counted for. */
  public enum Subject {
    COMPANY,
    ESTATE
  }

  /**
   * One line of the 红黑榜.
   *
   * @param list {@code RED}, {@code BLACK} or null (ranked, on neither list)
   * @param ranked false when it closed too few cases to be ranked
   */
  public record Entry(
      Integer rank,
      String code,
      String name,
      long closed,
      Double onTimeClosureRate,
      Double satisfactionRate,
      Double score,
      String list,
      boolean ranked) {}

  /** The 红黑榜 of a community's quarter, with its rule and the rules of the rates. */
  public record Board(
      String communityCode,
      String communityName,
      String quarter,
      String quarterLabel,
      LocalDate from,
      LocalDate to,
      String rule,
      Map<String, String> rateRules,
      List<Entry> companies,
      List<Entry> estates) {}

  /** An estate of a community, as the 公示 lists it. */
  public record Estate(long id, String code, String name, String companyName) {}

  /**
   * A subject's year: cases closed in it (on time, rated, satisfied, followed up, follow-up
   * satisfied), cases reported in it, and breaches escalated in it by level.
   */
  public record YearFigures(
      long closed,
      long onTime,
      long rated,
      long satisfied,
      long followedUp,
      long followUpSatisfied,
      long reported,
      long breachesLevel1,
      long breachesLevel2) {

    public static final YearFigures NONE = new YearFigures(0, 0, 0, 0, 0, 0, 0, 0, 0);
  }

  private final JdbcClient jdbc;
  private final Dimensions dims;
  private final Ranking ranking;
  private final SupervisionRates rates;
  private final CountedClocks clocks;
  private final ShuangShai reports;
  private final ObjectProvider<ApprovedBooks> books;

  PublicFigures(
      io.linli.system.ReportingDatabase reporting,
      Dimensions dims,
      Ranking ranking,
      SupervisionRates rates,
      CountedClocks clocks,
      ShuangShai reports,
      ObjectProvider<ApprovedBooks> books) {
    this.jdbc = reporting.jdbc();
    this.dims = dims;
    this.ranking = ranking;
    this.rates = rates;
    this.clocks = clocks;
    this.reports = reports;
    this.books = books;
  }

  /** The community's name, or 404. */
  public String communityName(String communityCode) {
    return dims.community(communityCode)
        .map(Dimensions.Named::name)
        .orElseThrow(() -> ApiError.notFound("没有这个社区：" + communityCode));
  }

  /** The community's estates with their property company now. */
  public List<Estate> estates(String communityCode) {
    return dims.estates().stream()
        .filter(e -> e.communityCode().equals(communityCode))
        .map(e -> new Estate(e.id(), e.code(), e.name(), e.companyName()))
        .toList();
  }

  /**
   * Checks a quarter written {@code 2026-Q2} (400 on field {@code quarter}) and returns it as
   * written.
   */
  public static String quarter(String quarter) {
    return EstateQuarter.parse(quarter).toString();
  }

  /**
   * The quarter's 红黑榜 of the community: its companies and estates, as the supervisors rank them.
   */
  @Transactional(readOnly = true)
  public Board ranking(String communityCode, String quarter) {
    String name = communityName(communityCode);
    EstateQuarter q = EstateQuarter.parse(quarter);
    AuditQuery query =
        new AuditQuery(
            communityCode,
            null,
            null,
            null,
            null,
            null,
            AuditQuery.start(q.firstDay()),
            AuditQuery.start(q.lastDay().plusDays(1)),
            null,
            null,
            null);
    Ranking.Board b = ranking.of(query, Ranking.MIN_CLOSED);
    return new Board(
        communityCode,
        name,
        q.toString(),
        q.label(),
        q.firstDay(),
        q.lastDay(),
        b.rule(),
        b.rateRules(),
        entries(b.companies()),
        entries(b.estates()));
  }

  private static List<Entry> entries(List<Ranking.Entry> list) {
    return list.stream()
        .map(
            e ->
                new Entry(
                    e.rank(),
                    e.code(),
                    e.name(),
                    e.closed(),
                    e.onTimeClosureRate(),
                    e.satisfactionRate(),
                    e.score(),
                    e.list() == null ? null : e.list().name(),
                    e.ranked()))
        .toList();
  }

  /** The 双晒 report of an estate's quarter as residents see it; 404 for an unknown estate. */
  @Transactional(readOnly = true)
  ShuangShai.PublicReport report(String estateCode, String quarter) {
    EstateQuarter q = EstateQuarter.parse(quarter);
    Dimensions.EstateInfo e =
        dims.estate(estateCode).orElseThrow(() -> ApiError.notFound("没有这个小区：" + estateCode));
    ShuangShai.Report r = reports.of(e, q);
    Optional<ApprovedBooks.Approval> approval =
        Optional.ofNullable(books.getIfAvailable()).flatMap(b -> b.approved(e.id(), q.toString()));
    return new ShuangShai.PublicReport(
        r.estate(),
        r.quarter(),
        r.quarterLabel(),
        r.from(),
        r.to(),
        r.service(),
        approval.orElse(null),
        approval.isPresent() ? r.finance() : null,
        r.rules());
  }

  /**
   * A year's figures of every company or estate that has any (Beijing calendar year): the closed
   * cases' counts from the read model's roll-ups (the rates' flows, a case counting for the company
   * of its first ledger row, else of the case), breaches from its breach rows, reported cases from
   * the case files.
   */
  @Transactional(readOnly = true)
  public Map<Long, YearFigures> year(Subject subject, int year) {
    Instant from = AuditQuery.start(LocalDate.of(year, 1, 1));
    Instant to = AuditQuery.start(LocalDate.of(year + 1, 1, 1));
    AuditQuery q = new AuditQuery(null, null, null, null, null, null, from, to, null, null, null);
    boolean company = subject == Subject.COMPANY;
    Map<String, Long> ids = new HashMap<>();
    if (company) dims.companies().forEach(c -> ids.put(c.code(), c.id()));
    else dims.estates().forEach(e -> ids.put(e.code(), e.id()));
    Map<Long, long[]> counts = new HashMap<>();
    for (SupervisionRates.Group g :
        rates
            .of(q, company ? SupervisionRates.GroupBy.COMPANY : SupervisionRates.GroupBy.ESTATE)
            .groups()) {
      Long id = ids.get(g.key());
      if (id == null) continue; // cases without a company or estate
      SupervisionRates.Figures f = g.total();
      long[] c = counts.computeIfAbsent(id, k -> new long[9]);
      c[0] = f.closed();
      c[1] = f.onTime();
      c[2] = f.rated();
      c[3] = f.satisfied();
      c[4] = f.followedUp();
      c[5] = f.followUpSatisfied();
    }
    jdbc.sql(
            """
            select KEY, count(*) from case_file c left join estate e on e.id = c.estate_id
            where c.flow = any(string_to_array(?, ',')) and c.reported_at >= ? and c.reported_at < ?
              and KEY is not null group by KEY"""
                .replace(
                    "KEY",
                    company
                        ? "coalesce(c.property_company_id, e.property_company_id)"
                        : "c.estate_id"))
        .params(clocks.flowKeys, Timestamp.from(from), Timestamp.from(to))
        .query(
            rs -> {
              counts.computeIfAbsent(rs.getLong(1), k -> new long[9])[6] = rs.getLong(2);
            });
    jdbc.sql(
            """
            select KEY, count(*) filter (where level = 1), count(*) filter (where level = 2)
            from breach_state where flow = any(string_to_array(?, ',')) and breached_at >= ? and breached_at < ?
              and KEY is not null group by KEY"""
                .replace("KEY", company ? "company_id" : "estate_id"))
        .params(clocks.flowKeys, Timestamp.from(from), Timestamp.from(to))
        .query(
            rs -> {
              long[] c = counts.computeIfAbsent(rs.getLong(1), k -> new long[9]);
              c[7] = rs.getLong(2);
              c[8] = rs.getLong(3);
            });
    Map<Long, YearFigures> out = new HashMap<>();
    counts.forEach(
        (id, c) ->
            out.put(id, new YearFigures(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8])));
    return out;
  }
}
