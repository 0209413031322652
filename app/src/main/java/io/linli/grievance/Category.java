package io.linli.grievance;

/** Grievance categories; the tier each suggests lives in processes/suggest-tier.dmn. */
public enum Category {
  ENVIRONMENT("环境卫生"),
  FACILITY("公共设施维修"),
  SECURITY("治安安防"),
  NOISE("噪音扰民"),
  PARKING("停车秩序"),
  GREENING("绿化养护"),
  PROPERTY_FEE("物业收费"),
  NEIGHBOUR("邻里纠纷"),
  WATER_POWER("水电气故障"),
  OTHER("其他");

  private final String label;

  Category(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
