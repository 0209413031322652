package io.linli.community;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the organisation tree (街道 → 社区 → 小区 → 楼栋) from the database; nothing is cached. */
@Repository
public class CommunityDirectory {

  private final JdbcClient jdbc;

  CommunityDirectory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Community> community(String code) {
    return jdbc.sql(
            """
            select c.code, c.name, s.code as street_code, s.name as street_name
            from community c join street s on s.code = c.street_code where c.code = ?""")
        .param(code)
        .query(
            (rs, n) ->
                new Community(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .optional();
  }

  public List<Community> communities() {
    return jdbc.sql(
            """
            select c.code, c.name, s.code, s.name
            from community c join street s on s.code = c.street_code order by c.code""")
        .query(
            (rs, n) ->
                new Community(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .list();
  }

  public Optional<Estate> estate(String communityCode, String estateCode) {
    return jdbc.sql("select id, code, name from estate where community_code = ? and code = ?")
        .param(communityCode)
        .param(estateCode)
        .query((rs, n) -> new Estate(rs.getLong(1), rs.getString(2), rs.getString(3)))
        .optional();
  }

  public Optional<Estate> building(long estateId, String buildingCode) {
    return jdbc.sql("select id, code, name from building where estate_id = ? and code = ?")
        .param(estateId)
        .param(buildingCode)
        .query((rs, n) -> new Estate(rs.getLong(1), rs.getString(2), rs.getString(3)))
        .optional();
  }

  /** A named place below a community (estate or building). */
  public record Estate(long id, String code, String name) {}
}
