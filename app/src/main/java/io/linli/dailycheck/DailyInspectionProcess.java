package io.linli.dailycheck;

/**
 * Ids of processes/daily-inspection.bpmn (the daily round that opens the checks is
 * processes/daily-inspection-round.bpmn, {@code Process_DailyInspectionRound}).
 */
final class DailyInspectionProcess {

  static final String KEY = "Process_DailyInspection";
  static final String START_CHECK_OPENED = "StartEvent_CheckOpened";
  static final String TASK_DAILY_CHECK = "Task_DailyCheck";
  static final String TIMER_CHECK_SLA = "BoundaryEvent_CheckSlaBreached";
  static final String CALL_ESCALATE = "CallActivity_EscalateCheck";
  static final String END_CHECKED = "EndEvent_Checked";
  static final String END_CHECK_ESCALATED = "EndEvent_CheckEscalated";

  private DailyInspectionProcess() {}
}
