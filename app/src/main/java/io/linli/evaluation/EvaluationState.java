package io.linli.evaluation;

/** Where an evaluation stands, as evaluation.state and case_file.status store it. */
enum EvaluationState {
  SCORING("代表评分中"),
  NO_QUORUM("未达法定人数"),
  ANSWERING("待物业答复整改"),
  PUBLISHED("已公布结果"),
  CLOSED("已答复整改");

  private final String label;

  EvaluationState(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }
}
