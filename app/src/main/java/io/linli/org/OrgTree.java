package io.linli.org;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The organisation tree's tables (V3, V7, V94_1): reads for the admin page, the group sync and the
 * routing, and the plain writes {@link OrgEditor} makes after checking them. Nothing is cached.
 */
@Repository
class OrgTree {

  private final JdbcClient jdbc;

  OrgTree(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Street(String code, String name) {}

  record CommunityRow(String code, String name, String streetCode) {}

  record Grid(long id, String code, String name, Integer households, String parentCode) {}

  record EstateRow(
      long id,
      String code,
      String name,
      String communityCode,
      String estateType,
      Integer households,
      String gridCode,
      String companyCode,
      String companyName) {}

  record Building(long id, String code, String name, String gridCode) {}

  record Company(long id, String code, String name, String kind) {}

  record Term(
      String companyCode, String companyName, LocalDate from, LocalDate to, String recordedBy) {}

  record Member(
      long id, String unitKind, String unitCode, String role, String userId, String displayName) {}

  record Representative(
      String userId,
      String displayName,
      String buildingCode,
      LocalDate termFrom,
      LocalDate termTo,
      boolean active,
      String replacedBy) {}

  List<Street> streets() {
    return jdbc.sql("select code, name from street order by code")
        .query((rs, n) -> new Street(rs.getString(1), rs.getString(2)))
        .list();
  }

  Optional<Street> street(String code) {
    return jdbc.sql("select code, name from street where code = ?")
        .param(code)
        .query((rs, n) -> new Street(rs.getString(1), rs.getString(2)))
        .optional();
  }

  List<CommunityRow> communities() {
    return jdbc.sql("select code, name, street_code from community order by code")
        .query((rs, n) -> new CommunityRow(rs.getString(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  Optional<CommunityRow> community(String code) {
    return jdbc.sql("select code, name, street_code from community where code = ?")
        .param(code)
        .query((rs, n) -> new CommunityRow(rs.getString(1), rs.getString(2), rs.getString(3)))
        .optional();
  }

  List<Grid> grids(String community) {
    return jdbc.sql(
            """
            select g.id, g.code, g.name, g.households, p.code from grid g
            left join grid p on p.id = g.parent_id where g.community_code = ? order by g.code""")
        .param(community)
        .query(
            (rs, n) ->
                new Grid(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    (Integer) rs.getObject(4),
                    rs.getString(5)))
        .list();
  }

  Optional<Grid> grid(String community, String code) {
    return grids(community).stream().filter(g -> g.code().equals(code)).findFirst();
  }

  private static final String ESTATE_SELECT =
      """
      select e.id, e.code, e.name, e.community_code, e.estate_type, e.households, g.code, c.code, c.name
      from estate e left join grid g on g.id = e.grid_id
      left join property_company c on c.id = e.property_company_id""";

  private static EstateRow estateRow(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new EstateRow(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        (Integer) rs.getObject(6),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9));
  }

  List<EstateRow> estates(String community) {
    return jdbc.sql(ESTATE_SELECT + " where e.community_code = ? order by e.code")
        .param(community)
        .query((rs, n) -> estateRow(rs))
        .list();
  }

  Optional<EstateRow> estate(String code) {
    return jdbc.sql(ESTATE_SELECT + " where e.code = ?")
        .param(code)
        .query((rs, n) -> estateRow(rs))
        .optional();
  }

  Optional<EstateRow> estate(long id) {
    return jdbc.sql(ESTATE_SELECT + " where e.id = ?")
        .param(id)
        .query((rs, n) -> estateRow(rs))
        .optional();
  }

  List<Building> buildings(long estateId) {
    return jdbc.sql(
            """
            select b.id, b.code, b.name, g.code from building b left join grid g on g.id = b.grid_id
            where b.estate_id = ? order by length(b.code), b.code""")
        .param(estateId)
        .query(
            (rs, n) ->
                new Building(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .list();
  }

  List<Company> companies() {
    return jdbc.sql("select id, code, name, kind from property_company order by code")
        .query(
            (rs, n) ->
                new Company(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .list();
  }

  Optional<Company> company(String code) {
    return jdbc.sql("select id, code, name, kind from property_company where code = ?")
        .param(code)
        .query(
            (rs, n) ->
                new Company(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .optional();
  }

  Optional<String> companyCode(long id) {
    return jdbc.sql("select code from property_company where id = ?")
        .param(id)
        .query(String.class)
        .optional();
  }

  List<Term> terms(long estateId) {
    return jdbc.sql(
            """
            select c.code, c.name, t.valid_from, t.valid_to, t.recorded_by from estate_property_term t
            join property_company c on c.id = t.property_company_id where t.estate_id = ? order by t.valid_from""")
        .param(estateId)
        .query(
            (rs, n) ->
                new Term(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getObject(3, LocalDate.class),
                    rs.getObject(4, LocalDate.class),
                    rs.getString(5)))
        .list();
  }

  List<Member> members(String community) {
    return jdbc.sql(
            """
            select id, unit_kind, unit_code, role, user_id, display_name from org_member
            where community_code = ? order by unit_kind, unit_code, role, user_id""")
        .param(community)
        .query(
            (rs, n) ->
                new Member(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6)))
        .list();
  }

  List<Representative> representatives(long estateId) {
    return jdbc.sql(
            """
            select r.user_id, r.display_name, b.code, r.term_from, r.term_to, r.active, r.replaced_by
            from building_representative r left join building b on b.id = r.building_id
            where r.estate_id = ? order by r.active desc, r.user_id""")
        .param(estateId)
        .query(
            (rs, n) ->
                new Representative(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getObject(4, LocalDate.class),
                    rs.getObject(5, LocalDate.class),
                    rs.getBoolean(6),
                    rs.getString(7)))
        .list();
  }

  /** The grid of a place and the grids above it, innermost first (a building's own grid wins). */
  List<String> gridChain(Long estateId, String buildingCode) {
    if (estateId == null) return List.of();
    Long gridId =
        jdbc.sql(
                """
            select coalesce(b.grid_id, e.grid_id) from estate e
            left join building b on b.estate_id = e.id and b.code = ? where e.id = ?""")
            .param(buildingCode)
            .param(estateId)
            .query(Long.class)
            .optional()
            .orElse(null);
    List<String> chain = new ArrayList<>();
    // the editor refuses cycles; the bound guards the loop against a hand-edited table all the same
    for (int i = 0; gridId != null && i < 16; i++) {
      Long id = gridId;
      var row =
          jdbc.sql("select code, parent_id from grid where id = ?")
              .param(id)
              .query((rs, n) -> new Object[] {rs.getString(1), rs.getObject(2)})
              .single();
      chain.add((String) row[0]);
      gridId = row[1] == null ? null : ((Number) row[1]).longValue();
    }
    return chain;
  }

  // ---- writes (checked by OrgEditor) ----

  void upsertStreet(String code, String name) {
    jdbc.sql(
            "insert into street (code, name) values (?, ?) on conflict (code) do update set name = excluded.name")
        .param(code)
        .param(name)
        .update();
  }

  void upsertCommunity(String code, String name, String street) {
    jdbc.sql(
            """
            insert into community (code, name, street_code) values (?, ?, ?)
            on conflict (code) do update set name = excluded.name, street_code = excluded.street_code""")
        .param(code)
        .param(name)
        .param(street)
        .update();
  }

  void upsertGrid(String community, String code, String name, Integer households, Long parentId) {
    jdbc.sql(
            """
            insert into grid (community_code, code, name, households, parent_id) values (?, ?, ?, ?, ?)
            on conflict (community_code, code) do update set name = excluded.name,
              households = excluded.households, parent_id = excluded.parent_id""")
        .param(community)
        .param(code)
        .param(name)
        .param(households)
        .param(parentId)
        .update();
  }

  void upsertEstate(
      String code, String community, String name, String type, Integer households, Long gridId) {
    jdbc.sql(
            """
            insert into estate (community_code, code, name, estate_type, households, grid_id)
            values (?, ?, ?, ?, ?, ?)
            on conflict (code) do update set community_code = excluded.community_code,
              name = excluded.name, estate_type = excluded.estate_type,
              households = excluded.households, grid_id = excluded.grid_id""")
        .param(community)
        .param(code)
        .param(name)
        .param(type)
        .param(households)
        .param(gridId)
        .update();
  }

  void upsertBuilding(long estateId, String code, String name, Long gridId) {
    jdbc.sql(
            """
            insert into building (estate_id, code, name, grid_id) values (?, ?, ?, ?)
            on conflict (estate_id, code) do update set name = excluded.name, grid_id = excluded.grid_id""")
        .param(estateId)
        .param(code)
        .param(name)
        .param(gridId)
        .update();
  }

  void upsertCompany(String code, String name, String kind) {
    jdbc.sql(
            """
            insert into property_company (code, name, kind) values (?, ?, ?)
            on conflict (code) do update set name = excluded.name, kind = excluded.kind""")
        .param(code)
        .param(name)
        .param(kind)
        .update();
  }

  /**
   * Closes the open term at {@code from}, opens the new one and makes it the estate's current
   * company.
   */
  void changeCompany(long estateId, long companyId, LocalDate from, String by) {
    jdbc.sql(
            "update estate_property_term set valid_to = ? where estate_id = ? and valid_to is null")
        .param(from)
        .param(estateId)
        .update();
    jdbc.sql(
            """
            insert into estate_property_term (estate_id, property_company_id, valid_from, recorded_by)
            values (?, ?, ?, ?)""")
        .param(estateId)
        .param(companyId)
        .param(from)
        .param(by)
        .update();
    jdbc.sql("update estate set property_company_id = ? where id = ?")
        .param(companyId)
        .param(estateId)
        .update();
  }

  Optional<LocalDate> openTermFrom(long estateId) {
    return jdbc.sql(
            "select valid_from from estate_property_term where estate_id = ? and valid_to is null")
        .param(estateId)
        .query(LocalDate.class)
        .optional();
  }

  /** True when the row is new. */
  boolean addMember(
      String community,
      String kind,
      String unit,
      String role,
      String userId,
      String name,
      String by) {
    return jdbc.sql(
                """
            insert into org_member (community_code, unit_kind, unit_code, role, user_id, display_name, added_by)
            values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
            .param(community)
            .param(kind)
            .param(unit)
            .param(role)
            .param(userId)
            .param(name)
            .param(by)
            .update()
        == 1;
  }

  boolean removeMember(String community, String kind, String unit, String role, String userId) {
    return jdbc.sql(
                """
            delete from org_member where community_code = ? and unit_kind = ? and unit_code = ?
              and role = ? and user_id = ?""")
            .param(community)
            .param(kind)
            .param(unit)
            .param(role)
            .param(userId)
            .update()
        == 1;
  }

  Optional<Representative> activeRepresentative(long estateId, String userId) {
    return representatives(estateId).stream()
        .filter(r -> r.active() && r.userId().equals(userId))
        .findFirst();
  }

  void electRepresentative(
      long estateId, Long buildingId, String userId, String name, LocalDate from, LocalDate to) {
    jdbc.sql(
            """
            insert into building_representative (estate_id, building_id, user_id, display_name, active,
              term_from, term_to) values (?, ?, ?, ?, true, ?, ?)
            on conflict (estate_id, user_id) do update set building_id = excluded.building_id,
              display_name = excluded.display_name, active = true, term_from = excluded.term_from,
              term_to = excluded.term_to, replaced_by = null, ended_at = null""")
        .param(estateId)
        .param(buildingId)
        .param(userId)
        .param(name)
        .param(from)
        .param(to)
        .update();
  }

  void endRepresentative(long estateId, String userId, String replacedBy) {
    jdbc.sql(
            """
            update building_representative set active = false, replaced_by = ?, ended_at = now()
            where estate_id = ? and user_id = ?""")
        .param(replacedBy)
        .param(estateId)
        .param(userId)
        .update();
  }

  Optional<Long> buildingId(long estateId, String code) {
    return jdbc.sql("select id from building where estate_id = ? and code = ?")
        .param(estateId)
        .param(code)
        .query(Long.class)
        .optional();
  }
}
