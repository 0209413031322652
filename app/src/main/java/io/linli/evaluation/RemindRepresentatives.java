package io.linli.evaluation;

import io.linli.caselog.CaseLog;
import io.linli.identity.Role;
import io.linli.system.Times;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 提醒评分: the reminder timer fired before the scoring clock runs out. Every open scoring task is
 * raised to high priority with a note of the deadline (Tasklist sorts and marks it), and the
 * reminder is logged with the number of representatives still to answer.
 */
@Component("remindRepresentatives")
class RemindRepresentatives implements JavaDelegate {

  static final int REMINDED_PRIORITY = 80;

  private final Evaluations evaluations;
  private final TaskService tasks;
  private final EvaluationSla sla;
  private final CaseLog caseLog;

  RemindRepresentatives(
      Evaluations evaluations, TaskService tasks, EvaluationSla sla, CaseLog caseLog) {
    this.evaluations = evaluations;
    this.tasks = tasks;
    this.sla = sla;
    this.caseLog = caseLog;
  }

  @Override
  public void execute(DelegateExecution execution) {
    EvaluationVariables v = new EvaluationVariables(execution);
    List<String> open = evaluations.nonResponders(v.caseId());
    String due = Times.label(sla.scoringDue(v.openedAt()));
    for (var t :
        tasks
            .createTaskQuery()
            .processInstanceId(execution.getProcessInstanceId())
            .taskDefinitionKey(EvaluationProcess.TASK_SCORE)
            .list()) {
      t.setPriority(REMINDED_PRIORITY);
      t.setDescription("提醒：请在" + due + "前完成年度综合考评评分");
      tasks.saveTask(t);
    }
    caseLog.record(
        EvaluationFlow.KEY,
        v.caseNo(),
        EvaluationEvent.REMINDED,
        Role.COMMUNITY_COMMITTEE.label(),
        open.size() + "名代表尚未评分，评分时限" + due);
  }
}
