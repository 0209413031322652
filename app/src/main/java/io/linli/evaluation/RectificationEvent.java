package io.linli.evaluation;

import io.linli.caselog.CaseEventKind;

/** What a rectification case writes into its log. */
public enum RectificationEvent implements CaseEventKind {
  PLANNED(Text.of("已制定整改方案").publicNote()),
  RECTIFIED(Text.of("已完成整改"));

  private final Text text;

  RectificationEvent(Text text) {
    this.text = text;
  }

  @Override
  public Text text() {
    return text;
  }
}
