package io.linli.consultation;

import java.util.Map;

/**
 * Ids of processes/consultation.bpmn (议事协商: 征—审—议—办—评); a test checks each names a real element.
 */
final class ConsultationProcess {

  static final String KEY = "Process_Consultation";
  static final String FLOW = "CONSULTATION";

  static final String START = "StartEvent_TopicProposed";
  static final String EVENT_COLLECTION_ENDED = "Event_CollectionWindowEnded";
  static final String TASK_REVIEW = "Task_Review";
  static final String TASK_SCHEDULE_MEETING = "Task_ScheduleMeeting";
  static final String TASK_VOTE = "Task_Vote";
  static final String TASK_TALLY_VOTES = "Task_TallyVotes";
  static final String TASK_PLAN_EXECUTION = "Task_PlanExecution";
  static final String TASK_EXECUTE = "Task_Execute";
  static final String EVENT_EVALUATION_ENDED = "Event_EvaluationWindowEnded";
  static final String TASK_TALLY_RATINGS = "Task_TallyRatings";
  static final String TASK_REWORK = "Task_Rework";
  static final String TASK_PUBLISH_RESULT = "Task_PublishResult";

  static final String TIMER_REVIEW_SLA = "BoundaryEvent_ReviewSlaBreached";
  static final String TIMER_VOTE_CLOSED = "BoundaryEvent_VoteClosed";
  static final String TIMER_EXECUTION_SLA = "BoundaryEvent_ExecutionSlaBreached";
  static final String TIMER_REWORK_SLA = "BoundaryEvent_ReworkSlaBreached";

  static final String CALL_ESCALATE_REVIEW = "CallActivity_EscalateReview";
  static final String CALL_ESCALATE_EXECUTION = "CallActivity_EscalateExecution";
  static final String CALL_ESCALATE_REWORK = "CallActivity_EscalateRework";

  static final String END_REJECTED = "EndEvent_TopicRejected";
  static final String END_MERGED = "EndEvent_TopicMerged";
  static final String END_NOT_AGREED = "EndEvent_NotAgreed";
  static final String END_LAPSED = "EndEvent_TopicLapsed";
  static final String END_CLOSED = "EndEvent_TopicClosed";
  static final String END_REVIEW_ESCALATED = "EndEvent_ReviewEscalated";
  static final String END_EXECUTION_ESCALATED = "EndEvent_ExecutionEscalated";
  static final String END_REWORK_ESCALATED = "EndEvent_ReworkEscalated";

  /** The state a topic takes when the flow enters an activity. */
  static final Map<String, TopicState> STATE_AT =
      Map.of(
          TASK_REVIEW, TopicState.REVIEWING,
          TASK_SCHEDULE_MEETING, TopicState.DELIBERATING,
          TASK_PLAN_EXECUTION, TopicState.AGREED,
          TASK_EXECUTE, TopicState.EXECUTING,
          EVENT_EVALUATION_ENDED, TopicState.EVALUATING,
          TASK_REWORK, TopicState.REWORKING);

  private ConsultationProcess() {}
}
