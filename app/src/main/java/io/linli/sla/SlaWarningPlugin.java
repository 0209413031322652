package io.linli.sla;

import io.linli.system.Times;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Engine-wide, like {@link SlaClockPlugin}: every user task that runs a clock ({@link
 * ClockedTasks}) gets a built-in create listener that schedules the clock's 临期预警 ({@link
 * SlaWarnings}) and sets the task's follow-up date to the warning instant, so Tasklist's 即将超时
 * filter (follow-up date passed, due date not yet) uses each clock's own warning time.
 */
@Component
class SlaWarningPlugin extends AbstractProcessEnginePlugin {

  private final SlaWarnings warnings;

  SlaWarningPlugin(@Lazy SlaWarnings warnings) {
    this.warnings = warnings;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl config) {
    List<BpmnParseListener> listeners =
        config.getCustomPostBPMNParseListeners() == null
            ? new ArrayList<>()
            : new ArrayList<>(config.getCustomPostBPMNParseListeners());
    listeners.add(
        new AbstractBpmnParseListener() {
          @Override
          public void parseProcess(Element process, ProcessDefinitionEntity definition) {
            Map<String, ClockedTasks.TaskClock> clocks = ClockedTasks.of(process);
            clocks.forEach(
                (taskId, clock) -> {
                  ActivityImpl activity = definition.findActivity(taskId);
                  if (activity != null
                      && activity.getActivityBehavior() instanceof UserTaskActivityBehavior b) {
                    b.getTaskDefinition()
                        .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, new Listener(clock));
                  }
                });
          }
        });
    config.setCustomPostBPMNParseListeners(listeners);
  }

  private final class Listener implements TaskListener {
    private final ClockedTasks.TaskClock clock;

    Listener(ClockedTasks.TaskClock clock) {
      this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
      if (task.getDueDate() == null) return;
      boolean supervision = clock.level() > 0;
      String flow = supervision ? (String) task.getVariable("flow") : clock.flow();
      String clockName = supervision ? (String) task.getVariable("clock") : clock.clock();
      String caseNo = task.getVariable("caseNo") instanceof String s ? s : null;
      if (flow == null || clockName == null || caseNo == null) return;
      Instant due = task.getDueDate().toInstant();
      Instant start = warnings.started(flow, caseNo, clockName, clock.level()).orElse(Times.now());
      if (start.isAfter(due)) start = Times.now();
      Instant warnAt = warnings.warnAt(clockName, start, due);
      task.setFollowUpDate(Date.from(warnAt));
      warnings.schedule(
          flow,
          caseNo,
          clockName,
          clock.level(),
          task.getVariable("communityCode") instanceof String c ? c : null,
          task.getProcessInstanceId(),
          task.getTaskDefinitionKey(),
          due,
          warnAt);
    }
  }
}
