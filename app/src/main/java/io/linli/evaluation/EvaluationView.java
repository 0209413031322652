package io.linli.evaluation;

import io.linli.system.ApiError;
import io.linli.system.Times;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.Year;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What staff and the public read of an evaluation: its result per aspect and its rectifications.
 */
@Component
class EvaluationView {

  private final Evaluations evaluations;
  private final Rectifications rectifications;

  EvaluationView(Evaluations evaluations, Rectifications rectifications) {
    this.evaluations = evaluations;
    this.rectifications = rectifications;
  }

  record Aspect(
      int aspect,
      String name,
      BigDecimal weight,
      int answers,
      BigDecimal average,
      boolean rectify) {}

  /** A result as the 公示 shows it: estate, company, year, answers, overall and per aspect. */
  record Result(
      String evaluationNo,
      String communityCode,
      String estateName,
      String companyName,
      int year,
      String state,
      String stateLabel,
      int eligible,
      Integer answered,
      Boolean quorumMet,
      BigDecimal overall,
      List<Aspect> aspects) {}

  record Rectification(
      String rectificationNo,
      int aspect,
      String aspectName,
      BigDecimal average,
      String plan,
      Instant deadline,
      String state,
      Instant doneAt) {}

  record Detail(
      long id,
      Result result,
      Instant openedAt,
      List<String> nonResponders,
      List<Rectification> rectifications) {}

  Detail detail(String evaluationNo) {
    var ev = evaluations.find(evaluationNo).orElseThrow(() -> ApiError.notFound("没有这个考评"));
    List<String> open =
        ev.state() == EvaluationState.SCORING ? evaluations.nonResponders(ev.id()) : List.of();
    return new Detail(
        ev.id(),
        result(ev),
        ev.openedAt(),
        open,
        rectifications.ofEvaluation(ev.id()).stream()
            .map(
                r ->
                    new Rectification(
                        r.rectificationNo(),
                        r.aspect(),
                        r.aspectName(),
                        r.average(),
                        r.plan(),
                        r.deadline(),
                        r.state(),
                        r.doneAt()))
            .toList());
  }

  /** Results with a tally that counted (quorum met), of the year (default: the latest with one). */
  List<Result> published(String communityCode, Integer year) {
    int y = year != null ? year : Year.now(Times.BEIJING).getValue();
    return evaluations.ofYear(y, communityCode).stream()
        .filter(
            e ->
                e.state() == EvaluationState.PUBLISHED
                    || e.state() == EvaluationState.ANSWERING
                    || e.state() == EvaluationState.CLOSED)
        .map(this::result)
        .toList();
  }

  private Result result(Evaluations.Evaluation ev) {
    List<Aspect> aspects =
        evaluations.results(ev.id()).stream()
            .map(
                a ->
                    new Aspect(
                        a.aspect(), a.name(), a.weight(), a.answers(), a.average(), a.weak()))
            .toList();
    return new Result(
        ev.evaluationNo(),
        ev.communityCode(),
        ev.estateName(),
        ev.companyName(),
        ev.year(),
        ev.state().name(),
        ev.state().label(),
        ev.eligible(),
        ev.answered(),
        ev.quorumMet(),
        ev.overall(),
        aspects);
  }
}
