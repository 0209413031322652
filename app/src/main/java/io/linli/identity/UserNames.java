package io.linli.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Staff names as staff read them: Linli keeps a user's full Chinese name in the Camunda first name
 * (the last name holds the role, which Tasklist's header shows after it).
 */
@Component
public class UserNames {

  private final IdentityService identity;

  UserNames(IdentityService identity) {
    this.identity = identity;
  }

  /** "王师傅", or the user id when the user is unknown or nameless. */
  public String name(String userId) {
    User u = identity.createUserQuery().userId(userId).singleResult();
    String name = u == null || u.getFirstName() == null ? "" : u.getFirstName().trim();
    return name.isEmpty() ? userId : name;
  }
}
