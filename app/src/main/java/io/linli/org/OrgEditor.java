package io.linli.org;

import io.linli.identity.ContractorTeam;
import io.linli.identity.Role;
import io.linli.system.ApiError;
import io.linli.system.ApiError.FieldMessage;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Edits the organisation tree after checking it whole: a code is lower-case letters and digits, a
 * grid stays inside its community and never inside itself, an estate belongs to a community and its
 * grid to the same community, a building's grid too, a member's unit exists in the community. Every
 * refusal is a 400 naming the field; every accepted edit syncs the groups (OrgGroups). Who may edit
 * is the controller's business.
 */
@Service
class OrgEditor {

  static final Pattern CODE = Pattern.compile("[a-z0-9]{1,32}");
  static final Set<String> ESTATE_TYPES = Set.of("COMMERCIAL", "OLD", "RESETTLEMENT");
  static final Set<String> COMPANY_KINDS = Set.of("COMPANY", "COMMUNITY_RUN", "PUBLIC_INTEREST");
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final OrgTree tree;
  private final OrgGroups orgGroups;

  OrgEditor(OrgTree tree, OrgGroups orgGroups) {
    this.tree = tree;
    this.orgGroups = orgGroups;
  }

  record StreetEdit(String name) {}

  record CommunityEdit(String name, String streetCode) {}

  record GridEdit(String name, Integer households, String parentGridCode) {}

  record EstateEdit(
      String communityCode, String name, String estateType, Integer households, String gridCode) {}

  record BuildingEdit(String name, String gridCode) {}

  record CompanyEdit(String name, String kind) {}

  record CompanyChange(String companyCode, LocalDate from) {}

  record MemberEdit(
      String unitKind, String unitCode, String role, String userId, String displayName) {}

  record RepresentativeEdit(
      String userId,
      String displayName,
      String buildingCode,
      LocalDate termFrom,
      LocalDate termTo,
      String replacesUserId) {}

  @Transactional
  void street(String code, StreetEdit e) {
    List<FieldMessage> bad = new ArrayList<>();
    code(bad, "street", code);
    name(bad, "name", e.name(), 100);
    fail(bad);
    tree.upsertStreet(code, e.name().strip());
  }

  @Transactional
  void community(String code, CommunityEdit e) {
    List<FieldMessage> bad = new ArrayList<>();
    code(bad, "community", code);
    name(bad, "name", e.name(), 100);
    if (blank(e.streetCode())) bad.add(new FieldMessage("streetCode", "社区须属于一个街道"));
    else if (tree.street(e.streetCode()).isEmpty()) {
      bad.add(new FieldMessage("streetCode", "未知街道：" + e.streetCode()));
    }
    fail(bad);
    tree.upsertCommunity(code, e.name().strip(), e.streetCode());
    orgGroups.sync(code);
  }

  @Transactional
  void grid(String community, String code, GridEdit e) {
    List<FieldMessage> bad = new ArrayList<>();
    knownCommunity(community);
    code(bad, "grid", code);
    name(bad, "name", e.name(), 100);
    households(bad, e.households());
    Long parentId = null;
    if (!blank(e.parentGridCode())) {
      var parent = tree.grid(community, e.parentGridCode());
      if (parent.isEmpty()) {
        bad.add(new FieldMessage("parentGridCode", "上级网格须是本社区的网格：" + e.parentGridCode()));
      } else if (cycle(community, code, e.parentGridCode())) {
        bad.add(new FieldMessage("parentGridCode", "上级网格不能是本网格或其下级网格（会形成环）"));
      } else {
        parentId = parent.get().id();
      }
    }
    fail(bad);
    tree.upsertGrid(community, code, e.name().strip(), e.households(), parentId);
    orgGroups.sync(community);
  }

