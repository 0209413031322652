package io.linli.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linli.community.CommunityGroups;
import io.linli.org.KeycloakOrgSync;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Integration tier with a real Keycloak: the identity plugin reads the realm's users and groups,
 * and its group ids are the candidate groups {@link CommunityGroups} writes into the models; the
 * organisation tree's groups and members are written into the realm ({@link KeycloakOrgSync}).
 */
class KeycloakIdentityIT extends KeycloakIT {

  @Autowired IdentityService identity;
  @Autowired CommunityGroups groups;
  @Autowired KeycloakOrgSync orgSync;
  @LocalServerPort int port;

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  @DisplayName("Keycloak group paths are the models' candidate groups")
  void groupPathsAreCandidateGroups() {
    assertThat(identity.createGroupQuery().groupMember("grid1").list())
        .extracting(Group::getId)
        .containsExactly(groups.of("tfsq", "grid-worker"))
        .containsExactly("communities/tfsq/grid-worker");
    assertThat(identity.createGroupQuery().groupMember("street1").list())
        .extracting(Group::getId)
        .containsExactly(groups.streetCommittee("tfsq"));
    assertThat(identity.createUserQuery().memberOfGroup("communities/jdsq/grid-worker").list())
        .extracting(u -> u.getId())
        .containsExactly("grid2");
  }

  @Test
  @DisplayName(
      "no password ever reaches the engine: the identity client may not use the password grant")
  void noPasswordLogin() {
    boolean accepted;
    try {
      accepted = identity.checkPassword("grid1", "demo");
    } catch (RuntimeException refused) {
      accepted = false;
    }
    assertThat(accepted).isFalse();
    assertThat(identity.createUserQuery().userId("admin").singleResult().getEmail())
        .isEqualTo("admin@demo.linli.invalid"); // the realm's admin, no built-in one
  }

  @Test
  @DisplayName("启动时组织树的组已建在 Keycloak 中（演示树的网格、小区、物业公司）")
  void demoTreeSyncedAtStart() {
    String g1 = groups.unit("tfsq", "grid", "g1", "grid-worker");
    assertThat(g1).isEqualTo("communities/tfsq/grid/g1/grid-worker");
    assertThat(keycloak().groupByPath(g1)).isNotNull();
    assertThat(keycloak().groupByPath("communities/tfsq/grid")).isNotNull();
    assertThat(identity.createGroupQuery().groupId(g1).count()).isEqualTo(1);
    long t0 = System.nanoTime();
    KeycloakOrgSync.Result tfsq = orgSync.sync("tfsq");
    KeycloakOrgSync.Result jdsq = orgSync.sync("jdsq");
    System.err.printf(
        "resync of the demo tree (tfsq, jdsq): %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    assertThat(tfsq.groupsCreated() + tfsq.joined() + tfsq.left()).isZero();
    assertThat(jdsq.groupsCreated() + jdsq.joined() + jdsq.left()).isZero();
  }

  @Test
  @DisplayName("组织树新增网格：Keycloak 中建组；树上的成员进出网格组，其他组不动；再同步一次不变")
  void treeEditsSyncToKeycloak() throws Exception {
    String grid = "kc" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    String path = groups.unit("tfsq", "grid", grid, "grid-worker");
    assertThat(path).isEqualTo("communities/tfsq/grid/" + grid + "/grid-worker");
    String street = keycloak().token("street1");

    // given a new grid, added through the API by the street committee
    assertThat(
            send("PUT", "/api/org/communities/tfsq/grids/" + grid, street, Map.of("name", "同步网格"))
                .statusCode())
        .isEqualTo(200);
    // then its group exists along its path, and the engine reads it through the plugin
    JsonNode group = keycloak().groupByPath(path);
    assertThat(group).isNotNull();
    assertThat(group.get("path").asText()).isEqualTo("/" + path);
    assertThat(keycloak().groupByPath("communities/tfsq/grid/" + grid)).isNotNull();
    assertThat(identity.createGroupQuery().groupId(path).list())
        .extracting(Group::getId)
        .containsExactly(path);
    assertThat(keycloak().memberNames(path)).isEmpty();

    // when a realm user and a name the realm lacks are put into the grid
    Map<String, String> grid1 =
        Map.of(
            "unitKind", "GRID",
            "unitCode", grid,
            "role", "grid-worker",
            "userId", "grid1",
            "displayName", "网格员");
    Map<String, String> stranger = new java.util.HashMap<>(grid1);
    stranger.put("userId", "norealmuser");
    String members = "/api/org/communities/tfsq/members";
    assertThat(send("POST", members, street, grid1).statusCode()).isEqualTo(200);
    assertThat(send("POST", members, street, stranger).statusCode()).isEqualTo(200);
    // then the realm user is a member, by the admin API and by the plugin's query by path id
    assertThat(keycloak().memberNames(path)).containsExactly("grid1");
    assertThat(identity.createUserQuery().memberOfGroup(path).list())
        .extracting(User::getId)
        .containsExactly("grid1");
    assertThat(identity.createGroupQuery().groupMember("grid1").list())
        .extracting(Group::getId)
        .containsExactlyInAnyOrder("communities/tfsq/grid-worker", path);

    // a second sync changes nothing (the stranger is counted, not created)
    long t0 = System.nanoTime();
    KeycloakOrgSync.Result again = orgSync.sync("tfsq");
    System.err.printf("resync of tfsq: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    assertThat(again).isEqualTo(new KeycloakOrgSync.Result(0, 0, 0, 1));

    // when grid1 leaves the grid in the tree
    assertThat(send("POST", members + "/removal", street, grid1).statusCode()).isEqualTo(200);
    assertThat(send("POST", members + "/removal", street, stranger).statusCode()).isEqualTo(200);
    // then they leave the grid's group, and keep the community's group the realm gave them
    assertThat(keycloak().memberNames(path)).isEmpty();
    assertThat(identity.createUserQuery().memberOfGroup(path).count()).isZero();
    assertThat(identity.createGroupQuery().groupMember("grid1").list())
        .extracting(Group::getId)
        .containsExactly("communities/tfsq/grid-worker");
    assertThat(orgSync.sync("tfsq")).isEqualTo(new KeycloakOrgSync.Result(0, 0, 0, 0));

    // a unit group belongs to the tree: someone put in by hand leaves it at the next sync
    keycloak().joinByHand("property1", path);
    assertThat(keycloak().memberNames(path)).containsExactly("property1");
    assertThat(orgSync.sync("tfsq")).isEqualTo(new KeycloakOrgSync.Result(0, 0, 1, 0));
    assertThat(keycloak().memberNames(path)).isEmpty();
    assertThat(identity.createGroupQuery().groupMember("property1").list())
        .extracting(Group::getId)
        .containsExactly("communities/tfsq/property-staff");
  }

  @Test
  @DisplayName("只有组织树同步的客户端能写 Keycloak；身份插件的客户端仍是只读")
  void onlyTheSyncClientWrites() {
    assertThat(keycloak().createGroupAs("linli-identity", "kc-write-probe-identity"))
        .isEqualTo(403);
    String probe = "kc-write-probe-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    assertThat(keycloak().createGroupAs("linli-org-sync", probe)).isEqualTo(201);
    assertThat(keycloak().groupByPath(probe)).isNotNull();
  }

  private HttpResponse<String> send(String method, String path, String token, Object body)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
