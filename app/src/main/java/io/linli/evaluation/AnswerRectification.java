package io.linli.evaluation;

import io.linli.caselog.CaseLog;
import io.linli.cases.CaseFiles;
import io.linli.identity.Role;
import io.linli.system.Times;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The property company answers the published result (Camunda Form or the API): for every aspect
 * averaged under the threshold a plan ({@code planNN}) and the days it needs ({@code daysNN}, at
 * most {@code linli.sla.evaluation.max-rectification}). Each plan opens a rectification case; the
 * evaluation is then closed. A missing or bad plan refuses the whole answer.
 */
@Component("answerRectification")
class AnswerRectification implements TaskListener {

  static final int MAX_PLAN = 2000;

  private final Evaluations evaluations;
  private final Rectifications rectifications;
  private final EvaluationSla sla;
  private final CaseFiles files;
  private final CaseLog caseLog;

  AnswerRectification(
      Evaluations evaluations,
      Rectifications rectifications,
      EvaluationSla sla,
      CaseFiles files,
      CaseLog caseLog) {
    this.evaluations = evaluations;
    this.rectifications = rectifications;
    this.sla = sla;
    this.files = files;
    this.caseLog = caseLog;
  }

  /** A plan as the form or the API gives it. */
  record Plan(int aspect, String plan, Integer days) {}

  /** What is wrong with the plans, as (aspect, message); empty when they can be accepted. */
  List<String[]> problems(long evaluationId, List<Plan> plans) {
    List<String[]> problems = new ArrayList<>();
    long maxDays = Duration.between(sla.now(), sla.latestRectification()).toDays();
    for (Evaluations.AspectResult a : weakAspects(evaluationId)) {
      Plan p = plans.stream().filter(x -> x.aspect() == a.aspect()).findFirst().orElse(null);
      String field = String.format("%02d", a.aspect());
      if (p == null || p.plan() == null || p.plan().isBlank()) {
        problems.add(new String[] {field, "请填写「" + a.name() + "」的整改方案"});
      } else if (p.plan().length() > MAX_PLAN) {
        problems.add(new String[] {field, "整改方案不能超过" + MAX_PLAN + "字"});
      } else if (p.days() != null && (p.days() < 1 || p.days() > maxDays)) {
        problems.add(new String[] {field, "整改期限须为1至" + maxDays + "天"});
      }
    }
    return problems;
  }

  List<Evaluations.AspectResult> weakAspects(long evaluationId) {
    return evaluations.results(evaluationId).stream()
        .filter(Evaluations.AspectResult::weak)
        .toList();
  }

  @Override
  public void notify(DelegateTask task) {
    EvaluationVariables v = new EvaluationVariables(task);
    long id = v.caseId();
    List<Plan> plans = new ArrayList<>();
    for (int n = 1; n <= EvaluationProperties.ASPECT_COUNT; n++) {
      Object days = v.raw(EvaluationVariables.days(n));
      Integer d;
      try {
        d =
            days == null || days.toString().isBlank()
                ? null
                : (int) Double.parseDouble(days.toString());
      } catch (NumberFormatException e) {
        throw new BadUserRequestException("第" + n + "项整改期限须为天数");
      }
      plans.add(new Plan(n, v.text(EvaluationVariables.plan(n)), d));
    }
    List<String[]> problems = problems(id, plans);
    if (!problems.isEmpty()) throw new BadUserRequestException(problems.get(0)[1]);
    var ev = evaluations.find(id).orElseThrow();
    String by = task.getAssignee() == null ? "property-staff" : task.getAssignee();
    List<String> opened = new ArrayList<>();
    for (Evaluations.AspectResult a : weakAspects(id)) {
      Plan p = plans.get(a.aspect() - 1);
      Instant deadline =
          p.days() == null ? sla.rectificationDefault() : sla.now().plus(Duration.ofDays(p.days()));
      opened.add(
          rectifications.open(
              ev, a, p.plan().trim(), deadline, by, v.text(EvaluationVariables.LOCATION_LABEL)));
    }
    Instant now = Times.now();
    evaluations.setState(id, EvaluationState.CLOSED);
    files.close(EvaluationFlow.KEY, id, EvaluationState.CLOSED.name(), now);
    caseLog.record(
        EvaluationFlow.KEY,
        v.caseNo(),
        EvaluationEvent.ANSWERED,
        Role.PROPERTY_STAFF.label(),
        "整改事项：" + String.join("、", opened));
  }
}