  /**
   * Whether putting {@code grid} under {@code parent} closes a loop: the parent is the grid or
   * below it.
   */
  private boolean cycle(String community, String grid, String parent) {
    java.util.Map<String, String> up = new java.util.HashMap<>();
    for (OrgTree.Grid g : tree.grids(community)) up.put(g.code(), g.parentCode());
    Set<String> seen = new HashSet<>();
    for (String at = parent; at != null && seen.add(at); at = up.get(at)) {
      if (at.equals(grid)) return true;
    }
    return false;
  }

  @Transactional
  void estate(String code, EstateEdit e) {
    List<FieldMessage> bad = new ArrayList<>();
    code(bad, "estate", code);
    name(bad, "name", e.name(), 100);
    households(bad, e.households());
    if (blank(e.estateType()) || !ESTATE_TYPES.contains(e.estateType())) {
      bad.add(new FieldMessage("estateType", "小区类型须是 COMMERCIAL（商住）、OLD（老旧）或 RESETTLEMENT（回迁）"));
    }
    Long gridId = null;
    boolean community = false;
    if (blank(e.communityCode())) {
      bad.add(new FieldMessage("communityCode", "小区须属于一个社区"));
    } else if (tree.community(e.communityCode()).isEmpty()) {
      bad.add(new FieldMessage("communityCode", "未知社区：" + e.communityCode()));
    } else {
      community = true;
    }
    if (community && !blank(e.gridCode())) {
      var grid = tree.grid(e.communityCode(), e.gridCode());
      if (grid.isEmpty()) bad.add(new FieldMessage("gridCode", "网格须在小区所属的社区内：" + e.gridCode()));
      else gridId = grid.get().id();
    }
    var existing = tree.estate(code);
    if (community
        && existing.isPresent()
        && !existing.get().communityCode().equals(e.communityCode())) {
      // moving an estate leaves its buildings' grids behind in the old community
      boolean gridded =
          tree.buildings(existing.get().id()).stream().anyMatch(b -> b.gridCode() != null);
      if (gridded) {
        bad.add(new FieldMessage("communityCode", "小区的楼栋仍在原社区的网格内，请先调整楼栋的网格"));
      }
    }
    fail(bad);
    tree.upsertEstate(
        code, e.communityCode(), e.name().strip(), e.estateType(), e.households(), gridId);
    orgGroups.sync(e.communityCode());
  }

  @Transactional
  void building(OrgTree.EstateRow estate, String code, BuildingEdit e) {
    List<FieldMessage> bad = new ArrayList<>();
    code(bad, "building", code);
    name(bad, "name", e.name(), 50);
    Long gridId = null;
    if (!blank(e.gridCode())) {
      var grid = tree.grid(estate.communityCode(), e.gridCode());
      if (grid.isEmpty()) bad.add(new FieldMessage("gridCode", "网格须在小区所属的社区内：" + e.gridCode()));
      else gridId = grid.get().id();
    }
    fail(bad);
    tree.upsertBuilding(estate.id(), code, e.name().strip(), gridId);
  }

  @Transactional
  void company(String code, CompanyEdit e) {
    List<FieldMessage> bad = new ArrayList<>();
    code(bad, "code", code);
    name(bad, "name", e.name(), 100);
    if (blank(e.kind()) || !COMPANY_KINDS.contains(e.kind())) {
      bad.add(
          new FieldMessage(
              "kind", "类型须是 COMPANY（物业企业）、COMMUNITY_RUN（社区物业服务社）或 PUBLIC_INTEREST（公益物业服务中心）"));
    }
    fail(bad);
    tree.upsertCompany(code, e.name().strip(), e.kind());
  }

