package io.linli.community;

/** Where a case is: a community, optionally an estate (小区) and a building (楼栋) in it. */
public record Location(
    Community community, Long estateId, String estateName, Long buildingId, String buildingName) {

  /** What staff read in Tasklist, e.g. "天府社区 地铁首座小区 3栋". */
  public String label() {
    StringBuilder sb = new StringBuilder(community.name());
    if (estateName != null) sb.append(' ').append(estateName);
    if (buildingName != null) sb.append(' ').append(buildingName);
    return sb.toString();
  }
}
