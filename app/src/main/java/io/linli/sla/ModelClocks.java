package io.linli.sla;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;

/**
 * The SLA timers of a user task, read from the model as {@link ClockedTasks} reads the clocks: a
 * timer boundary event on the task whose flow leads to a call activity handing the escalation a
 * {@code clock}. A pause suspends these timers and moves them on when it ends.
 */
final class ModelClocks {

  /**
   * @param boundaryId the timer's boundary event, the activity of its job
   */
  record Timer(String boundaryId, String clock) {}

  private ModelClocks() {}

  static List<Timer> timersOf(BpmnModelInstance model, String taskId) {
    List<Timer> out = new ArrayList<>();
    for (BoundaryEvent b : model.getModelElementsByType(BoundaryEvent.class)) {
      if (b.getAttachedTo() == null || !taskId.equals(b.getAttachedTo().getId())) continue;
      if (b.getEventDefinitions().stream().noneMatch(d -> d instanceof TimerEventDefinition))
        continue;
      for (SequenceFlow f : b.getOutgoing()) {
        if (!(f.getTarget() instanceof CallActivity call) || call.getExtensionElements() == null)
          continue;
        for (CamundaIn in :
            call.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list()) {
          if ("clock".equals(in.getCamundaTarget()) && in.getCamundaSourceExpression() != null) {
            out.add(new Timer(b.getId(), in.getCamundaSourceExpression()));
          }
        }
      }
    }
    return out;
  }
}