  @Transactional
  void changeCompany(OrgTree.EstateRow estate, CompanyChange c, String by) {
    List<FieldMessage> bad = new ArrayList<>();
    var company =
        blank(c.companyCode())
            ? java.util.Optional.<OrgTree.Company>empty()
            : tree.company(c.companyCode());
    if (company.isEmpty()) bad.add(new FieldMessage("companyCode", "未知物业公司：" + c.companyCode()));
    LocalDate today = LocalDate.now(CHINA);
    if (c.from() == null) bad.add(new FieldMessage("from", "须填写接管日期"));
    else if (c.from().isAfter(today)) bad.add(new FieldMessage("from", "接管日期不能晚于今天（到日子再登记）"));
    else {
      tree.openTermFrom(estate.id())
          .filter(open -> !c.from().isAfter(open))
          .ifPresent(open -> bad.add(new FieldMessage("from", "接管日期须晚于现任物业公司的接管日期 " + open)));
    }
    if (company.isPresent() && company.get().code().equals(estate.companyCode())) {
      bad.add(new FieldMessage("companyCode", "该物业公司已在服务本小区"));
    }
    fail(bad);
    tree.changeCompany(estate.id(), company.get().id(), c.from(), by);
    orgGroups.sync(estate.communityCode());
  }

  @Transactional
  void addMember(String community, MemberEdit m, String by) {
    OrgTree.Member member = member(community, m);
    tree.addMember(
        community,
        member.unitKind(),
        member.unitCode(),
        member.role(),
        member.userId(),
        member.displayName(),
        by);
    orgGroups.sync(community);
  }

  @Transactional
  void removeMember(String community, MemberEdit m) {
    OrgTree.Member member = member(community, m);
    if (!tree.removeMember(
        community, member.unitKind(), member.unitCode(), member.role(), member.userId())) {
      throw ApiError.notFound("组织树中没有这一成员");
    }
    orgGroups.left(community, member);
  }

