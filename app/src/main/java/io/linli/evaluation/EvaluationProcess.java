package io.linli.evaluation;

/** Ids of processes/evaluation.bpmn (年度综合考评); a test checks each names a real element. */
final class EvaluationProcess {

  static final String KEY = "Process_Evaluation";
  static final String START = "StartEvent_EvaluationOpened";
  static final String TASK_SCORE = "Task_Score";
  static final String TIMER_REMINDER = "BoundaryEvent_ScoringReminder";
  static final String TASK_REMIND = "Task_RemindRepresentatives";
  static final String TIMER_SCORING_SLA = "BoundaryEvent_ScoringSlaBreached";
  static final String CALL_ESCALATE_SCORING = "CallActivity_EscalateScoring";
  static final String TIMER_SCORING_CLOSED = "BoundaryEvent_ScoringClosed";
  static final String TASK_TALLY = "Task_Tally";
  static final String GATEWAY_OUTCOME = "Gateway_Outcome";
  static final String TASK_ANSWER = "Task_AnswerRectification";
  static final String TIMER_ANSWER_SLA = "BoundaryEvent_AnswerSlaBreached";
  static final String CALL_ESCALATE_ANSWER = "CallActivity_EscalateAnswer";
  static final String END_SCORING_ESCALATED = "EndEvent_ScoringEscalated";
  static final String END_ANSWER_ESCALATED = "EndEvent_AnswerEscalated";
  static final String GATEWAY_SCORING_ENDED = "Gateway_ScoringEnded";
  static final String END_REMINDED = "EndEvent_Reminded";
  static final String END_NO_QUORUM = "EndEvent_NoQuorum";
  static final String END_PUBLISHED = "EndEvent_Published";
  static final String END_ANSWERED = "EndEvent_RectificationPlanned";

  /** What the tally decides, as the gateway reads {@code outcome}. */
  enum Outcome {
    NO_QUORUM,
    PUBLISHED,
    RECTIFY
  }

  private EvaluationProcess() {}
}
