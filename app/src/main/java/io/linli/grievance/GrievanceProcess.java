package io.linli.grievance;

import java.util.Map;

/** Ids of processes/grievance.bpmn (上报—分流—处置—反馈—评价); a test checks each names a real element. */
final class GrievanceProcess {

  static final String KEY = "Process_Grievance";
  static final String FLOW = "GRIEVANCE";
  static final String DECISION_SUGGEST_TIER = "Decision_SuggestTier";

  static final String TASK_SUGGEST_TIER = "Task_SuggestTier";
  static final String TASK_TRIAGE = "Task_Triage";
  static final String TASK_HANDLE_GENERAL = "Task_HandleGeneral";
  static final String TASK_RESPOND = "Task_Respond";
  static final String TASK_CONTACT_RESIDENT = "Task_ContactResident";
  static final String TASK_RESOLVE = "Task_Resolve";
  static final String TASK_RECTIFY = "Task_Rectify";
  static final String TASK_AWAIT_RATING = "Task_AwaitRating";
  static final String TASK_RECORD_NO_RATING = "Task_RecordNoRating";
  static final String TASK_REWORK = "Task_Rework";
  static final String TASK_FOLLOW_UP_VISIT = "Task_FollowUpVisit";
  static final String TASK_CLOSE_CASE = "Task_CloseCase";
  static final String END_CLOSED = "EndEvent_GrievanceClosed";

  static final String TIMER_TRIAGE_SLA = "BoundaryEvent_TriageSlaBreached";
  static final String TIMER_HANDLE_GENERAL_SLA = "BoundaryEvent_HandleGeneralSlaBreached";
  static final String TIMER_RESPOND_SLA = "BoundaryEvent_RespondSlaBreached";
  static final String TIMER_CONTACT_SLA = "BoundaryEvent_ContactSlaBreached";
  static final String TIMER_RESOLVE_SLA = "BoundaryEvent_ResolveSlaBreached";
  static final String TIMER_COMMITTED_DEADLINE = "BoundaryEvent_CommittedDeadlineBreached";
  static final String TIMER_RATING_WINDOW = "BoundaryEvent_RatingWindowElapsed";
  static final String TIMER_REWORK_SLA = "BoundaryEvent_ReworkSlaBreached";
  static final String TIMER_FOLLOW_UP_SLA = "BoundaryEvent_FollowUpSlaBreached";

  static final String CALL_ESCALATE_TRIAGE = "CallActivity_EscalateTriage";
  static final String CALL_ESCALATE_RESPOND = "CallActivity_EscalateRespond";

  static final String MESSAGE_RATED = "GrievanceRated";

  /** 退单: interrupts a response-stage task and goes back to 分流定级 (Gateway_ToTriage). */
  static final String MESSAGE_RETURNED = "GrievanceReturned";

  static final String GATEWAY_TO_TRIAGE = "Gateway_ToTriage";

  /** Merge at 分流定级: interrupts the triage and ends the duplicate (EndEvent_GrievanceMerged). */
  static final String MESSAGE_MERGED = "GrievanceMerged";

  static final String MERGE_TRIAGE = "BoundaryEvent_TriageMerged";
  static final String END_MERGED = "EndEvent_GrievanceMerged";
  static final String RETURN_HANDLE_GENERAL = "BoundaryEvent_HandleGeneralReturned";
  static final String RETURN_RESPOND = "BoundaryEvent_RespondReturned";
  static final String RETURN_CONTACT_RESIDENT = "BoundaryEvent_ContactResidentReturned";

  /** The status a case takes when the flow enters an activity. */
  static final Map<String, GrievanceStatus> STATUS_AT =
      Map.of(
          TASK_TRIAGE, GrievanceStatus.TRIAGE,
          TASK_HANDLE_GENERAL, GrievanceStatus.HANDLING,
          TASK_RESPOND, GrievanceStatus.HANDLING,
          TASK_CONTACT_RESIDENT, GrievanceStatus.HANDLING,
          TASK_RESOLVE, GrievanceStatus.RESOLVING,
          TASK_RECTIFY, GrievanceStatus.RECTIFYING,
          TASK_AWAIT_RATING, GrievanceStatus.AWAITING_RATING,
          TASK_REWORK, GrievanceStatus.REWORK,
          TASK_FOLLOW_UP_VISIT, GrievanceStatus.FOLLOW_UP);

  private GrievanceProcess() {}
}