  /** The checked member; its display name is optional for a removal. */
  private OrgTree.Member member(String community, MemberEdit m) {
    knownCommunity(community);
    List<FieldMessage> bad = new ArrayList<>();
    if (blank(m.userId()) || !Pattern.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}", m.userId())) {
      bad.add(new FieldMessage("userId", "用户名须是字母、数字、点、下划线或连字符"));
    }
    name(bad, "displayName", m.displayName() == null ? "-" : m.displayName(), 50);
    String kind = m.unitKind() == null ? "" : m.unitKind();
    String unit = blank(m.unitCode()) ? "" : m.unitCode();
    Role role =
        java.util.Arrays.stream(Role.values())
            .filter(r -> r.id().equals(m.role()))
            .findFirst()
            .orElse(null);
    Set<Role> allowed =
        switch (kind) {
          case "COMMUNITY" ->
              Set.of(
                  Role.GRID_WORKER,
                  Role.PROPERTY_STAFF,
                  Role.CONTRACTOR,
                  Role.PARTY_GROUP,
                  Role.COMMUNITY_COMMITTEE,
                  Role.BUILDING_REP,
                  Role.SHOP);
          case "GRID" -> Set.of(Role.GRID_WORKER);
          case "ESTATE", "COMPANY" -> Set.of(Role.PROPERTY_STAFF);
          case "TEAM", "INDIVIDUAL" -> Set.of(Role.CONTRACTOR);
          default -> null;
        };
    if (allowed == null) {
      bad.add(
          new FieldMessage("unitKind", "单位类型须是 COMMUNITY、GRID、ESTATE、COMPANY、TEAM 或 INDIVIDUAL"));
    } else if (role == null || !allowed.contains(role)) {
      bad.add(
          new FieldMessage("role", "此单位可设的角色：" + allowed.stream().map(Role::id).sorted().toList()));
    }
    if (allowed != null) {
      switch (kind) {
        case "GRID" -> {
          if (tree.grid(community, unit).isEmpty())
            bad.add(new FieldMessage("unitCode", "本社区没有此网格：" + unit));
        }
        case "ESTATE" -> {
          if (tree.estate(unit).filter(e -> e.communityCode().equals(community)).isEmpty()) {
            bad.add(new FieldMessage("unitCode", "本社区没有此小区：" + unit));
          }
        }
        case "COMPANY" -> {
          if (tree.estates(community).stream().noneMatch(e -> unit.equals(e.companyCode()))) {
            bad.add(new FieldMessage("unitCode", "此物业公司没有服务本社区的小区：" + unit));
          }
        }
        case "TEAM" -> {
          if (java.util.Arrays.stream(ContractorTeam.values())
              .noneMatch(t -> t.id().equals(unit))) {
            bad.add(new FieldMessage("unitCode", "未知服务队：" + unit));
          }
        }
        default -> {
          if (!unit.isEmpty()) bad.add(new FieldMessage("unitCode", "此单位类型不填单位代码"));
        }
      }
    }
    fail(bad);
    return new OrgTree.Member(
        0,
        kind,
        unit,
        role.id(),
        m.userId(),
        m.displayName() == null ? m.userId() : m.displayName().strip());
  }

  @Transactional
  void representative(OrgTree.EstateRow estate, RepresentativeEdit r) {
    List<FieldMessage> bad = new ArrayList<>();
    if (blank(r.userId()) || !Pattern.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}", r.userId())) {
      bad.add(new FieldMessage("userId", "用户名须是字母、数字、点、下划线或连字符"));
    }
    name(bad, "displayName", r.displayName(), 50);
    Long buildingId = null;
    if (blank(r.buildingCode())) bad.add(new FieldMessage("buildingCode", "楼栋代表须代表一栋楼"));
    else {
      buildingId = tree.buildingId(estate.id(), r.buildingCode()).orElse(null);
      if (buildingId == null)
        bad.add(new FieldMessage("buildingCode", "该小区没有此楼栋：" + r.buildingCode()));
    }
    if (r.termFrom() == null) bad.add(new FieldMessage("termFrom", "须填写任期开始日期"));
    if (r.termTo() == null) bad.add(new FieldMessage("termTo", "须填写任期结束日期"));
    else if (r.termFrom() != null && !r.termTo().isAfter(r.termFrom())) {
      bad.add(new FieldMessage("termTo", "任期结束须晚于开始"));
    }
    if (!blank(r.replacesUserId())
        && tree.activeRepresentative(estate.id(), r.replacesUserId()).isEmpty()) {
      bad.add(new FieldMessage("replacesUserId", "被替换的不是本小区的在任楼栋代表：" + r.replacesUserId()));
    }
    fail(bad);
    if (!blank(r.replacesUserId()))
      tree.endRepresentative(estate.id(), r.replacesUserId(), r.userId());
    tree.electRepresentative(
        estate.id(), buildingId, r.userId(), r.displayName().strip(), r.termFrom(), r.termTo());
    tree.addMember(
        estate.communityCode(),
        "COMMUNITY",
        "",
        Role.BUILDING_REP.id(),
        r.userId(),
        r.displayName().strip(),
        null);
    orgGroups.sync(estate.communityCode());
  }

  private void knownCommunity(String community) {
    if (tree.community(community).isEmpty()) throw ApiError.notFound("未知社区：" + community);
  }

  private static void code(List<FieldMessage> bad, String field, String code) {
    if (code == null || !CODE.matcher(code).matches()) {
      bad.add(new FieldMessage(field, "代码须是1到32个小写字母或数字"));
    }
  }

  private static void name(List<FieldMessage> bad, String field, String name, int max) {
    if (blank(name)) bad.add(new FieldMessage(field, "须填写名称"));
    else if (name.strip().codePointCount(0, name.strip().length()) > max) {
      bad.add(new FieldMessage(field, "名称最长" + max + "个字"));
    }
  }

  private static void households(List<FieldMessage> bad, Integer households) {
    if (households != null && (households < 0 || households > 100_000)) {
      bad.add(new FieldMessage("households", "户数须在0到100000之间"));
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static void fail(List<FieldMessage> bad) {
    if (!bad.isEmpty()) throw ApiError.invalid(bad);
  }
}
