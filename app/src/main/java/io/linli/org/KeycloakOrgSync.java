package io.linli.org;

import io.linli.system.StartupLock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClientResponseException;

/**
 * The {@code keycloak} profile's half of "groups follow the tree" (docs/org-tree.md): at start and
 * after every committed edit, the groups {@link OrgGroups#expected} lists are created in the realm
 * along their path, and the tree's members who are realm users are put into their unit's group and
 * the community's role group. The unit groups of grids, estates and companies belong to the tree:
 * whoever is in one but not in the tree's unit is taken out. No other group loses a member. It
 * writes with its own confidential client ({@code linli.keycloak.org-sync.*}), whose service
 * account may manage users; without a secret it is off and the realm is kept by hand. A failure
 * (Keycloak down) is logged without names and leaves the edit committed; the next start or edit of
 * the community syncs again, which is idempotent. Syncs run one at a time across nodes (an advisory
 * lock), each reading the tree as committed. Integration tier with a real Keycloak:
 * KeycloakIdentityIT.
 */
@Component
@Profile("keycloak")
public class KeycloakOrgSync {

  private static final Logger log = LoggerFactory.getLogger(KeycloakOrgSync.class);
  static final String LOCK = "linli-org-keycloak-sync";

  /** What one sync changed in the realm. */
  public record Result(int groupsCreated, int joined, int left, int notRealmUsers) {
    boolean changed() {
      return groupsCreated + joined + left > 0;
    }
  }

  private final OrgTree tree;
  private final OrgGroups orgGroups;
  private final StartupLock lock;
  private final TransactionTemplate tx;
  private final KeycloakGroupAdmin admin;

  KeycloakOrgSync(
      OrgTree tree,
      OrgGroups orgGroups,
      StartupLock lock,
      PlatformTransactionManager transactions,
      @Value("${linli.keycloak.internal-url}") String internalUrl,
      @Value("${linli.keycloak.realm}") String realm,
      @Value("${linli.keycloak.org-sync.client-id:linli-org-sync}") String clientId,
      @Value("${linli.keycloak.org-sync.client-secret:}") String clientSecret) {
    this.tree = tree;
    this.orgGroups = orgGroups;
    this.lock = lock;
    this.tx = new TransactionTemplate(transactions);
    this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.admin =
        clientSecret.isBlank()
            ? null
            : new KeycloakGroupAdmin(internalUrl, realm, clientId, clientSecret);
  }

  public boolean enabled() {
    return admin != null;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(11)
  public void atStart() {
    if (!enabled()) {
      log.warn(
          "Keycloak group sync is off (no linli.keycloak.org-sync.client-secret,"
              + " LINLI_ORG_SYNC_CLIENT_SECRET): the realm's groups under /communities and their"
              + " members must be maintained by hand (docs/org-tree.md)");
      return;
    }
    long t0 = System.nanoTime();
    int communities = 0;
    for (OrgTree.CommunityRow c : tree.communities()) {
      syncQuietly(c.code());
      communities++;
    }
    log.info(
        "organisation tree synced to Keycloak at start: {} communities in {} ms",
        communities,
        (System.nanoTime() - t0) / 1_000_000);
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  public void treeEdited(OrgGroups.TreeEdited edit) {
    if (enabled()) syncQuietly(edit.community());
  }

  /** A sync whose failure is logged (without personal data) and left for the next start or edit. */
  Optional<Result> syncQuietly(String community) {
    try {
      return Optional.of(sync(community));
    } catch (RuntimeException e) {
      String status =
          e instanceof RestClientResponseException r ? " HTTP " + r.getStatusCode().value() : "";
      log.warn(
          "Keycloak group sync of community {} failed ({}{}); the tree's edit stands, the sync is"
              + " retried at the next start or edit of the community",
          community,
          e.getClass().getSimpleName(),
          status);
      return Optional.empty();
    }
  }

  /** Brings the realm in line with the community's tree now; idempotent. */
  public Result sync(String community) {
    if (!enabled()) throw new IllegalStateException("Keycloak group sync is off");
    return tx.execute(
        s -> {
          lock.acquire(LOCK);
          return apply(community);
        });
  }

  private Result apply(String community) {
    KeycloakGroupAdmin.Session kc = admin.session();
    Map<String, String> owned = orgGroups.expected(community);
    // group id -> usernames the tree puts there; the tree's unit groups start empty
    Map<String, Set<String>> wanted = new LinkedHashMap<>();
    owned.keySet().forEach(g -> wanted.put(g, new LinkedHashSet<>()));
    for (OrgTree.Member m : tree.members(community)) {
      List<String> groups = orgGroups.groupsOf(community, m);
      // the first is the bare role (the built-in identity's role group): no such group in the realm
      for (String g : groups.subList(1, groups.size())) {
        wanted.computeIfAbsent(g, k -> new LinkedHashSet<>()).add(m.userId());
      }
    }
    int joined = 0;
    int left = 0;
    Set<String> notRealmUsers = new HashSet<>();
    for (Map.Entry<String, Set<String>> e : wanted.entrySet()) {
      String groupId = kc.group(e.getKey(), owned.getOrDefault(e.getKey(), e.getKey()));
      Map<String, String> current = kc.members(groupId);
      Set<String> keep = new HashSet<>();
      for (String username : e.getValue()) {
        Optional<String> userId = kc.user(username);
        if (userId.isEmpty()) {
          notRealmUsers.add(username);
          continue;
        }
        keep.add(userId.get());
        if (!current.containsKey(userId.get())) {
          kc.join(userId.get(), groupId);
          joined++;
        }
      }
      if (owned.containsKey(e.getKey())) {
        for (String member : current.keySet()) {
          if (!keep.contains(member)) {
            kc.leave(member, groupId);
            left++;
          }
        }
      }
    }
    Result r = new Result(kc.groupsCreated, joined, left, notRealmUsers.size());
    if (r.changed() || r.notRealmUsers() > 0) {
      log.info(
          "community {} synced to Keycloak: {} groups created, {} memberships added, {} removed,"
              + " {} tree members are no realm users",
          community,
          r.groupsCreated(),
          r.joined(),
          r.left(),
          r.notRealmUsers());
    }
    return r;
  }
}
