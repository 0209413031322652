package io.linli.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linli.LinliSpringTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Integration tier: a case started on an older model version is moved onto the newest at start, so
 * an expression the new release renamed never strands it (version 1 here calls a bean that no
 * longer exists, as the models did before the SLA beans moved into the flows).
 */
@LinliSpringTest
class RunningInstanceMigrationTest {

  static final String KEY = "Process_MigrationProbe";

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired RunningInstanceMigration migration;

  private static BpmnModelInstance model(String dueDate) {
    return Bpmn.createExecutableProcess(KEY)
        .camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_Probe")
        .userTask("Task_First")
        .userTask("Task_Second")
        .camundaDueDate(dueDate)
        .endEvent("EndEvent_Probe")
        .done();
  }

  @Test
  @DisplayName("旧版本模型上的在办案件在启动时迁移到新版本，旧表达式不再求值")
  void runningInstancesMoveToTheNewestVersion() {
    repository
        .createDeployment()
        .addModelInstance("probe.bpmn", model("${retiredBean.due()}"))
        .deploy();
    ProcessInstance pi = runtime.startProcessInstanceByKey(KEY);
    String first = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();
    repository
        .createDeployment()
        .addModelInstance("probe.bpmn", model("${dateTime().plusDays(1).toDate()}"))
        .deploy();

    assertThatThrownBy(() -> tasks.complete(first))
        .as("on version 1 the next task evaluates the retired bean")
        .hasMessageContaining("retiredBean");

    assertThat(migration.migrateAll()).isGreaterThanOrEqualTo(1);
    String definition =
        runtime
            .createProcessInstanceQuery()
            .processInstanceId(pi.getId())
            .singleResult()
            .getProcessDefinitionId();
    assertThat(repository.getProcessDefinition(definition).getVersion()).isEqualTo(2);
    tasks.complete(first);
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceId(pi.getId())
                .singleResult()
                .getTaskDefinitionKey())
        .isEqualTo("Task_Second");
  }
}
