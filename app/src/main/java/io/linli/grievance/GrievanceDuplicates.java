package io.linli.grievance;

import io.linli.intake.ContactRedaction;
import io.linli.system.Times;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Duplicate suggestion at 分流定级: open grievances reported earlier in the last {@code
 * linli.grievance.duplicates.days} days (default 14) at the same building (or, without a building,
 * the same estate) and of the same category, whose text is similar — the Dice coefficient of the
 * two texts' character bigrams, punctuation and spaces left out, at least {@code
 * linli.grievance.duplicates.min-similarity} (default 0.3). Bigrams rather than PostgreSQL's {@code
 * pg_trgm}: its trigrams are built from words, and whether Chinese characters count as word
 * characters depends on the database's locale. As the triage task's create listener it puts the
 * suggestions (case numbers, similarity and dates only) into {@value #LABEL}, which the 分流定级 form
 * shows.
 */
@Component("grievanceDuplicates")
class GrievanceDuplicates implements TaskListener {

  static final String LABEL = "duplicatesLabel";
  static final int MAX = 5;

  record Candidate(
      String caseNo, double similarity, Instant reportedAt, String status, String summary) {}

  private final JdbcClient jdbc;
  private final Duration window;
  private final double minSimilarity;

  GrievanceDuplicates(
      JdbcClient jdbc,
      @Value("${linli.grievance.duplicates.days:14}") int days,
      @Value("${linli.grievance.duplicates.min-similarity:0.3}") double minSimilarity) {
    this.jdbc = jdbc;
    this.window = Duration.ofDays(days);
    this.minSimilarity = minSimilarity;
  }

  /** The likely originals of {@code caseNo}, most similar first (at most {@value #MAX}). */
  List<Candidate> of(String caseNo) {
    record Row(String caseNo, String description, Instant reportedAt, String status) {}
    Map<String, Object> me =
        jdbc
            .sql(
                """
            select description, reported_at, building_id, estate_id, category, community_code
            from grievance_case where case_no = ?""")
            .param(caseNo)
            .query()
            .listOfRows()
            .stream()
            .findFirst()
            .orElse(null);
    if (me == null || (me.get("building_id") == null && me.get("estate_id") == null))
      return List.of();
    String place = me.get("building_id") != null ? "building_id" : "estate_id";
    Instant reported = ((java.sql.Timestamp) me.get("reported_at")).toInstant();
    List<Row> open =
        jdbc.sql(
                """
            select case_no, description, reported_at, status from grievance_case
            where community_code = ? and %s = ? and category = ? and closed_at is null
              and case_no <> ? and reported_at >= ? and reported_at <= ?
            order by reported_at desc limit 200"""
                    .formatted(place))
            .params(
                me.get("community_code"),
                me.get(place),
                me.get("category"),
                caseNo,
                java.sql.Timestamp.from(reported.minus(window)),
                java.sql.Timestamp.from(reported))
            .query(
                (rs, n) ->
                    new Row(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getString(4)))
            .list();
    Map<String, Integer> mine = bigrams((String) me.get("description"));
    List<Candidate> out = new ArrayList<>();
    for (Row r : open) {
      double s = dice(mine, bigrams(r.description()));
      if (s >= minSimilarity) {
        out.add(
            new Candidate(
                r.caseNo(),
                Math.round(s * 100) / 100.0,
                r.reportedAt(),
                r.status(),
                ContactRedaction.mask(
                    r.description().length() > 60
                        ? r.description().substring(0, 60) + "…"
                        : r.description())));
      }
    }
    return out.stream()
        .sorted(
            Comparator.comparingDouble(Candidate::similarity)
                .reversed()
                .thenComparing(Candidate::reportedAt))
        .limit(MAX)
        .toList();
  }

  @Override
  public void notify(DelegateTask task) {
    List<Candidate> found = of((String) task.getVariable(GrievanceVariables.CASE_NO));
    task.setVariable(
        LABEL,
        found.isEmpty()
            ? "未发现"
            : found.stream()
                .map(
                    c ->
                        c.caseNo()
                            + "（相似 "
                            + Math.round(c.similarity() * 100)
                            + "%，"
                            + Times.label(c.reportedAt())
                            + " 上报）")
                .collect(Collectors.joining("；")));
  }

  /** Character bigrams of the text's letters and digits (CJK included), with counts. */
  static Map<String, Integer> bigrams(String text) {
    int[] cps =
        text == null
            ? new int[0]
            : text.codePoints()
                .filter(Character::isLetterOrDigit)
                .map(Character::toLowerCase)
                .toArray();
    Map<String, Integer> out = new HashMap<>();
    for (int i = 0; i + 1 < cps.length; i++) {
      out.merge(new String(cps, i, 2), 1, Integer::sum);
    }
    return out;
  }

  /** 2·|A∩B| / (|A|+|B|) over bigram multisets; 0 for two empty texts. */
  static double dice(Map<String, Integer> a, Map<String, Integer> b) {
    int total =
        a.values().stream().mapToInt(Integer::intValue).sum()
            + b.values().stream().mapToInt(Integer::intValue).sum();
    if (total == 0) return 0;
    int common = 0;
    for (var e : a.entrySet()) common += Math.min(e.getValue(), b.getOrDefault(e.getKey(), 0));
    return 2.0 * common / total;
  }
}
