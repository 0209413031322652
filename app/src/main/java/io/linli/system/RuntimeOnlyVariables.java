package io.linli.system;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Process variables that staff need while a case runs but that must not outlive it: they never
 * reach the engine's history tables (Cockpit's history, the REST history API, history cleanup's
 * backlog). The runtime row goes when the instance ends. Named by {@code
 * linli.engine.runtime-only-variables} (default {@code summary}: the masked start of the resident's
 * text that Tasklist forms show; and the resident's text and contact a staff intake start form
 * submits, {@code intakeDescription}, {@code intakeContactName}, {@code intakeContactPhone}; the
 * reasons of a 拒单 or 退单 chosen in a task form, {@code refusalReason} and {@code moveReason}, which
 * go to the case log).
 */
@Component
class RuntimeOnlyVariables extends AbstractProcessEnginePlugin {

  private final Set<String> names;

  RuntimeOnlyVariables(
      @Value(
              "${linli.engine.runtime-only-variables:summary,intakeDescription,intakeContactName,intakeContactPhone,refusalReason,moveReason}")
          List<String> names) {
    this.names = Set.copyOf(names);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl config) {
    HistoryEventHandler delegate = config.getHistoryEventHandler();
    config.setHistoryEventHandler(
        new HistoryEventHandler() {
          @Override
          public void handleEvent(HistoryEvent event) {
            if (!kept(event)) return;
            delegate.handleEvent(event);
          }

          @Override
          public void handleEvents(List<HistoryEvent> events) {
            delegate.handleEvents(events.stream().filter(this::kept).toList());
          }

          private boolean kept(HistoryEvent e) {
            return !(e instanceof HistoricVariableUpdateEventEntity v
                && names.contains(v.getVariableName()));
          }
        });
  }
}
