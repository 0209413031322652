package io.linli.dailycheck;

import io.linli.caselog.CaseEventKind;

/**
 * The daily check's events: on its own case (opened, done) and, for 督促, on the case it urged
 * (whatever that case's flow); none sends residents a notice.
 */
enum DailyInspectionEvent implements CaseEventKind {
  INSPECTION_OPENED(Text.of("每日巡查已开始")),
  INSPECTION_DONE(Text.of("每日巡查已完成")),
  URGED(Text.of("社区巡查督促承办人"));

  private final Text text;

  DailyInspectionEvent(Text text) {
    this.text = text;
  }

  @Override
  public Text text() {
    return text;
  }
}
