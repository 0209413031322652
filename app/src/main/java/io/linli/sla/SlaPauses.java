package io.linli.sla;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clock pauses (挂起), for every flow alike: while a case waits on the resident its handling clocks
 * stop, and when the wait ends they run on with their due times moved by the time paused — the
 * engine timer, the task's due date, the ledger's due time and the resident's countdown move
 * together. A pause covers either the clocks of the case's open tasks (the timers are suspended
 * while it lasts) or, for a wait between two tasks, the clocks its flow names (the next task under
 * such a clock starts with its due time moved, {@link #shiftOnCreate}). A case's pauses together
 * may last {@code linli.sla.pause.max-total} (default 7 days); at that point the clock resumes by
 * itself and its timer falls due at once, so the case goes to 督办 as overdue work does. Everything
 * is in the database: an advisory lock per case serialises pauses and resumptions across nodes.
 */
@Component("slaPauses")
public class SlaPauses implements SlaDeclarations {

  /** The total pause time a case may have, relative to {@code linli.sla.}. */
  public static final String MAX_TOTAL = "pause.max-total";

  static final String SYSTEM = "system";

  /** Why a case waits on the resident. */
  public enum Kind {
    QUOTE_DECISION("等待居民确认报价"),
    RESIDENT_UNREACHABLE("居民无法联系"),
    RESIDENT_POSTPONE("居民要求延期");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** The case a pause is for, as the ledger names it. */
  public record CaseRef(
      String flow, long caseId, String caseNo, String communityCode, String processInstanceId) {}

  /** One pause; {@code resumedAt} null while it lasts. */
  public record Pause(
      long id,
      String flow,
      String caseNo,
      List<String> clocks,
      Kind kind,
      String reason,
      Integer contactAttempts,
      Instant pausedAt,
      String pausedBy,
      Instant capAt,
      Instant resumedAt,
      String resumedBy,
      String resumeNote,
      boolean capped) {

    public boolean open() {
      return resumedAt == null;
    }

    /** How long it lasted, or has lasted until {@code now}. */
    public Duration length(Instant now) {
      return Duration.between(pausedAt, resumedAt != null ? resumedAt : now);
    }
  }

  /** A pause began ({@code resumed} false) or ended, inside the writing transaction. */
  public record Changed(String flow, String caseNo, boolean resumed, Pause pause) {}

  /** A pause the rules refuse (the cap is used up, no clock runs): a conflict, not bad input. */
  public static class Refused extends RuntimeException {
    public Refused(String message) {
      super(message);
    }
  }

  private final JdbcClient jdbc;
  private final SlaLedger ledger;
  private final SlaPolicy policy;
  private final TaskService tasks;
  private final ManagementService management;
  private final RepositoryService repository;
  private final IdentityService identity;
  private final ApplicationEventPublisher events;

  SlaPauses(
      JdbcClient jdbc,
      SlaLedger ledger,
      @Lazy SlaPolicy policy,
      @Lazy TaskService tasks,
      @Lazy ManagementService management,
      @Lazy RepositoryService repository,
      @Lazy IdentityService identity,
      ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.ledger = ledger;
    this.policy = policy;
    this.tasks = tasks;
    this.management = management;
    this.repository = repository;
    this.identity = identity;
    this.events = events;
  }

  @Override
  public Map<String, Duration> settings() {
    return Map.of(MAX_TOTAL, Duration.ofDays(7));
  }

  /** The configured cap on a case's pauses together. */
  public Duration maxTotal() {
    return policy.duration(MAX_TOTAL);
  }

  /**
   * Pauses the case's clocks; a second call while the case is paused returns the open pause.
   *
   * @param waitingClocks for a wait between tasks, the clocks it pauses; empty: the clocks of the
   *     case's open tasks
   * @throws Refused when the cap is used up or no clock would pause
   */
  @Transactional
  public Pause pause(
      CaseRef c,
      Kind kind,
      String reason,
      Integer contactAttempts,
      List<String> waitingClocks,
      String actor) {
    lock(c.caseNo());
    Optional<Pause> already = open(c.caseNo());
    if (already.isPresent()) return already.get();
    Instant now = policy.now();
    Duration left = maxTotal().minus(used(c.caseNo(), now));
    if (left.isNegative() || left.isZero()) {
      throw new Refused("本案挂起累计已达上限（" + hours(maxTotal()) + "小时），不能再挂起");
    }
    List<Running> running =
        waitingClocks.isEmpty() ? running(c.processInstanceId(), null, null) : List.of();
    List<String> clocks =
        waitingClocks.isEmpty()
            ? running.stream().map(Running::clock).distinct().toList()
            : List.copyOf(waitingClocks);
    if (clocks.isEmpty()) throw new Refused("本案当前没有正在计时的时限，无需挂起");
    asApp(
        () -> {
          running.forEach(r -> r.jobIds().forEach(management::suspendJobById));
          return null;
        });
    long id =
        jdbc.sql(
                """
            insert into sla_pause (flow, case_id, case_no, community_code, process_instance_id, clocks,
              kind, reason, contact_attempts, paused_at, paused_by, cap_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
            .params(
                c.flow(),
                c.caseId(),
                c.caseNo(),
                c.communityCode(),
                c.processInstanceId(),
                String.join(",", clocks),
                kind.name(),
                reason,
                contactAttempts,
                Timestamp.from(now),
                actor,
                Timestamp.from(now.plus(left)))
            .query(Long.class)
            .single();
    Map<String, Instant> due = new LinkedHashMap<>();
    running.forEach(r -> due.putIfAbsent(r.clock(), r.dueAt()));
    for (String clock : clocks) {
      Instant d = due.containsKey(clock) ? due.get(clock) : ledger.lastDue(c.caseNo(), clock);
      ledger.recordPause(c, clock, "PAUSED", d, now, actor, kind.label() + "：" + reason);
    }
    Pause p = find(id);
    events.publishEvent(new Changed(c.flow(), c.caseNo(), false, p));
    return p;
  }

  /**
   * Ends the case's open pause: its clocks run on, due the time paused later (never more than the
   * cap allows). A pause that reached the cap ends as capped: the timers fall due at once.
   *
   * @return the ended pause, or empty when the case was not paused
   */
  @Transactional
  public Optional<Pause> resume(String caseNo, String actor, String note) {
    return resume(caseNo, actor, note, null, null);
  }

  /** Every pause of the case, oldest first. */
  public List<Pause> of(String caseNo) {
    return jdbc.sql("select * from sla_pause where case_no = ? order by id")
        .param(caseNo)
        .query(SlaPauses::row)
        .list();
  }

  public Optional<Pause> open(String caseNo) {
    return jdbc.sql("select * from sla_pause where case_no = ? and resumed_at is null")
        .param(caseNo)
        .query(SlaPauses::row)
        .optional();
  }

  /** The case's pauses together, the open one until {@code now}. */
  public Duration used(String caseNo, Instant now) {
    return of(caseNo).stream().map(p -> p.length(now)).reduce(Duration.ZERO, Duration::plus);
  }

  /**
   * Ends the pauses whose cap has come, as their clocks' holders would see it: capped, with the
   * timers due at once (one node takes each, {@code skip locked}).
   */
  @Transactional
  public List<Pause> resumeCapped() {
    List<String> due =
        jdbc.sql(
                """
            select case_no from sla_pause where resumed_at is null and cap_at <= ?
            order by cap_at limit 100 for update skip locked""")
            .param(Timestamp.from(policy.now()))
            .query(String.class)
            .list();
    List<Pause> out = new ArrayList<>();
    for (String caseNo : due) {
      resume(caseNo, SYSTEM, "挂起累计已达上限，自动恢复计时并提请督办", null, null).ifPresent(out::add);
    }
    return out;
  }

  /**
   * Retention: the reasons and resume notes staff typed for the case's pauses are free text and are
   * emptied; the pauses themselves (when, how long, which clocks) stay, and with them the pause
   * rate.
   */
  public void clearReasons(String flow, String caseNo) {
    jdbc.sql("update sla_pause set reason = '', resume_note = null where flow = ? and case_no = ?")
        .params(flow, caseNo)
        .update();
  }

  // --- inside the engine: the clock listener ------------------------------------------------

  /**
   * A task under {@code clock} is created: its due date and its SLA timers move by the time the
   * case's ended pauses of that clock lasted (its due date was computed from the clock's start).
   */
  void shiftOnCreate(DelegateTask task, String clock) {
    String caseNo = (String) task.getVariable("caseNo");
    if (caseNo == null || task.getDueDate() == null) return;
    Duration shift =
        of(caseNo).stream()
            .filter(p -> !p.open() && p.clocks().contains(clock))
            .map(p -> p.length(p.resumedAt()))
            .reduce(Duration.ZERO, Duration::plus);
    if (shift.isZero()) return;
    task.setDueDate(Date.from(task.getDueDate().toInstant().plus(shift)));
    Set<String> boundaries = new java.util.HashSet<>();
    for (ModelClocks.Timer t :
        ModelClocks.timersOf(
            (org.camunda.bpm.model.bpmn.BpmnModelInstance)
                task.getBpmnModelElementInstance().getModelInstance(),
            task.getTaskDefinitionKey())) {
      if (t.clock().equals(clock)) boundaries.add(t.boundaryId());
    }
    if (task.getExecution() instanceof ExecutionEntity execution) {
      for (JobEntity job : execution.getJobs()) {
        if (job instanceof TimerEntity
            && boundaries.contains(job.getActivityId())
            && job.getDuedate() != null) {
          job.setDuedate(Date.from(job.getDuedate().toInstant().plus(shift)));
        }
      }
    }
  }

  /** A task under {@code clock} completes while a pause of that clock lasts: the wait is over. */
  void resumeOnCompletion(DelegateTask task, String clock, String actor) {
    String caseNo = (String) task.getVariable("caseNo");
    if (caseNo == null) return;
    Optional<Pause> open = open(caseNo);
    if (open.isEmpty() || !open.get().clocks().contains(clock)) return;
    resume(caseNo, actor == null ? SYSTEM : actor, "任务已办理，恢复计时", task, clock);
  }

  // --- the work ------------------------------------------------------------------------------

  private record Running(String clock, String taskId, Instant dueAt, List<String> jobIds) {}

  private Optional<Pause> resume(
      String caseNo, String actor, String note, DelegateTask completing, String completingClock) {
    lock(caseNo);
    Optional<Pause> open = open(caseNo);
    if (open.isEmpty()) return Optional.empty();
    Pause p = open.get();
    Instant now = policy.now();
    boolean capped = !now.isBefore(p.capAt());
    Instant end = capped ? p.capAt() : now;
    Duration length = Duration.between(p.pausedAt(), end);
    CaseRef c =
        jdbc.sql(
                """
            select flow, case_id, case_no, community_code, process_instance_id from sla_pause where id = ?""")
            .param(p.id())
            .query(
                (rs, n) ->
                    new CaseRef(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5)))
            .single();
    Map<String, Instant> newDue = new LinkedHashMap<>();
    if (completing != null && completing.getDueDate() != null) {
      Instant d = completing.getDueDate().toInstant().plus(length);
      completing.setDueDate(Date.from(d));
      newDue.put(completingClock, d);
    }
    List<Running> running =
        running(
            c.processInstanceId(),
            Set.copyOf(p.clocks()),
            completing == null ? null : completing.getId());
    asApp(
        () -> {
          for (Running r : running) {
            Instant d = r.dueAt() == null ? null : r.dueAt().plus(length);
            if (d != null) {
              Task t = tasks.createTaskQuery().taskId(r.taskId()).singleResult();
              t.setDueDate(Date.from(d));
              if (t.getFollowUpDate() != null) {
                // the 临期预警 instant (SlaWarnings) moves with the due time
                t.setFollowUpDate(Date.from(t.getFollowUpDate().toInstant().plus(length)));
              }
              tasks.saveTask(t);
              newDue.putIfAbsent(r.clock(), d);
            }
            for (String job : r.jobIds()) {
              Job j = management.createJobQuery().jobId(job).singleResult();
              Instant jobDue =
                  capped
                      ? now
                      : j.getDuedate() == null ? d : j.getDuedate().toInstant().plus(length);
              if (jobDue != null) management.setJobDuedate(job, Date.from(jobDue));
              management.activateJobById(job);
            }
          }
          return null;
        });
    jdbc.sql(
            """
            update sla_pause set resumed_at = ?, resumed_by = ?, resume_note = ?, capped = ?
            where id = ?""")
        .params(Timestamp.from(end), actor, note, capped, p.id())
        .update();
    // a pending 临期预警 of a paused clock is due the time paused later, like the clock itself
    jdbc.sql(
            """
            update sla_warning set warn_at = warn_at + ?::interval, due_at = due_at + ?::interval
            where case_no = ? and clock = any(?) and status = 'PENDING'""")
        .params(
            length.toSeconds() + " seconds",
            length.toSeconds() + " seconds",
            caseNo,
            p.clocks().toArray(String[]::new))
        .update();
    for (String clock : p.clocks()) {
      Instant d = newDue.get(clock);
      if (d == null) {
        Instant last = ledger.lastDue(caseNo, clock);
        d = last == null ? null : last.plus(length);
      }
      ledger.recordPause(c, clock, "RESUMED", d, end, actor, note);
    }
    Pause ended = find(p.id());
    events.publishEvent(new Changed(c.flow(), caseNo, true, ended));
    return Optional.of(ended);
  }

  /**
   * The SLA timers of the instance's open tasks, with the clocks they run (only these, if given).
   */
  private List<Running> running(String processInstanceId, Set<String> only, String exceptTask) {
    if (processInstanceId == null) return List.of();
    return asApp(
        () -> {
          List<Running> out = new ArrayList<>();
          for (Task t : tasks.createTaskQuery().processInstanceId(processInstanceId).list()) {
            if (t.getId().equals(exceptTask)) continue;
            for (ModelClocks.Timer timer :
                ModelClocks.timersOf(
                    repository.getBpmnModelInstance(t.getProcessDefinitionId()),
                    t.getTaskDefinitionKey())) {
              if (only != null && !only.contains(timer.clock())) continue;
              List<String> jobs =
                  management
                      .createJobQuery()
                      .processInstanceId(processInstanceId)
                      .activityId(timer.boundaryId())
                      .timers()
                      .list()
                      .stream()
                      .map(Job::getId)
                      .toList();
              out.add(
                  new Running(
                      timer.clock(),
                      t.getId(),
                      t.getDueDate() == null ? null : t.getDueDate().toInstant(),
                      jobs));
            }
          }
          return out;
        });
  }

  private void lock(String caseNo) {
    jdbc.sql("select pg_advisory_xact_lock(hashtext(?))")
        .param("sla_pause:" + caseNo)
        .query()
        .singleRow();
  }

  private Pause find(long id) {
    return jdbc.sql("select * from sla_pause where id = ?")
        .param(id)
        .query(SlaPauses::row)
        .single();
  }

  /** Engine work as the application: the caller's own engine rights do not limit the clock. */
  private <T> T asApp(Supplier<T> work) {
    org.camunda.bpm.engine.impl.identity.Authentication current =
        identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (current != null) identity.setAuthentication(current);
    }
  }

  private static long hours(Duration d) {
    return d.toHours();
  }

  private static Pause row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    Timestamp resumed = rs.getTimestamp("resumed_at");
    int attempts = rs.getInt("contact_attempts");
    Integer contactAttempts = rs.wasNull() ? null : attempts;
    return new Pause(
        rs.getLong("id"),
        rs.getString("flow"),
        rs.getString("case_no"),
        Arrays.asList(rs.getString("clocks").split(",")),
        Kind.valueOf(rs.getString("kind")),
        rs.getString("reason"),
        contactAttempts,
        rs.getTimestamp("paused_at").toInstant(),
        rs.getString("paused_by"),
        rs.getTimestamp("cap_at").toInstant(),
        resumed == null ? null : resumed.toInstant(),
        rs.getString("resumed_by"),
        rs.getString("resume_note"),
        rs.getBoolean("capped"));
  }
}
