package io.linli.community;

import org.springframework.stereotype.Component;

/**
 * Names the Camunda groups of a community's roles, for candidate groups in the models:
 * {@code ${communityGroups.of(communityCode, 'grid-worker')}} gives {@code tfsq-grid-worker}.
 * Role ids are those of shared/DOMAIN.md.
 */
@Component("communityGroups")
public class CommunityGroups {

  private final CommunityDirectory directory;

  CommunityGroups(CommunityDirectory directory) {
    this.directory = directory;
  }

  public String of(String communityCode, String role) {
    return communityCode + "-" + role;
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
    return streetCode + "-street-committee";
  }
}
