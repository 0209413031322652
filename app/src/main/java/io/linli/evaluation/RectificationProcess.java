package io.linli.evaluation;

/** Ids of processes/rectification.bpmn (考评整改); a test checks each names a real element. */
final class RectificationProcess {

  static final String KEY = "Process_Rectification";
  static final String START = "StartEvent_RectificationOpened";
  static final String TASK_RECTIFY = "Task_Rectify";
  static final String TIMER_RECTIFY_SLA = "BoundaryEvent_RectifySlaBreached";
  static final String CALL_ESCALATE_RECTIFY = "CallActivity_EscalateRectify";
  static final String END_RECTIFY_ESCALATED = "EndEvent_RectifyEscalated";
  static final String END_RECTIFIED = "EndEvent_Rectified";

  private RectificationProcess() {}
}
