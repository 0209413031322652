package io.linli.sla;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Engine-wide: when a model is parsed, every user task that runs an SLA clock gets the {@link
 * SlaClockListener} on create and complete, as a built-in listener (it runs even when a
 * modification skips custom listeners). No model names the ledger; the clocks are read from the
 * models' boundary timers and escalation calls.
 */
@Component
class SlaClockPlugin extends AbstractProcessEnginePlugin {

  private final SlaLedger ledger;
  private final JdbcClient jdbc;
  private final SlaPauses pauses;

  SlaClockPlugin(@Lazy SlaLedger ledger, @Lazy JdbcClient jdbc, @Lazy SlaPauses pauses) {
    this.ledger = ledger;
    this.jdbc = jdbc;
    this.pauses = pauses;
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
                    SlaClockListener l = new SlaClockListener(clock, clocks, ledger, jdbc, pauses);
                    b.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, l);
                    b.getTaskDefinition()
                        .addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, l);
                  }
                });
          }
        });
    config.setCustomPostBPMNParseListeners(listeners);
  }
}
