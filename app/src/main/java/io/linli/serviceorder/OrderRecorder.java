package io.linli.serviceorder;

import io.linli.community.CommunityGroups;
import io.linli.identity.Role;
import io.linli.identity.StaffIdentity;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who records a step on a resident's behalf: the staff member of the API login ({@link
 * StaffIdentity#ofApi}: the token's user with Keycloak, the {@code X-Linli-User} header in the
 * default profile), when they are staff of the order's community — its grid workers, property
 * service centre or 社区党委. Never a name in a request body.
 */
@Component
class OrderRecorder {

  static final String USER_HEADER = "X-Linli-User";
  static final List<Role> STAFF =
      List.of(Role.PROPERTY_STAFF, Role.GRID_WORKER, Role.COMMUNITY_COMMITTEE);

  /**
   * A staff member of the community, with the role they act in (the first of {@link #STAFF} they
   * hold).
   */
  record Recorder(String userId, Role role) {}

  private final StaffIdentity identity;
  private final CommunityGroups groups;

  OrderRecorder(StaffIdentity identity, CommunityGroups groups) {
    this.identity = identity;
    this.groups = groups;
  }

  /** The login's staff member of the community; empty for no login or anyone else. */
  Optional<Recorder> of(String community, String userHeader) {
    return identity
        .ofApi(userHeader)
        .flatMap(
            staff ->
                STAFF.stream()
                    .filter(r -> staff.groups().contains(groups.of(community, r.id())))
                    .findFirst()
                    .map(r -> new Recorder(staff.userId(), r)));
  }
}
