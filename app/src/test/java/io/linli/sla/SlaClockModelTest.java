package io.linli.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.linli.LinliSpringTest;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Integration tier: the clock listener is attached, from the deployed models alone, to exactly the
 * user tasks that run a clock — every clock a registered flow declares has a task, the 督办 tasks run
 * at their levels, and a task whose timer does not escalate (the representatives' vote) has none.
 */
@LinliSpringTest
class SlaClockModelTest {

  @Autowired RepositoryService repository;
  @Autowired io.linli.cases.Flows flows;

  @Test
  @DisplayName("每个时限都能从模型中找到承办任务，督办任务按级别计时，表决任务不计时")
  void clocksComeFromTheModels() {
    Map<String, ClockedTasks.TaskClock> byTask = new HashMap<>();
    for (ProcessDefinition d : repository.createProcessDefinitionQuery().latestVersion().list()) {
      ProcessDefinitionEntity def =
          (ProcessDefinitionEntity)
              ((RepositoryServiceImpl) repository).getDeployedProcessDefinition(d.getId());
      // nested too: a multi-instance task (the evaluation's scoring) lies inside its body
      java.util.Deque<ActivityImpl> open = new java.util.ArrayDeque<>(def.getActivities());
      while (!open.isEmpty()) {
        ActivityImpl a = open.pop();
        open.addAll(a.getActivities());
        if (a.getActivityBehavior() instanceof UserTaskActivityBehavior b) {
          b
              .getTaskDefinition()
              .getBuiltinTaskListenersForEvent(TaskListener.EVENTNAME_CREATE)
              .stream()
              .filter(SlaClockListener.class::isInstance)
              .forEach(
                  l -> byTask.put(d.getKey() + ":" + a.getId(), ((SlaClockListener) l).clock()));
        }
      }
    }
    assertThat(byTask.values().stream().map(ClockedTasks.TaskClock::clock).distinct())
        .as("every clock runs on some task")
        .containsAll(
            flows.all().stream().flatMap(f -> f.clocks().stream()).map(ClockSpec::id).toList());
    assertThat(byTask.get("Process_Grievance:Task_Triage"))
        .isEqualTo(new ClockedTasks.TaskClock("GRIEVANCE", "GRIEVANCE_RESPOND", 0));
    assertThat(byTask.get("Process_Grievance:Task_HandleGeneral").clock())
        .isEqualTo("GRIEVANCE_RESPOND");
    assertThat(byTask.get("Process_Grievance:Task_Rectify").clock())
        .isEqualTo("GRIEVANCE_COMMITTED");
    assertThat(byTask.get("Process_ServiceOrder:Task_Assess"))
        .isEqualTo(byTask.get("Process_ServiceOrder:Task_FixSmall"));
    assertThat(byTask.get("Process_Consultation:Task_Execute"))
        .isEqualTo(new ClockedTasks.TaskClock("CONSULTATION", "CONSULTATION_EXECUTION", 0));
    assertThat(byTask.get("Process_Escalation:Task_SuperviseCommunity"))
        .isEqualTo(new ClockedTasks.TaskClock(null, null, 1));
    assertThat(byTask.get("Process_Escalation:Task_SuperviseStreet"))
        .isEqualTo(new ClockedTasks.TaskClock(null, null, 2));
    assertThat(byTask.get("Process_Grievance:Task_Rework").clock()).isEqualTo("GRIEVANCE_REWORK");
    assertThat(byTask.get("Process_Consultation:Task_Rework").clock())
        .isEqualTo("CONSULTATION_REWORK");
    assertThat(byTask)
        .doesNotContainKeys(
            "Process_Consultation:Task_Vote", "Process_Consultation:Task_ScheduleMeeting");
    assertThat(byTask.get("Process_Evaluation:Task_Score"))
        .isEqualTo(new ClockedTasks.TaskClock("EVALUATION", "EVALUATION_SCORING", 0));
  }
}
