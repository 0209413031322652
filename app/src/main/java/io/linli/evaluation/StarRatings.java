package io.linli.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linli.system.ApiError;
import io.linli.system.Times;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs and keeps 物业定星·小区定级: every company and estate rated from {@link RatingFigures} by {@link
 * RatingFormula}, with the basis stored beside the rating; the yearly run rates the past year on
 * the configured day, a supervisor can run it any time, and can override a rating with a reason
 * that is kept for good.
 */
@Service
class StarRatings {

  private static final Logger log = LoggerFactory.getLogger(StarRatings.class);

  private final JdbcClient jdbc;
  private final RatingFigures figures;
  private final RatingProperties rules;
  private final ObjectMapper json;
  private final org.springframework.transaction.support.TransactionTemplate tx;

  StarRatings(
      JdbcClient jdbc,
      RatingFigures figures,
      RatingProperties rules,
      ObjectMapper json,
      org.springframework.transaction.PlatformTransactionManager transactions) {
    this.tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
    this.jdbc = jdbc;
    this.figures = figures;
    this.rules = rules;
    this.json = json;
  }

  record Override(String from, String to, String reason, Instant at) {}

  record Basis(List<RatingFormula.Part> parts, String formula) {}

  record Rating(
      long id,
      int year,
      String kind,
      long subjectId,
      String name,
      String communityCode,
      BigDecimal points,
      Integer computedStars,
      String computedGrade,
      Integer stars,
      String grade,
      boolean overridden,
      Basis basis,
      String runKind,
      Instant computedAt,
      List<Override> overrides) {}

  /** The yearly run: the past year, once (several nodes: the first takes it). */
  @Scheduled(cron = "${linli.rating.cron:0 0 2 1 1 *}", zone = "Asia/Shanghai")
  void yearly() {
    int year = Year.now(Times.BEIJING).getValue() - 1;
    // a call on this bean bypasses its transactional proxy: the run's transaction is opened here
    Integer n = tx.execute(status -> run(year, "YEARLY", "system", true));
    if (n != null && n > 0) log.info("star rating of {} computed", year);
  }

  /** Rates every company and estate for the year; returns how many ratings were written. */
  @Transactional
  int run(int year, String kind, String by, boolean onlyIfMissing) {
    jdbc.sql("select pg_advisory_xact_lock(hashtext('linli-star-rating'))")
        .query(Object.class)
        .list();
    if (onlyIfMissing
        && jdbc.sql("select count(*) from star_rating where year = ? and run_kind = 'YEARLY'")
                .param(year)
                .query(Long.class)
                .single()
            > 0) {
      return 0;
    }
    int n = 0;
    Instant now = Times.now();
    for (RatingFigures.Subject s : RatingFigures.Subject.values()) {
      Map<Long, String> names = figures.subjects(s);
      Map<Long, RatingFormula.Inputs> inputs = figures.of(s, year);
      for (var e : names.entrySet()) {
        RatingFormula.Result r = RatingFormula.rate(rules, inputs.get(e.getKey()));
        write(year, s, e.getKey(), e.getValue(), r, kind, by, now);
        n++;
      }
    }
    return n;
  }

