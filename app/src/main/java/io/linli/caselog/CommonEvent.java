package io.linli.caselog;

/**
 * The events every flow may write: supervision (督办) of a breached clock, and the steps of the
 * rating and follow-up loop that several flows share. Only the 超时督办 note (it names the clock) is
 * public; the others carry what people typed.
 */
public enum CommonEvent implements CaseEventKind {
  ESCALATED(Text.of("超时，已提请督办").notice("处理超时，已提请督办").publicNote()),
  SUPERVISED(Text.of("督办意见已落实")),
  REASSIGNED(Text.of("已改派承办人")),
  RESOLVED(Text.of("已办结").notice("已办结")),
  ASKED_TO_RATE(Text.of("请您评价").notice("已处理完毕，请您对处理结果进行评价")),
  RATED(Text.of("已评价")),
  NOT_RATED(Text.of("评价期满未评价")),
  REWORK(Text.of("不满意，返工处置").notice("因您不满意，已安排返工处置")),
  FOLLOWED_UP(Text.of("党小组已回访")),
  CLOSED(Text.of("已结案").notice("已结案，感谢您的支持")),
  PAUSED(Text.of("等待居民，时限暂停计时（挂起）")),
  RESUMED(Text.of("时限恢复计时"));

  private final Text text;

  CommonEvent(Text text) {
    this.text = text;
  }

  @Override
  public Text text() {
    return text;
  }
}
