package io.linli.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.linli.LinliSpringTest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Integration tier (PostgreSQL): the saved Tasklist filters are created once even when several
 * nodes start at the same moment — simulated by four threads running the start-up step together.
 */
@LinliSpringTest
class TasklistFiltersTest {

  @Autowired TasklistFilters tasklistFilters;
  @Autowired FilterService filters;

  @Test
  @DisplayName("多个节点同时启动：每个过滤器只创建一次")
  void concurrentStartsCreateEachFilterOnce() throws Exception {
    for (Filter f : filters.createFilterQuery().list()) {
      filters.deleteFilter(f.getId());
    }
    CyclicBarrier together = new CyclicBarrier(4);
    List<CompletableFuture<Void>> nodes =
        List.of(1, 2, 3, 4).stream()
            .map(
                n ->
                    CompletableFuture.runAsync(
                        () -> {
                          try {
                            together.await();
                          } catch (Exception e) {
                            throw new IllegalStateException(e);
                          }
                          tasklistFilters.ensure();
                        }))
            .toList();
    CompletableFuture.allOf(nodes.toArray(CompletableFuture[]::new)).get();

    for (String name :
        List.of(
            TasklistFilters.MINE,
            TasklistFilters.COMMUNITY_UNCLAIMED,
            TasklistFilters.DUE_SOON,
            TasklistFilters.OVERDUE)) {
      assertThat(filters.createFilterQuery().filterName(name).count()).as(name).isEqualTo(1);
    }
  }
}
