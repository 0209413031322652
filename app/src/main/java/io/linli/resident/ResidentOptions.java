package io.linli.resident;

import io.linli.consultation.TopicCategory;
import io.linli.grievance.Category;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/resident/options}: what the resident page offers — communities with their
 * estates and buildings, the grievance categories and the kinds of consultation topic. Public
 * data only.
 */
@RestController
class ResidentOptions {

  private final JdbcClient jdbc;

  ResidentOptions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Option(String code, String label) {}

  record Estate(String code, String name, List<Option> buildings) {}

  record CommunityOptions(String code, String name, List<Estate> estates) {}

  /**
   * @param categories grievance categories
   * @param topicCategories the kinds of consultation topic (议事协商)
   */
  record Options(List<CommunityOptions> communities, List<Option> categories,
      List<Option> topicCategories) {}

  @GetMapping("/api/resident/options")
  Options options() {
    record Row(String community, String communityName, String estate, String estateName,
        String building, String buildingName) {}
    List<Row> rows = jdbc.sql("""
            select c.code, c.name, e.code, e.name, b.code, b.name
            from community c
            left join estate e on e.community_code = c.code
            left join building b on b.estate_id = e.id
            order by c.code, e.code, b.id""")
        .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6)))
        .list();
    Map<String, String> communityNames = new LinkedHashMap<>();
    Map<String, Map<String, String>> estateNames = new LinkedHashMap<>();
    Map<String, List<Option>> buildings = new LinkedHashMap<>();
    for (Row r : rows) {
      communityNames.put(r.community(), r.communityName());
      Map<String, String> estates = estateNames.computeIfAbsent(r.community(), k -> new LinkedHashMap<>());
      if (r.estate() == null) continue;
      estates.put(r.estate(), r.estateName());
      List<Option> bs = buildings.computeIfAbsent(r.estate(), k -> new java.util.ArrayList<>());
      if (r.building() != null) bs.add(new Option(r.building(), r.buildingName()));
    }
    List<CommunityOptions> communities = communityNames.entrySet().stream()
        .map(c -> new CommunityOptions(c.getKey(), c.getValue(),
            estateNames.get(c.getKey()).entrySet().stream()
                .map(e -> new Estate(e.getKey(), e.getValue(), buildings.getOrDefault(e.getKey(), List.of())))
                .toList()))
        .toList();
    return new Options(communities,
        Arrays.stream(Category.values()).map(c -> new Option(c.name(), c.label())).toList(),
        Arrays.stream(TopicCategory.values()).map(c -> new Option(c.name(), c.label())).toList());
  }
}
