package io.linli.consultation;

import java.util.Set;

/** Where a topic stands, as residents read it on the 协商事项清单. */
public enum TopicState {
  COLLECTING("征集中"),
  REVIEWING("审核中"),
  DELIBERATING("议事表决中"),
  AGREED("已议定，待列入清单"),
  EXECUTING("办理中"),
  EVALUATING("评价中"),
  REWORKING("整改办理中"),
  CLOSED("已办结公示"),
  REJECTED("未予受理"),
  MERGED("已合并"),
  NOT_AGREED("表决未通过"),
  LAPSED("议题终止");

  static final Set<TopicState> FINAL = Set.of(CLOSED, REJECTED, MERGED, NOT_AGREED, LAPSED);

  private final String label;

  TopicState(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
