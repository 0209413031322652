package io.linli.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.linli.LinliSpringTest;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Integration tier, run last (junit-platform.properties orders classes): every flow node of the
 * grievance, service order, escalation and consultation models was executed by the process tests
 * before it, read from the engine's history in the shared test database. The per-class HTML reports
 * of camunda-process-test-coverage are under target/process-test-coverage.
 */
@LinliSpringTest
@Order(Integer.MAX_VALUE)
class ProcessCoverageTest {

  @Autowired HistoryService history;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "grievance:Process_Grievance",
        "escalation:Process_Escalation",
        "service-order:Process_ServiceOrder",
        "consultation:Process_Consultation",
        "evaluation:Process_Evaluation",
        "rectification:Process_Rectification",
        "finance-approval:Process_FinanceApproval",
        "staff-intake:Process_StaffIntake",
        "daily-inspection:Process_DailyInspection",
        "daily-inspection-round:Process_DailyInspectionRound"
      })
  @DisplayName("诉求、服务单、督办和议事协商流程的每个节点都被测试走到")
  void everyFlowNodeCovered(String modelAndKey) throws IOException {
    String[] parts = modelAndKey.split(":");
    Set<String> nodes =
        ModelTest.model("processes/" + parts[0] + ".bpmn")
            .getModelElementsByType(FlowNode.class)
            .stream()
            .map(FlowNode::getId)
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> executed =
        history.createHistoricActivityInstanceQuery().list().stream()
            .filter(a -> a.getProcessDefinitionKey().equals(parts[1]))
            .map(HistoricActivityInstance::getActivityId)
            .collect(Collectors.toSet());
    nodes.removeAll(executed);
    assertThat(nodes)
        .as("flow nodes of %s no test executed (run the whole suite)", parts[1])
        .isEmpty();
  }
}
