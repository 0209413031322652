package io.linli.identity;

/**
 * The service teams of a community's property service centre that take service orders (seed 000, 永川
 * 五间社区: 运行维修、清扫保洁等核心队伍). Each is a Camunda group per community, {@code
 * <community>-contractor-<id>}, beside the community's {@code <community>-contractor} group that
 * every contractor and individual (能工巧匠) belongs to.
 */
public enum ContractorTeam {
  REPAIR("repair", "运行维修队"),
  CLEANING("cleaning", "清扫保洁队"),
  HOUSEHOLD("household", "家政搬运队"),
  SAFETY("safety", "安全排危队"),
  VOLUNTEER("volunteer", "志愿服务队");

  private final String id;
  private final String label;

  ContractorTeam(String id, String label) {
    this.id = id;
    this.label = label;
  }

  public String id() {
    return id;
  }

  public String label() {
    return label;
  }

  /** The role part of the team's group id, e.g. {@code contractor-repair}. */
  public String groupRole() {
    return Role.CONTRACTOR.id() + "-" + id;
  }

  public static ContractorTeam ofId(String id) {
    for (ContractorTeam t : values()) {
      if (t.id.equals(id)) return t;
    }
    throw new IllegalArgumentException("unknown team " + id);
  }
}
