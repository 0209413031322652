package io.linli.sla;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Which user tasks of a process run which SLA clock, read from the model itself, so no flow lists
 * its clocks twice:
 *
 * <ul>
 *   <li>a user task with a timer boundary event whose flow leads to a call activity handing the
 *       escalation {@code flow} and {@code clock} runs that clock at level 0 (the handler's);
 *   <li>a user task with the extension property {@code linli.slaLevel} = 1 or 2 is a 督办 and runs,
 *       at that level, the clock named by its instance's {@code flow} and {@code clock} variables.
 * </ul>
 */
final class ClockedTasks {

  static final String LEVEL_PROPERTY = "linli.slaLevel";

  /**
   * @param flow and {@code clock} are null for a 督办, which reads them from its variables
   */
  record TaskClock(String flow, String clock, int level) {}

  private ClockedTasks() {}

  /**
   * @return task id to its clock, for the process element of a BPMN file
   */
  static Map<String, TaskClock> of(Element process) {
    Map<String, String> flowTarget = new HashMap<>();
    Map<String, String> timerAttachedTo = new HashMap<>();
    Map<String, Element> callActivities = new HashMap<>();
    Map<String, TaskClock> result = new LinkedHashMap<>();
    for (Element e : descendants(process)) {
      String id = e.attribute("id");
      switch (e.getTagName()) {
        case "sequenceFlow" ->
            flowTarget.merge(
                e.attribute("sourceRef"), e.attribute("targetRef"), (a, b) -> a + " " + b);
        case "boundaryEvent" -> {
          if (!e.elements("timerEventDefinition").isEmpty()) {
            timerAttachedTo.put(id, e.attribute("attachedToRef"));
          }
        }
        case "callActivity" -> callActivities.put(id, e);
        case "userTask" -> {
          String level = property(e, LEVEL_PROPERTY);
          if (level != null) result.put(id, new TaskClock(null, null, Integer.parseInt(level)));
        }
        default -> {}
      }
    }
    timerAttachedTo.forEach(
        (boundary, task) -> {
          String targets = flowTarget.get(boundary);
          if (targets == null) return;
          for (String target : targets.split(" ")) {
            Element call = callActivities.get(target);
            if (call == null) continue;
            String flow = input(call, "flow");
            String clock = input(call, "clock");
            if (flow != null && clock != null) result.put(task, new TaskClock(flow, clock, 0));
          }
        });
    return result;
  }

  private static List<Element> descendants(Element scope) {
    List<Element> all = new ArrayList<>();
    for (Element e : scope.elements()) {
      all.add(e);
      if ("subProcess".equals(e.getTagName())) all.addAll(descendants(e));
    }
    return all;
  }

  /** The constant a call activity hands the called process as {@code target}. */
  private static String input(Element call, String target) {
    Element ext = call.element("extensionElements");
    if (ext == null) return null;
    for (Element in : ext.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "in")) {
      if (target.equals(in.attribute("target"))) return in.attribute("sourceExpression");
    }
    return null;
  }

  private static String property(Element task, String name) {
    Element ext = task.element("extensionElements");
    if (ext == null) return null;
    for (Element props : ext.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties")) {
      for (Element p : props.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
        if (name.equals(p.attribute("name"))) return p.attribute("value");
      }
    }
    return null;
  }
}
