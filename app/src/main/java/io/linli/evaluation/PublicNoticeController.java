package io.linli.evaluation;

import io.linli.finance.PublicBooks;
import io.linli.intake.PublicRead;
import io.linli.supervision.PublicFigures;
import io.linli.system.ApiError;
import io.linli.system.Times;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The 公示 of one community and quarter for residents, without an account in every profile, in one
 * answer: the quarter's 红黑榜 (supervision's ranking), 物业定星·小区定级 in force with their basis and
 * overrides, the year's 服务之星, the published evaluation results, and for each estate its 双晒 report
 * (page and PDF, {@code /api/public-notice/reports/…}) and the 收支 社区党委 approved. Only published,
 * non-personal figures (服务之星 name staff, as public honour). Anonymous reads count against the
 * public read limit ({@link PublicRead}).
 */
@RestController
@RequestMapping("/api/public-notice")
class PublicNoticeController {

  private final PublicFigures figures;
  private final PublicBooks books;
  private final StarRatings ratings;
  private final ServiceStars serviceStars;
  private final EvaluationView evaluations;

  PublicNoticeController(
      PublicFigures figures,
      PublicBooks books,
      StarRatings ratings,
      ServiceStars serviceStars,
      EvaluationView evaluations) {
    this.figures = figures;
    this.books = books;
    this.ratings = ratings;
    this.serviceStars = serviceStars;
    this.evaluations = evaluations;
  }

  /** An estate's 双晒 of the quarter: where its report is, and its approved 收支 (null: not yet). */
  record EstateNotice(
      String code,
      String name,
      String companyName,
      String reportUrl,
      String pageUrl,
      String pdfUrl,
      PublicBooks.Published books) {}

  /**
   * @param ratingYear the latest year rated up to the quarter's (null: none yet)
   * @param evaluationYear the quarter's year, or the year before when the quarter's has no result
   */
  record Notice(
      String communityCode,
      String communityName,
      String quarter,
      String quarterLabel,
      PublicFigures.Board ranking,
      Integer ratingYear,
      List<StarRatings.Rating> ratings,
      ServiceStars.Board serviceStars,
      int evaluationYear,
      List<EvaluationView.Result> evaluations,
      List<EstateNotice> estates) {}

  @PublicRead
  @GetMapping("/communities/{community}/{quarter}")
  Notice notice(@PathVariable String community, @PathVariable String quarter) {
    if (community.length() > 32) throw ApiError.invalid("community", "社区代码过长");
    String q = PublicFigures.quarter(quarter);
    int year = Integer.parseInt(q.substring(0, 4));
    int now = Year.now(Times.BEIJING).getValue();
    if (year < 2000 || year > now) throw ApiError.invalid("quarter", "季度须在2000年至" + now + "年之间");
    PublicFigures.Board ranking = figures.ranking(community, q); // 404 for an unknown community
    Integer ratingYear = ratings.latestYear(year);
    List<StarRatings.Rating> rated =
        ratingYear == null ? List.of() : ratings.current(ratingYear, null, community);
    int evaluationYear = year;
    List<EvaluationView.Result> results = evaluations.published(community, year);
    if (results.isEmpty()) {
      evaluationYear = year - 1;
      results = evaluations.published(community, year - 1);
    }
    Map<String, PublicBooks.Published> approved =
        books.of(community, q).stream()
            .collect(Collectors.toMap(PublicBooks.Published::estateCode, Function.identity()));
    List<EstateNotice> estates =
        figures.estates(community).stream()
            .map(
                e -> {
                  String base = "/api/public-notice/reports/" + e.code() + "/" + q;
                  return new EstateNotice(
                      e.code(),
                      e.name(),
                      e.companyName(),
                      base,
                      base + ".html",
                      base + ".pdf",
                      approved.get(e.code()));
                })
            .toList();
    return new Notice(
        community,
        ranking.communityName(),
        q,
        ranking.quarterLabel(),
        ranking,
        ratingYear,
        rated,
        serviceStars.of(year, community, 3),
        evaluationYear,
        results,
        estates);
  }
}
