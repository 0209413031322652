package io.linli.system;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.UnlockJobCmd;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Graceful shutdown that leaves no job locked. The starter runs jobs on a Spring thread pool that
 * stops taking work as soon as the context starts closing, while Camunda's acquisition thread runs
 * on until the engine is closed: jobs it locks in between are rejected and stay locked for {@code
 * lock-time-in-millis}, delaying their escalations on the other nodes. So the first thing on close
 * is stopping acquisition; jobs still queued then see the executor inactive and are unlocked by
 * Camunda's ExecuteJobsRunnable; jobs running finish (up to 10 s are waited for); and jobs acquired
 * but never queued (a batch the full queue rejected, kept for resubmission) are unlocked here.
 * Other nodes take all of them on their next acquisition. Checked by FaultToleranceIT (graceful
 * stop under load).
 */
@Component
class JobExecutorShutdown {

  private static final Logger log = LoggerFactory.getLogger(JobExecutorShutdown.class);
  private static final Duration RUNNING_JOBS_WAIT = Duration.ofSeconds(10);
  private static final int UNLOCK_ROUNDS = 5;

  private final ProcessEngineConfigurationImpl engineConfiguration;
  private final ObjectProvider<TaskExecutor> jobThreads;
  private final JdbcClient jdbc;

  JobExecutorShutdown(
      ProcessEngineConfigurationImpl engineConfiguration,
      @Qualifier("camundaTaskExecutor") ObjectProvider<TaskExecutor> jobThreads,
      JdbcClient jdbc) {
    this.engineConfiguration = engineConfiguration;
    this.jobThreads = jobThreads;
    this.jdbc = jdbc;
  }

  @EventListener(ContextClosedEvent.class)
  @Order(Ordered.HIGHEST_PRECEDENCE)
  void stopAcquisition() {
    JobExecutor jobExecutor = engineConfiguration.getJobExecutor();
    if (jobExecutor == null || !jobExecutor.isActive()) return;
    jobExecutor.shutdown();
    awaitIdle(jobThreads.getIfAvailable());
    String owner = jobExecutor.getLockOwner();
    int unlocked = 0;
    // A few rounds: right after a database outage the pool still hands out broken connections, and
    // an unlock that fails on one is tried again on a fresh one rather than left to expire.
    for (int round = 0; round < UNLOCK_ROUNDS; round++) {
      List<String> stillLocked;
      try {
        stillLocked =
            jdbc.sql("select id_ from act_ru_job where lock_owner_ = ?")
                .param(owner)
                .query(String.class)
                .list();
      } catch (RuntimeException e) {
        log.warn(
            "could not read the job locks of {} (round {}): {}", owner, round + 1, e.toString());
        pause();
        continue;
      }
      if (stillLocked.isEmpty()) break;
      for (String id : stillLocked) {
        try {
          engineConfiguration.getCommandExecutorTxRequired().execute(new UnlockJobCmd(id));
          unlocked++;
        } catch (RuntimeException e) {
          // done or deleted meanwhile, or a broken connection: the next round reads it again
        }
      }
      pause();
    }
    log.info(
        "shutting down: job acquisition stopped, queued jobs unlocked, {} acquired jobs released ({})",
        unlocked,
        owner);
  }

  private static void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void awaitIdle(TaskExecutor threads) {
    if (!(threads instanceof ThreadPoolTaskExecutor pool)) return;
    Instant deadline = Instant.now().plus(RUNNING_JOBS_WAIT);
    while ((pool.getActiveCount() > 0 || pool.getQueueSize() > 0)
        && Instant.now().isBefore(deadline)) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
