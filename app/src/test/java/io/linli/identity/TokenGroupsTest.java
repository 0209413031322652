package io.linli.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Unit tier: a token's group paths become the identity plugin's Camunda group ids. */
class TokenGroupsTest {

  @Test
  @DisplayName("group paths lose their leading slash; residents alone are not staff")
  void groupPathsToIds() {
    List<String> grid = TokenGroups.of(Map.of("groups", List.of("/communities/tfsq/grid-worker")));
    assertThat(grid).containsExactly("communities/tfsq/grid-worker");
    assertThat(TokenGroups.staff(grid)).isTrue();
    assertThat(TokenGroups.staff(TokenGroups.of(Map.of("groups", List.of("/resident"))))).isFalse();
    assertThat(TokenGroups.of(Map.of())).isEmpty();
    assertThat(Role.ofGroup("communities/tfsq/grid-worker")).contains(Role.GRID_WORKER);
  }
}
