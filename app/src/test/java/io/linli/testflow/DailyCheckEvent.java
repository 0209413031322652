package io.linli.testflow;

import io.linli.caselog.CaseEventKind;

/** The test flow's own events. */
enum DailyCheckEvent implements CaseEventKind {
  REPORTED("已登记", "已登记，网格员将尽快巡查"),
  CHECKED("已巡查", "已巡查完毕");

  private final String label;
  private final String notice;

  DailyCheckEvent(String label, String notice) {
    this.label = label;
    this.notice = notice;
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public String notice(String note) {
    return notice;
  }
}
