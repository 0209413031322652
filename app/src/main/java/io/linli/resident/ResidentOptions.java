package io.linli.resident;

import io.linli.cases.Flow;
import io.linli.cases.Flows;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/resident/options}: what the resident page offers — communities with their estates
 * and buildings, and each flow's category list under the name the flow gives it ({@link
 * Flow#categoryOptions()}: {@code categories}, {@code topicCategories}). Public data only.
 * Communities come in the order they were set up (by their first estate), so the resident page,
 * which opens on the first unless its link names one, opens on the demo's 天府社区.
 */
@RestController
class ResidentOptions {

  private final JdbcClient jdbc;
  private final Flows flows;

  ResidentOptions(JdbcClient jdbc, Flows flows) {
    this.jdbc = jdbc;
    this.flows = flows;
  }

  record Option(String code, String label) {}

  record Estate(String code, String name, List<Option> buildings) {}

  record CommunityOptions(String code, String name, List<Estate> estates) {}

  /** {@code communities}, then each flow's category list by its {@link Flow#categoryOptions()}. */
  @GetMapping("/api/resident/options")
  Map<String, Object> options() {
    record Row(
        String community,
        String communityName,
        String estate,
        String estateName,
        String building,
        String buildingName) {}
    List<Row> rows =
        jdbc.sql(
                """
            select c.code, c.name, e.code, e.name, b.code, b.name
            from community c
            left join estate e on e.community_code = c.code
            left join building b on b.estate_id = e.id
            order by (select min(f.id) from estate f where f.community_code = c.code) nulls last,
                     c.code, e.code, b.id""")
            .query(
                (rs, n) ->
                    new Row(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)))
            .list();
    Map<String, String> communityNames = new LinkedHashMap<>();
    Map<String, Map<String, String>> estateNames = new LinkedHashMap<>();
    Map<String, List<Option>> buildings = new LinkedHashMap<>();
    for (Row r : rows) {
      communityNames.put(r.community(), r.communityName());
      Map<String, String> estates =
          estateNames.computeIfAbsent(r.community(), k -> new LinkedHashMap<>());
      if (r.estate() == null) continue;
      estates.put(r.estate(), r.estateName());
      List<Option> bs = buildings.computeIfAbsent(r.estate(), k -> new java.util.ArrayList<>());
      if (r.building() != null) bs.add(new Option(r.building(), r.buildingName()));
    }
    List<CommunityOptions> communities =
        communityNames.entrySet().stream()
            .map(
                c ->
                    new CommunityOptions(
                        c.getKey(),
                        c.getValue(),
                        estateNames.get(c.getKey()).entrySet().stream()
                            .map(
                                e ->
                                    new Estate(
                                        e.getKey(),
                                        e.getValue(),
                                        buildings.getOrDefault(e.getKey(), List.of())))
                            .toList()))
            .toList();
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("communities", communities);
    flows.all().stream()
        .filter(f -> f.categoryOptions() != null)
        .sorted(Comparator.comparing(Flow::categoryOptions))
        .forEach(
            f ->
                options.put(
                    f.categoryOptions(),
                    f.categories().entrySet().stream()
                        .map(c -> new Option(c.getKey(), c.getValue()))
                        .toList()));
    return options;
  }
}
