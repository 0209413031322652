package io.linli.calendar;

/**
 * How an SLA clock counts its length (configured per clock as {@code linli.sla.counting.<key>}).
 */
public enum Counting {
  /** Round the clock, as a hotline does: 4 hours are 4 hours, nights and holidays included. */
  WALL_CLOCK("自然时间"),
  /**
   * Only on working days (whole days, Beijing time): 2 days from Friday 10:00 end on Tuesday 10:00.
   */
  WORKING_DAYS("工作日"),
  /** Only within the community's working hours on working days. */
  WORKING_HOURS("工作时间");

  private final String label;

  Counting(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
