package io.linli.sla;

import io.linli.system.Times;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one place the ledger learns that a clock started or stopped, for every flow: attached by
 * {@link SlaClockPlugin} to each user task that runs a clock ({@link ClockedTasks}).
 *
 * <ul>
 *   <li>create: STARTED with the task's due date and who holds it — once per case, clock and level;
 *       a second task under the same clock (分流定级 then 处置) keeps the first start;
 *   <li>complete: the clock stops (MET on time, RESOLVED late) unless another task of the case
 *       still runs under it after this transaction's work — checked just before the commit, when
 *       the engine has written the next task. A clock picked up again later by another task (a
 *       service order's 小问题处置 after the resident accepted the quote) stops again there.
 * </ul>
 *
 * <p>Pauses ({@link SlaPauses}): a task created under a clock that was paused before is due the
 * time paused later; a task completed while its clock is paused ends the pause first.
 */
class SlaClockListener implements TaskListener {

  private final ClockedTasks.TaskClock clock;
  private final Map<String, ClockedTasks.TaskClock> processClocks;
  private final SlaLedger ledger;
  private final JdbcClient jdbc;
  private final SlaPauses pauses;

  SlaClockListener(
      ClockedTasks.TaskClock clock,
      Map<String, ClockedTasks.TaskClock> processClocks,
      SlaLedger ledger,
      JdbcClient jdbc,
      SlaPauses pauses) {
    this.clock = clock;
    this.processClocks = processClocks;
    this.ledger = ledger;
    this.jdbc = jdbc;
    this.pauses = pauses;
  }

  ClockedTasks.TaskClock clock() {
    return clock;
  }

  @Override
  public void notify(DelegateTask task) {
    Instant now = Times.now();
    if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
      // a task picking the clock up after a pause of it is due that much later (SlaPauses)
      if (clock.level() == 0) pauses.shiftOnCreate(task, clock.clock());
      ledger.recordStarted(run(task), now);
    } else if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
      String actor = task.getAssignee();
      if (clock.level() > 0) {
        ledger.recordStopped(run(task), now, actor);
        return;
      }
      // done while the clock was paused: the wait is over, the clock resumed first
      pauses.resumeOnCompletion(task, clock.clock(), actor);
      SlaLedger.ClockRun run = run(task);
      List<String> sameClock =
          processClocks.entrySet().stream()
              .filter(e -> e.getValue().equals(clock))
              .map(Map.Entry::getKey)
              .toList();
      String instance = task.getProcessInstanceId();
      String taskId = task.getId();
      Context.getCommandContext()
          .getTransactionContext()
          .addTransactionListener(
              TransactionState.COMMITTING,
              commandContext -> {
                if (!stillRunning(instance, taskId, sameClock))
                  ledger.recordStopped(run, now, actor);
              });
    }
  }

  private boolean stillRunning(
      String processInstanceId, String completedTaskId, List<String> taskKeys) {
    return jdbc.sql(
                """
            select count(*) from act_ru_task
            where proc_inst_id_ = :pi and id_ <> :task and task_def_key_ in (:keys)""")
            .param("pi", processInstanceId)
            .param("task", completedTaskId)
            .param("keys", taskKeys)
            .query(Long.class)
            .single()
        > 0;
  }

  private SlaLedger.ClockRun run(DelegateTask task) {
    boolean supervision = clock.level() > 0;
    String flow = supervision ? (String) task.getVariable("flow") : clock.flow();
    String clockName = supervision ? (String) task.getVariable("clock") : clock.clock();
    // A 督办's rows point at the case's own instance, as its BREACHED rows do.
    String instance =
        supervision
            ? (String) task.getVariable("parentProcessInstanceId")
            : task.getProcessInstanceId();
    return new SlaLedger.ClockRun(
        flow,
        ((Number) task.getVariable("caseId")).longValue(),
        (String) task.getVariable("caseNo"),
        (String) task.getVariable("communityCode"),
        clockName,
        clock.level(),
        task.getDueDate() == null ? null : task.getDueDate().toInstant(),
        holder(task),
        instance,
        task.getId(),
        task.getTaskDefinitionKey());
  }

  /** As the breach rows name it: {@code user:id}, else {@code group:a,group:b}. */
  static String holder(DelegateTask task) {
    if (task.getAssignee() != null) return "user:" + task.getAssignee();
    String groups =
        task.getCandidates().stream()
            .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
            .map(IdentityLink::getGroupId)
            .map(g -> "group:" + g)
            .collect(Collectors.joining(","));
    return groups.isEmpty() ? null : groups;
  }
}
