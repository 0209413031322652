package io.linli.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Unit tier (no engine): the models as packaged — every id constant names a real element, every
 * user task has a deployed Camunda Form, every clock is a non-interrupting timer with a deadline
 * expression from the SLA policy.
 */
class ModelTest {

  static final Map<String, String> MODEL_OF_CONSTANTS =
      Map.of(
          "io.linli.grievance.GrievanceProcess", "processes/grievance.bpmn",
          "io.linli.escalation.EscalationProcess", "processes/escalation.bpmn",
          "io.linli.serviceorder.ServiceOrderProcess", "processes/service-order.bpmn",
          "io.linli.consultation.ConsultationProcess", "processes/consultation.bpmn",
          "io.linli.evaluation.EvaluationProcess", "processes/evaluation.bpmn",
          "io.linli.evaluation.RectificationProcess", "processes/rectification.bpmn",
          "io.linli.grievance.StaffIntakeProcess", "processes/staff-intake.bpmn",
          "io.linli.dailycheck.DailyInspectionProcess", "processes/daily-inspection.bpmn");

  static final Set<String> NOT_ELEMENT_IDS =
      Set.of(
          "FLOW",
          "DECISION_SUGGEST_TIER",
          "MESSAGE_RATED",
          "MESSAGE_QUOTE_DECIDED",
          "MESSAGE_COMPLETED",
          "MESSAGE_RETURNED",
          "MESSAGE_DECLINED",
          "MESSAGE_MERGED");

  /** Windows that close a wait (and so interrupt it); every other timer is a clock. */
  static final Set<String> WINDOWS =
      Set.of(
          "BoundaryEvent_RatingWindowElapsed",
          "BoundaryEvent_VoteClosed",
          "BoundaryEvent_ScoringClosed");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "io.linli.grievance.GrievanceProcess",
        "io.linli.escalation.EscalationProcess",
        "io.linli.serviceorder.ServiceOrderProcess",
        "io.linli.consultation.ConsultationProcess",
        "io.linli.evaluation.EvaluationProcess",
        "io.linli.evaluation.RectificationProcess",
        "io.linli.grievance.StaffIntakeProcess",
        "io.linli.dailycheck.DailyInspectionProcess"
      })
  @DisplayName("流程类中的每个常量都对应模型中的元素")
  void constantsNameRealElements(String processClass) throws Exception {
    BpmnModelInstance model = model(MODEL_OF_CONSTANTS.get(processClass));
    int checked = 0;
    for (Field f : Class.forName(processClass).getDeclaredFields()) {
      if (!Modifier.isStatic(f.getModifiers())
          || f.getType() != String.class
          || NOT_ELEMENT_IDS.contains(f.getName())) continue;
      f.setAccessible(true);
      String id = (String) f.get(null);
      BaseElement element = model.getModelElementById(id);
      assertThat(element).as("%s.%s = %s", processClass, f.getName(), id).isNotNull();
      checked++;
    }
    assertThat(checked).isGreaterThan(5);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "processes/grievance.bpmn",
        "processes/escalation.bpmn",
        "processes/service-order.bpmn",
        "processes/consultation.bpmn",
        "processes/evaluation.bpmn",
        "processes/rectification.bpmn",
        "processes/finance-approval.bpmn",
        "processes/daily-inspection.bpmn"
      })
  @DisplayName("每个人工任务引用一个已打包的 Camunda 表单，且每个流程设置历史保留期")
  void userTasksHaveForms(String resource) throws IOException {
    BpmnModelInstance model = model(resource);
    Map<String, JsonNode> forms = forms();
    for (Process p : model.getModelElementsByType(Process.class)) {
      assertThat(p.getCamundaHistoryTimeToLiveString()).as(p.getId()).isNotBlank();
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String ref = task.getCamundaFormRef();
      assertThat(ref).as("formRef of %s", task.getId()).isNotBlank();
      assertThat(forms).as("form %s of %s", ref, task.getId()).containsKey(ref);
      assertThat(task.getCamundaFormRefBinding()).isEqualTo("deployment");
      assertThat(task.getCamundaDueDate()).as("due date of %s", task.getId()).startsWith("${");
      // a group's work queue, or one named person's task (a representative's vote)
      assertThat(
              task.getCamundaCandidateGroups() != null
                  ? task.getCamundaCandidateGroups()
                  : task.getCamundaAssignee())
          .as("candidate groups or assignee of %s", task.getId())
          .isNotBlank();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "processes/grievance.bpmn",
        "processes/escalation.bpmn",
        "processes/service-order.bpmn",
        "processes/consultation.bpmn",
        "processes/evaluation.bpmn",
        "processes/rectification.bpmn",
        "processes/finance-approval.bpmn",
        "processes/daily-inspection.bpmn"
      })
  @DisplayName("每个时限是不中断的边界定时器，截止时间来自 SLA 策略或承诺/议定的时限")
  void clocksAreNonInterruptingPolicyTimers(String resource) throws IOException {
    BpmnModelInstance model = model(resource);
    for (BoundaryEvent b : model.getModelElementsByType(BoundaryEvent.class)) {
      // message boundaries are the handlers' moves (退单, 拒单), not clocks
      if (!(b.getEventDefinitions().iterator().next()
          instanceof org.camunda.bpm.model.bpmn.instance.TimerEventDefinition)) continue;
      String timer = b.getEventDefinitions().iterator().next().getTextContent().trim();
      assertThat(timer)
          .as(b.getId())
          .matches(
              "\\$\\{((slaPolicy|[a-z][A-Za-z]*Sla)\\..+|committedDue|executionDue|reworkDue)}");
      if (WINDOWS.contains(b.getId())) continue; // a window ends the wait
      assertThat(b.cancelActivity()).as("%s interrupts", b.getId()).isFalse();
    }
  }

  @org.junit.jupiter.api.Test
  @DisplayName("表单字段键互不重复，标签为中文")
  void formsAreWellFormed() throws IOException {
    for (Map.Entry<String, JsonNode> e : forms().entrySet()) {
      Set<String> keys = new HashSet<>();
      for (JsonNode c : e.getValue().get("components")) {
        if (c.has("key")) {
          assertThat(keys.add(c.get("key").asText()))
              .as("duplicate key in %s", e.getKey())
              .isTrue();
          String label = c.has("label") ? c.get("label").asText() : c.path("dateLabel").asText();
          assertThat(label)
              .as("label of %s in %s", c.get("key"), e.getKey())
              .matches(".*\\p{IsHan}.*");
        }
      }
      assertThat(e.getValue().get("schemaVersion").asInt()).isLessThanOrEqualTo(16);
    }
  }

  static BpmnModelInstance model(String resource) throws IOException {
    try (InputStream in =
        new PathMatchingResourcePatternResolver()
            .getResource("classpath:" + resource)
            .getInputStream()) {
      return Bpmn.readModelFromStream(in);
    }
  }

  static Map<String, JsonNode> forms() throws IOException {
    Map<String, JsonNode> out = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    List<Resource> files =
        List.of(new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form"));
    assertThat(files).isNotEmpty();
    for (Resource r : files) {
      try (InputStream in = r.getInputStream()) {
        JsonNode form = json.readTree(in);
        out.put(form.get("id").asText(), form);
      }
    }
    return out;
  }
}
