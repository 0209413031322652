package io.linli.identity;

/**
 * The roles of docs/domain.md; {@link #id()} is the Camunda group id (and its suffix per
 * community).
 */
public enum Role {
  RESIDENT("resident", "居民"),
  GRID_WORKER("grid-worker", "网格员"),
  PROPERTY_STAFF("property-staff", "物业服务中心"),
  CONTRACTOR("contractor", "接单机构"),
  PARTY_GROUP("party-group", "党小组"),
  COMMUNITY_COMMITTEE("community-committee", "社区党委"),
  STREET_COMMITTEE("street-committee", "街道党工委"),
  SUPERVISOR("supervisor", "督查"),
  BUILDING_REP("building-rep", "楼栋代表"),
  /** 爱心商铺: a partner shop that redeems residents' points (io.linli.points). */
  SHOP("shop", "爱心商铺");

  private final String id;
  private final String label;

  Role(String id, String label) {
    this.id = id;
    this.label = label;
  }

  public String id() {
    return id;
  }

  public String label() {
    return label;
  }

  /**
   * The role a group id stands for, e.g. {@code tfsq-grid-worker} or {@code
   * communities/tfsq/grid-worker} → GRID_WORKER.
   */
  public static java.util.Optional<Role> ofGroup(String groupId) {
    for (Role r : values()) {
      if (groupId.equals(r.id) || groupId.endsWith("-" + r.id) || groupId.endsWith("/" + r.id))
        return java.util.Optional.of(r);
    }
    return java.util.Optional.empty();
  }
}
