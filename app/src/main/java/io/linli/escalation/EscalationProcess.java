package io.linli.escalation;

/** Ids of processes/escalation.bpmn, the reusable 督办 call activity. */
final class EscalationProcess {

  static final String KEY = "Process_Escalation";
  static final String TASK_RECORD_BREACH = "Task_RecordBreach";
  static final String TASK_SUPERVISE_COMMUNITY = "Task_SuperviseCommunity";
  static final String TIMER_COMMUNITY_OVERDUE = "BoundaryEvent_CommunitySupervisionOverdue";
  static final String TASK_RECORD_SUPERVISION_BREACH = "Task_RecordSupervisionBreach";
  static final String TASK_SUPERVISE_STREET = "Task_SuperviseStreet";
  static final String TASK_APPLY_SUPERVISION = "Task_ApplySupervision";
  static final String TASK_APPLY_STREET_SUPERVISION = "Task_ApplyStreetSupervision";
  static final String END_ALREADY_SUPERVISED = "EndEvent_AlreadySupervised";
  static final String END_SUPERVISED = "EndEvent_Supervised";
  static final String END_STREET_SUPERVISED = "EndEvent_StreetSupervised";

  private EscalationProcess() {}
}
