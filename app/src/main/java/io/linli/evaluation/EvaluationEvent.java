package io.linli.evaluation;

import io.linli.caselog.CaseEventKind;

/** What the evaluation writes into its log. The notes are written by the system and are public. */
public enum EvaluationEvent implements CaseEventKind {
  OPENED(Text.of("已发起年度综合考评").publicNote()),
  REMINDED(Text.of("已提醒未评分的楼栋代表").publicNote()),
  NON_RESPONDERS(Text.of("评分超时，未评分代表提请社区党委督办").publicNote()),
  TALLIED(Text.of("考评结果已统计").publicNote()),
  NO_QUORUM(Text.of("考评未达法定人数").publicNote()),
  ANSWERED(Text.of("物业已提交整改方案").publicNote());

  private final Text text;

  EvaluationEvent(Text text) {
    this.text = text;
  }

  @Override
  public Text text() {
    return text;
  }
}
