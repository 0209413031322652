package io.linli.consultation;

import io.linli.system.ApiError;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 议, the representative's side: their open vote tasks, and casting a vote, which completes their
 * task (the same as submitting the form in Tasklist). Once cast, or once the vote has closed, a
 * vote cannot be cast again or changed: 409.
 *
 * <p>Every completion of a parallel multi-instance task updates the instance counters of the
 * multi-instance body, so representatives voting at the same moment would collide on that row
 * (OptimisticLockingException). Votes of one topic therefore queue: first in this node (so waiting
 * voters do not hold database connections), then across nodes on the topic's database lock ({@link
 * Votes#serialize}), taken before the engine reads anything. A collision that still happens (a
 * Tasklist submission read the counters before waiting for the lock) leaves nothing behind, as a
 * vote and its task completion are one transaction, and is retried.
 */
@Service
class ConsultationVotes {

  static final int MAX_ATTEMPTS = 100;
  private static final Logger log = LoggerFactory.getLogger(ConsultationVotes.class);

  /**
   * In-node queues of voters, one per topic modulo their number (fair: first come, first served).
   */
  private static final ReentrantLock[] QUEUES =
      IntStream.range(0, 64).mapToObj(i -> new ReentrantLock(true)).toArray(ReentrantLock[]::new);

  private final Topics topics;
  private final Rounds rounds;
  private final Votes votes;
  private final TaskService tasks;
  private final TransactionTemplate transaction;

  ConsultationVotes(
      Topics topics,
      Rounds rounds,
      Votes votes,
      TaskService tasks,
      PlatformTransactionManager transactionManager) {
    this.topics = topics;
    this.rounds = rounds;
    this.votes = votes;
    this.tasks = tasks;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  record Receipt(String topicNo, int round, VoteChoice vote) {}

  /** An open vote task of the representative. */
  record VoteTask(
      String taskId,
      String topicNo,
      String title,
      String estateName,
      int round,
      Instant meetingAt,
      String place,
      Instant closesAt) {}

  Receipt vote(String topicNo, String userId, VoteChoice choice, String comment) {
    long topicId =
        topics.find(topicNo).orElseThrow(() -> ApiError.notFound("没有这个议题：" + topicNo)).id();
    ReentrantLock queue = QUEUES[(int) (topicId % QUEUES.length)];
    queue.lock();
    try {
      for (int attempt = 1; ; attempt++) {
        try {
          return transaction.execute(status -> voteOnce(topicNo, userId, choice, comment));
        } catch (OptimisticLockingException e) {
          if (attempt == MAX_ATTEMPTS) throw ApiError.conflict("同时表决的人数较多，请稍后重试");
          log.debug("vote of {} on {} collided (attempt {}), retrying", userId, topicNo, attempt);
          pause(attempt);
        }
      }
    } finally {
      queue.unlock();
    }
  }

  private Receipt voteOnce(String topicNo, String userId, VoteChoice choice, String comment) {
    Topics.Row topic =
        topics.find(topicNo).orElseThrow(() -> ApiError.notFound("没有这个议题：" + topicNo));
    votes.serialize(topic.id());
    Task task =
        topic.processInstanceId() == null
            ? null
            : tasks
                .createTaskQuery()
                .processInstanceId(topic.processInstanceId())
                .taskDefinitionKey(ConsultationProcess.TASK_VOTE)
                .taskAssignee(userId)
                .singleResult();
    Rounds.Meeting meeting = rounds.latest(topic.id()).orElse(null);
    if (task == null || meeting == null) throw refusal(topic, meeting, userId);
    Map<String, Object> form = new HashMap<>();
    form.put(ConsultationVariables.VOTE, choice.name());
    form.put(ConsultationVariables.VOTE_COMMENT, comment);
    try {
      tasks.complete(task.getId(), form);
    } catch (ProcessEngineException e) {
      throw refused(e);
    }
    return new Receipt(topic.topicNo(), meeting.round(), choice);
  }

  @Transactional(readOnly = true)
  List<VoteTask> openTasks(String userId) {
    List<Task> open =
        tasks
            .createTaskQuery()
            .processDefinitionKey(ConsultationProcess.KEY)
            .taskDefinitionKey(ConsultationProcess.TASK_VOTE)
            .taskAssignee(userId)
            .orderByDueDate()
            .asc()
            .list();
    Map<String, Topics.Row> byInstance =
        topics.byProcessInstances(open.stream().map(Task::getProcessInstanceId).toList()).stream()
            .collect(Collectors.toMap(Topics.Row::processInstanceId, Function.identity()));
    return open.stream()
        .filter(t -> byInstance.containsKey(t.getProcessInstanceId()))
        .map(
            t -> {
              Topics.Row topic = byInstance.get(t.getProcessInstanceId());
              Rounds.Meeting m = rounds.latest(topic.id()).orElseThrow();
              return new VoteTask(
                  t.getId(),
                  topic.topicNo(),
                  topic.title(),
                  topic.estateName(),
                  m.round(),
                  m.meetingAt(),
                  m.place(),
                  t.getDueDate() == null ? null : t.getDueDate().toInstant());
            })
        .toList();
  }

  private RuntimeException refusal(Topics.Row topic, Rounds.Meeting meeting, String userId) {
    if (meeting == null) return ApiError.conflict("该议题尚未进入表决");
    if (!rounds.onRoll(topic.id(), meeting.round(), userId)) {
      return ApiError.notFound("您不是该议题第" + meeting.round() + "轮的表决代表");
    }
    if (votes.voteOf(topic.id(), meeting.round(), userId).isPresent()) {
      return ApiError.conflict("您已在第" + meeting.round() + "轮表决，表决不能更改");
    }
    return ApiError.conflict("第" + meeting.round() + "轮表决已截止");
  }

  /**
   * A collision on the multi-instance counters is retried (see the class comment). The same vote
   * sent twice at once: the second finds the task gone or the vote row already written — a 409.
   */
  private static RuntimeException refused(ProcessEngineException e) {
    if (e instanceof OptimisticLockingException) return e;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BadUserRequestException b) return ApiError.conflict(b.getMessage());
    }
    if (e instanceof NullValueException || e instanceof NotFoundException) {
      return ApiError.conflict("该表决任务刚被处理（已表决或已截止），请刷新后查看");
    }
    return e;
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20 + 5L * Math.min(attempt, 20)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiError.conflict("表决被中断，请重试");
    }
  }
}
