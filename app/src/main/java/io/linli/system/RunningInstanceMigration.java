package io.linli.system;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After a release deploys new versions of the models, moves every running instance of an older
 * version onto the newest one, activity by activity ({@code mapEqualActivities}): the expressions a
 * case will evaluate from then on (due dates, candidate groups, listeners) are the new release's,
 * so a bean or method renamed in code never strands a case that was started before. Timers already
 * scheduled keep their due times. A version whose activities no longer map one to one is left as it
 * is, with a warning naming it. Runs under an advisory lock, so of several nodes starting together
 * one migrates and the others find nothing left. Off with {@code
 * linli.engine.migrate-running-instances=false}.
 */
@Component
class RunningInstanceMigration implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(RunningInstanceMigration.class);
  private static final int BATCH = 500;

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final TransactionTemplate tx;
  private final StartupLock lock;
  private final boolean enabled;

  RunningInstanceMigration(
      RepositoryService repository,
      RuntimeService runtime,
      TransactionTemplate tx,
      StartupLock lock,
      @Value("${linli.engine.migrate-running-instances:true}") boolean enabled) {
    this.repository = repository;
    this.runtime = runtime;
    this.tx = tx;
    this.lock = lock;
    this.enabled = enabled;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (enabled) migrateAll();
  }

  /**
   * @return how many instances moved to a newer version
   */
  int migrateAll() {
    Map<String, List<ProcessDefinition>> byKey =
        repository.createProcessDefinitionQuery().list().stream()
            .collect(Collectors.groupingBy(ProcessDefinition::getKey));
    int moved = 0;
    for (List<ProcessDefinition> versions : byKey.values()) {
      ProcessDefinition latest =
          versions.stream()
              .max(Comparator.comparingInt(ProcessDefinition::getVersion))
              .orElseThrow();
      for (ProcessDefinition old : versions) {
        if (old.getVersion() < latest.getVersion()) moved += migrate(old, latest);
      }
    }
    if (moved > 0) log.info("moved {} running instances onto the newest model versions", moved);
    return moved;
  }

  private int migrate(ProcessDefinition from, ProcessDefinition to) {
    if (runtime.createProcessInstanceQuery().processDefinitionId(from.getId()).count() == 0)
      return 0;
    MigrationPlan plan;
    try {
      plan = runtime.createMigrationPlan(from.getId(), to.getId()).mapEqualActivities().build();
    } catch (MigrationPlanValidationException e) {
      log.warn(
          "instances of {} v{} stay on their version: its activities do not map onto v{} ({})",
          from.getKey(),
          from.getVersion(),
          to.getVersion(),
          e.getMessage());
      return 0;
    }
    int moved = 0;
    while (true) {
      Integer n =
          tx.execute(
              s -> {
                lock.acquire("linli-instance-migration");
                List<String> ids =
                    runtime
                        .createProcessInstanceQuery()
                        .processDefinitionId(from.getId())
                        .listPage(0, BATCH)
                        .stream()
                        .map(p -> p.getId())
                        .toList();
                if (!ids.isEmpty()) runtime.newMigration(plan).processInstanceIds(ids).execute();
                return ids.size();
              });
      if (n == null || n == 0) return moved;
      moved += n;
    }
  }
}
