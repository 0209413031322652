package io.linli.community;

import io.linli.system.ApiError;
import org.springframework.stereotype.Component;

/**
 * Resolves where a resident says a case is (community, optional estate and building) or refuses it
 * field by field with {@link ApiError#invalid}. Every intake (grievances, service orders, topics)
 * uses it.
 */
@Component
public class Locations {

  private final CommunityDirectory directory;

  Locations(CommunityDirectory directory) {
    this.directory = directory;
  }

  public Location locate(String communityCode, String estateCode, String buildingCode) {
    Community community =
        directory
            .community(communityCode)
            .orElseThrow(() -> ApiError.invalid("communityCode", "未知社区：" + communityCode));
    if (estateCode == null || estateCode.isBlank()) {
      if (buildingCode != null && !buildingCode.isBlank()) {
        throw ApiError.invalid("estateCode", "填写楼栋时须同时填写小区");
      }
      return new Location(community, null, null, null, null);
    }
    CommunityDirectory.Estate estate =
        directory
            .estate(community.code(), estateCode)
            .orElseThrow(() -> ApiError.invalid("estateCode", "该社区没有此小区：" + estateCode));
    if (buildingCode == null || buildingCode.isBlank()) {
      return new Location(community, estate.id(), estate.name(), null, null);
    }
    CommunityDirectory.Estate building =
        directory
            .building(estate.id(), buildingCode)
            .orElseThrow(() -> ApiError.invalid("buildingCode", "该小区没有此楼栋：" + buildingCode));
    return new Location(community, estate.id(), estate.name(), building.id(), building.name());
  }
}
