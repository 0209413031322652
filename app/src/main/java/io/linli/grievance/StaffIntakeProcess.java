package io.linli.grievance;

/** Ids of processes/staff-intake.bpmn: staff register a 热线 or 窗口 grievance from Tasklist. */
final class StaffIntakeProcess {

  static final String KEY = "Process_StaffIntake";
  static final String START = "StartEvent_StaffIntake";
  static final String TASK_REGISTER = "Task_RegisterGrievance";
  static final String END_REGISTERED = "EndEvent_Registered";
  static final String FLOW_TO_REGISTER = "SequenceFlow_ToRegister";
  static final String FLOW_TO_REGISTERED = "SequenceFlow_ToRegistered";

  private StaffIntakeProcess() {}
}