  private void write(
      int year,
      RatingFigures.Subject s,
      long subject,
      String name,
      RatingFormula.Result r,
      String kind,
      String by,
      Instant at) {
    Optional<Long> previous =
        jdbc.sql(
                """
            select id from star_rating where year = ? and subject_kind = ? and subject_id = ? and current""")
            .params(year, s.name(), subject)
            .query(Long.class)
            .optional();
    previous.ifPresent(
        id -> jdbc.sql("update star_rating set current = false where id = ?").param(id).update());
    boolean company = s == RatingFigures.Subject.COMPANY;
    Integer stars = company ? r.stars() : null;
    String grade = company ? null : r.grade();
    String community =
        company
            ? null
            : jdbc.sql("select community_code from estate where id = ?")
                .param(subject)
                .query(String.class)
                .single();
    long id =
        jdbc.sql(
                """
            insert into star_rating (year, subject_kind, subject_id, subject_name, community_code, points,
              computed_stars, computed_grade, stars, grade, basis, run_kind, computed_by, computed_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
            .params(
                year,
                s.name(),
                subject,
                name,
                community,
                r.points(),
                stars,
                grade,
                stars,
                grade,
                basis(new Basis(r.parts(), r.formula())),
                kind,
                by,
                Timestamp.from(at))
            .query(Long.class)
            .single();
    // an override stays in force over a new run, and says so in the audit trail
    previous
        .flatMap(this::lastOverride)
        .ifPresent(
            o -> {
              jdbc.sql("update star_rating set stars = ?, grade = ? where id = ?")
                  .params(company ? Integer.valueOf(o.to()) : null, company ? null : o.to(), id)
                  .update();
              jdbc.sql(
                      """
              insert into star_rating_override (rating_id, from_value, to_value, reason, overridden_by, overridden_at)
              values (?, ?, ?, ?, 'system', ?)""")
                  .params(
                      id,
                      company ? String.valueOf(stars) : grade,
                      o.to(),
                      "重新计算后沿用人工调整：" + o.reason(),
                      Timestamp.from(at))
                  .update();
            });
  }

  private Optional<Override> lastOverride(long ratingId) {
    return overrides(ratingId).stream().reduce((a, b) -> b);
  }

  /** A supervisor overrides a rating in force: 1–5 stars for a company, A–D for an estate. */
  @Transactional
  Rating override(long id, String value, String reason, String by) {
    Rating r = find(id).orElseThrow(() -> ApiError.notFound("没有这个评定"));
    if (reason == null || reason.isBlank()) throw ApiError.invalid("reason", "请填写调整理由");
    if (reason.length() > 500) throw ApiError.invalid("reason", "调整理由不能超过500字");
    boolean company = "COMPANY".equals(r.kind());
    String v = value == null ? "" : value.trim().toUpperCase();
    if (company ? !v.matches("[1-5]") : !v.matches("[A-D]")) {
      throw ApiError.invalid("value", company ? "物业星级须为1至5" : "小区等级须为A、B、C或D");
    }
    if (!jdbc.sql("select current from star_rating where id = ?")
        .param(id)
        .query(Boolean.class)
        .single()) {
      throw ApiError.conflict("该评定已被重新计算，请调整当前的评定");
    }
    String from = company ? (r.stars() == null ? null : String.valueOf(r.stars())) : r.grade();
    jdbc.sql("update star_rating set stars = ?, grade = ? where id = ?")
        .params(company ? Integer.valueOf(v) : null, company ? null : v, id)
        .update();
    jdbc.sql(
            """
            insert into star_rating_override (rating_id, from_value, to_value, reason, overridden_by, overridden_at)
            values (?, ?, ?, ?, ?, ?)""")
        .params(id, from, v, reason.trim(), by, Timestamp.from(Times.now()))
        .update();
    log.info("star rating {} overridden from {} to {} by {}", id, from, v, by);
    return find(id).orElseThrow();
  }

  Optional<Rating> find(long id) {
    return list("where id = :id", Map.of("id", id)).stream().findFirst();
  }

  /** The latest year rated up to {@code year}, if any. */
  Integer latestYear(int year) {
    return jdbc.sql("select max(year) from star_rating where year <= ?")
        .param(year)
        .query(Integer.class)
        .optional()
        .orElse(null);
  }

  /** The ratings in force for a year (default: the latest year rated), companies then estates. */
  List<Rating> current(Integer year, String kind, String communityCode) {
    Integer y =
        year != null
            ? year
            : jdbc.sql("select max(year) from star_rating")
                .query(Integer.class)
                .optional()
                .orElse(null);
    if (y == null) return List.of();
    StringBuilder where = new StringBuilder("where current and year = :year");
    Map<String, Object> params = new java.util.HashMap<>(Map.of("year", y));
    if (kind != null) {
      where.append(" and subject_kind = :kind");
      params.put("kind", kind);
    }
    if (communityCode != null) {
      // a community's estates, and the companies serving an estate of it
      where.append(
          " and ((subject_kind = 'ESTATE' and community_code = :community) or (subject_kind = 'COMPANY'"
              + " and subject_id in (select property_company_id from estate where community_code = :community)))");
      params.put("community", communityCode);
    }
    return list(where.toString(), params);
  }

  private List<Rating> list(String where, Map<String, Object> params) {
    var spec =
        jdbc.sql(
            """
        select id, year, subject_kind, subject_id, subject_name, community_code, points, computed_stars,
          computed_grade, stars, grade, basis, run_kind, computed_at from star_rating"""
                + " "
                + where
                + " order by subject_kind, coalesce(points, -1) desc, subject_name");
    for (var p : params.entrySet()) spec = spec.param(p.getKey(), p.getValue());
    List<Rating> out = new ArrayList<>();
    for (Rating r :
        spec.query(
                (rs, n) ->
                    new Rating(
                        rs.getLong(1),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getBigDecimal(7),
                        (Integer) rs.getObject(8),
                        rs.getString(9),
                        (Integer) rs.getObject(10),
                        rs.getString(11),
                        false,
                        parse(rs.getString(12)),
                        rs.getString(13),
                        rs.getTimestamp(14).toInstant(),
                        List.of()))
            .list()) {
      List<Override> o = overrides(r.id());
      out.add(
          new Rating(
              r.id(),
              r.year(),
              r.kind(),
              r.subjectId(),
              r.name(),
              r.communityCode(),
              r.points(),
              r.computedStars(),
              r.computedGrade(),
              r.stars(),
              r.grade(),
              !o.isEmpty(),
              r.basis(),
              r.runKind(),
              r.computedAt(),
              o));
    }
    return out;
  }

  private List<Override> overrides(long ratingId) {
    return jdbc.sql(
            """
            select from_value, to_value, reason, overridden_at from star_rating_override
            where rating_id = ? order by id""")
        .param(ratingId)
        .query(
            (rs, n) ->
                new Override(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getTimestamp(4).toInstant()))
        .list();
  }

  private String basis(Basis b) {
    try {
      return json.writeValueAsString(b);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Basis parse(String s) {
    try {
      return json.readValue(s, Basis.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
