package io.linli.community;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Names the Camunda groups of a community's roles, for candidate groups in the models: {@code
 * ${communityGroups.of(communityCode, 'grid-worker')}} gives {@code tfsq-grid-worker} with the
 * built-in identity, {@code communities/tfsq/grid-worker} with Keycloak (the identity plugin uses
 * the group path without its leading slash as the group id). The patterns are {@code
 * linli.identity.group-pattern} ({@code {community}}, {@code {role}}) and {@code
 * linli.identity.street-group-pattern} ({@code {street}}). Role ids are those of docs/domain.md.
 */
@Component("communityGroups")
public class CommunityGroups {

  private final CommunityDirectory directory;
  private final String groupPattern;
  private final String streetGroupPattern;
  private final String unitGroupPattern;

  CommunityGroups(
      CommunityDirectory directory,
      @Value("${linli.identity.group-pattern:{community}-{role}}") String groupPattern,
      @Value("${linli.identity.street-group-pattern:{street}-street-committee}")
          String streetGroupPattern,
      @Value("${linli.identity.unit-group-pattern:{community}-{kind}-{unit}-{role}}")
          String unitGroupPattern) {
    this.directory = directory;
    this.unitGroupPattern = unitGroupPattern;
    this.groupPattern = groupPattern;
    this.streetGroupPattern = streetGroupPattern;
  }

  public String of(String communityCode, String role) {
    return groupPattern.replace("{community}", communityCode).replace("{role}", role);
  }

  /**
   * The group of a role in one unit of the community's tree (docs/org-tree.md), e.g. {@code
   * tfsq-grid-g1-grid-worker} or {@code tfsq-company-rcwy-property-staff} with the built-in
   * identity, {@code communities/tfsq/grid/g1/grid-worker} with Keycloak ({@code
   * linli.identity.unit-group-pattern}; kind is {@code grid}, {@code estate} or {@code company}).
   * It ends with the role, like the community's own groups.
   */
  public String unit(String communityCode, String kind, String unitCode, String role) {
    return unitGroupPattern
        .replace("{community}", communityCode)
        .replace("{kind}", kind)
        .replace("{unit}", unitCode)
        .replace("{role}", role);
  }

  /** The street committee (街道党工委) above the community. */
  public String streetCommittee(String communityCode) {
    String street =
        directory
            .community(communityCode)
            .orElseThrow(() -> new IllegalArgumentException("unknown community " + communityCode))
            .streetCode();
    return streetGroup(street);
  }

  public String streetGroup(String streetCode) {
    return streetGroupPattern.replace("{street}", streetCode);
  }
}
