package io.linli.evaluation;

import io.linli.system.ApiError;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The API's way to answer with plans: the same task and listener as the Camunda Form, with the
 * refusals checked first so each comes back as a field message.
 */
@Service
class RectificationPlans {

  private final AnswerRectification answer;
  private final TaskService tasks;

  RectificationPlans(AnswerRectification answer, TaskService tasks) {
    this.answer = answer;
    this.tasks = tasks;
  }

  @Transactional
  void submit(long evaluationId, List<AnswerRectification.Plan> plans, String user) {
    for (AnswerRectification.Plan p : plans) {
      if (p.aspect() < 1 || p.aspect() > EvaluationProperties.ASPECT_COUNT) {
        throw ApiError.invalid("plans", "考评方面序号须为1至" + EvaluationProperties.ASPECT_COUNT);
      }
    }
    var task =
        tasks
            .createTaskQuery()
            .taskDefinitionKey(EvaluationProcess.TASK_ANSWER)
            .processVariableValueEquals(EvaluationVariables.CASE_ID, evaluationId)
            .singleResult();
    if (task == null) throw ApiError.conflict("该考评当前无须答复整改方案");
    List<String[]> problems = answer.problems(evaluationId, plans);
    if (!problems.isEmpty()) {
      throw ApiError.invalid(
          problems.stream()
              .map(p -> new ApiError.FieldMessage("plans[" + p[0] + "]", p[1]))
              .toList());
    }
    Map<String, Object> vars = new HashMap<>();
    for (AnswerRectification.Plan p : plans) {
      vars.put(EvaluationVariables.plan(p.aspect()), p.plan());
      vars.put(EvaluationVariables.days(p.aspect()), p.days());
    }
    if (task.getAssignee() == null) tasks.claim(task.getId(), user);
    tasks.complete(task.getId(), vars);
  }
}
