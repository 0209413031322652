package io.linli.calendar;

/** What a listed date is, against the rule "Monday to Friday work, Saturday and Sunday rest". */
public enum DayKind {
  /** a statutory holiday (法定节假日放假) or a community's local day off */
  HOLIDAY("放假"),
  /** a makeup working day (调休上班): always a Saturday or Sunday */
  WORKDAY("调休上班");

  private final String label;

  DayKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
