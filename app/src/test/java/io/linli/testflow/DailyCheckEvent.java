package io.linli.testflow;

import io.linli.caselog.CaseEventKind;

/** The test flow's own events. */
enum DailyCheckEvent implements CaseEventKind {
  REPORTED(Text.of("已登记").notice("已登记，网格员将尽快巡查")),
  CHECKED(Text.of("已巡查").notice("已巡查完毕"));

  private final Text text;

  DailyCheckEvent(Text text) {
    this.text = text;
  }

  @Override
  public Text text() {
    return text;
  }
}
