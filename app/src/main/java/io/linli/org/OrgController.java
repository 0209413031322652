package io.linli.org;

import io.linli.community.CommunityGroups;
import io.linli.identity.ActingUser;
import io.linli.identity.ContractorTeam;
import io.linli.identity.Role;
import io.linli.identity.StaffReach;
import io.linli.system.ApiError;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organisation tree's admin API (docs/org-tree.md). Reading a community's tree: its staff, the
 * street above, 督查. Editing inside a community (grids, estates, buildings, the property company,
 * members, building representatives): its 社区党委, the street above, 督查. A community itself: the
 * street committee; a street: 督查; the register of property companies: any street committee and 督查.
 * {@code /org/api} serves the page in the signed-in session, as {@code /calendar/api} does.
 */
@RestController
@RequestMapping({"/api/org", "/org/api"})
class OrgController {

  static final String USER_HEADER = "X-Linli-User";

  private final OrgTree tree;
  private final OrgEditor editor;
  private final OrgGroups orgGroups;
  private final CommunityGroups groups;
  private final StaffReach reach;
  private final ActingUser actingUser;
  private final boolean keycloakSync;

  OrgController(
      OrgTree tree,
      OrgEditor editor,
      OrgGroups orgGroups,
      CommunityGroups groups,
      StaffReach reach,
      ActingUser actingUser,
      org.springframework.beans.factory.ObjectProvider<KeycloakOrgSync> keycloakSync) {
    this.tree = tree;
    this.editor = editor;
    this.orgGroups = orgGroups;
    this.groups = groups;
    this.reach = reach;
    this.actingUser = actingUser;
    this.keycloakSync = keycloakSync.stream().anyMatch(KeycloakOrgSync::enabled);
  }

  record CommunityRef(String code, String name) {}

  record StreetView(String code, String name, List<CommunityRef> communities) {}

  record CompanyView(String code, String name, String kind) {}

  record Index(List<StreetView> streets, List<CompanyView> companies) {}

  record GridView(
      String code, String name, Integer households, String parentGridCode, String group) {}

  record EstateView(
      String code,
      String name,
      String estateType,
      Integer households,
      String gridCode,
      String companyCode,
      String companyName,
      String companyGroup,
      String estateGroup,
      List<OrgTree.Term> terms,
      List<OrgTree.Building> buildings,
      List<OrgTree.Representative> representatives) {}

  record MemberView(
      String unitKind,
      String unitCode,
      String role,
      String userId,
      String displayName,
      List<String> groups) {}

  record TeamView(String code, String label, String group) {}

  record CommunityView(
      String code,
      String name,
      String streetCode,
      String streetName,
      List<GridView> grids,
      List<EstateView> estates,
      List<MemberView> members,
      List<TeamView> teams,
      Map<String, String> groups,
      boolean groupsSyncedFromTree) {}

  /** Streets with their communities, and the register of property companies. */
  @GetMapping
  Index index() {
    List<StreetView> streets = new ArrayList<>();
    List<OrgTree.CommunityRow> all = tree.communities();
    for (OrgTree.Street s : tree.streets()) {
      streets.add(
          new StreetView(
              s.code(),
              s.name(),
              all.stream()
                  .filter(c -> c.streetCode().equals(s.code()))
                  .map(c -> new CommunityRef(c.code(), c.name()))
                  .toList()));
    }
    return new Index(
        streets,
        tree.companies().stream().map(c -> new CompanyView(c.code(), c.name(), c.kind())).toList());
  }

  @GetMapping("/communities/{community}")
  CommunityView community(@PathVariable String community) {
    OrgTree.CommunityRow c = known(community);
    if (!reach.inCommunity(
            c.code(),
            Role.GRID_WORKER,
            Role.PROPERTY_STAFF,
            Role.CONTRACTOR,
            Role.PARTY_GROUP,
            Role.COMMUNITY_COMMITTEE)
        && !reach.streetAbove(c.code())
        && !reach.supervisor()) {
      throw ApiError.forbidden("只有本社区的工作人员、上级街道和督查可以查看组织树");
    }
    return view(c);
  }

  @PutMapping("/streets/{street}")
  Index street(@PathVariable String street, @RequestBody OrgEditor.StreetEdit edit) {
    if (!reach.supervisor()) throw ApiError.forbidden("只有督查可以设立街道");
    editor.street(street, edit);
    return index();
  }

  @PutMapping("/communities/{community}")
  CommunityView putCommunity(
      @PathVariable String community, @RequestBody OrgEditor.CommunityEdit edit) {
    if (!reach.supervisor()) {
      var existing = tree.community(community);
      boolean ok =
          existing.map(c -> reach.streetAbove(c.code())).orElse(true)
              && (edit.streetCode() == null || edit.streetCode().isBlank()
                  ? existing.isPresent()
                  : reach.inStreet(edit.streetCode()));
      if (!ok) throw ApiError.forbidden("只有所属街道党工委和督查可以设立或调整社区");
    }
    editor.community(community, edit);
    return view(known(community));
  }

  @PutMapping("/communities/{community}/grids/{grid}")
  CommunityView putGrid(
      @PathVariable String community,
      @PathVariable String grid,
      @RequestBody OrgEditor.GridEdit edit) {
    mayEdit(community);
    editor.grid(community, grid, edit);
    return view(known(community));
  }

  @PutMapping("/estates/{estate}")
  CommunityView putEstate(@PathVariable String estate, @RequestBody OrgEditor.EstateEdit edit) {
    Set<String> touched = new LinkedHashSet<>();
    tree.estate(estate).ifPresent(e -> touched.add(e.communityCode()));
    if (edit.communityCode() != null && tree.community(edit.communityCode()).isPresent()) {
      touched.add(edit.communityCode());
    }
    touched.forEach(this::mayEdit);
    editor.estate(estate, edit);
    return view(known(edit.communityCode()));
  }

  @PutMapping("/estates/{estate}/buildings/{building}")
  CommunityView putBuilding(
      @PathVariable String estate,
      @PathVariable String building,
      @RequestBody OrgEditor.BuildingEdit edit) {
    OrgTree.EstateRow e = editableEstate(estate);
    editor.building(e, building, edit);
    return view(known(e.communityCode()));
  }

  /** 物业更替: the company taking the estate over from a date (the open term ends that day). */
  @PostMapping("/estates/{estate}/property-terms")
  CommunityView changeCompany(
      @RequestHeader(name = USER_HEADER, required = false) String user,
      @PathVariable String estate,
      @RequestBody OrgEditor.CompanyChange change) {
    OrgTree.EstateRow e = editableEstate(estate);
    editor.changeCompany(e, change, actingUser.of(user).orElse(null));
    return view(known(e.communityCode()));
  }

  /** Elects a 楼栋代表 for a term, or replaces one (the committee's decision). */
  @PostMapping("/estates/{estate}/representatives")
  CommunityView representative(
      @PathVariable String estate, @RequestBody OrgEditor.RepresentativeEdit edit) {
    OrgTree.EstateRow e = editableEstate(estate);
    editor.representative(e, edit);
    return view(known(e.communityCode()));
  }

  @PutMapping("/companies/{code}")
  Index putCompany(@PathVariable String code, @RequestBody OrgEditor.CompanyEdit edit) {
    if (!reach.supervisor()
        && tree.communities().stream().noneMatch(c -> reach.streetAbove(c.code()))) {
      throw ApiError.forbidden("只有街道党工委和督查可以登记物业公司");
    }
    editor.company(code, edit);
    return index();
  }

  @PostMapping("/communities/{community}/members")
  CommunityView addMember(
      @RequestHeader(name = USER_HEADER, required = false) String user,
      @PathVariable String community,
      @RequestBody OrgEditor.MemberEdit member) {
    mayEdit(community);
    editor.addMember(community, member, actingUser.of(user).orElse(null));
    return view(known(community));
  }

  @PostMapping("/communities/{community}/members/removal")
  CommunityView removeMember(
      @PathVariable String community, @RequestBody OrgEditor.MemberEdit member) {
    mayEdit(community);
    editor.removeMember(community, member);
    return view(known(community));
  }

  private OrgTree.EstateRow editableEstate(String code) {
    OrgTree.EstateRow e = tree.estate(code).orElseThrow(() -> ApiError.notFound("未知小区：" + code));
    mayEdit(e.communityCode());
    return e;
  }

  private void mayEdit(String community) {
    known(community);
    if (!reach.inCommunity(community, Role.COMMUNITY_COMMITTEE)
        && !reach.streetAbove(community)
        && !reach.supervisor()) {
      throw ApiError.forbidden("只有本社区党委、上级街道党工委和督查可以调整组织树");
    }
  }

  private OrgTree.CommunityRow known(String community) {
    if (community == null) throw ApiError.invalid("communityCode", "小区须属于一个社区");
    return tree.community(community).orElseThrow(() -> ApiError.notFound("未知社区：" + community));
  }

  private CommunityView view(OrgTree.CommunityRow c) {
    String streetName = tree.street(c.streetCode()).map(OrgTree.Street::name).orElse(null);
    List<GridView> grids =
        tree.grids(c.code()).stream()
            .map(
                g ->
                    new GridView(
                        g.code(),
                        g.name(),
                        g.households(),
                        g.parentCode(),
                        groups.unit(c.code(), "grid", g.code(), Role.GRID_WORKER.id())))
            .toList();
    List<EstateView> estates =
        tree.estates(c.code()).stream()
            .map(
                e ->
                    new EstateView(
                        e.code(),
                        e.name(),
                        e.estateType(),
                        e.households(),
                        e.gridCode(),
                        e.companyCode(),
                        e.companyName(),
                        e.companyCode() == null
                            ? null
                            : groups.unit(
                                c.code(), "company", e.companyCode(), Role.PROPERTY_STAFF.id()),
                        groups.unit(c.code(), "estate", e.code(), Role.PROPERTY_STAFF.id()),
                        tree.terms(e.id()),
                        tree.buildings(e.id()),
                        tree.representatives(e.id())))
            .toList();
    List<MemberView> members =
        tree.members(c.code()).stream()
            .map(
                m ->
                    new MemberView(
                        m.unitKind(),
                        m.unitCode(),
                        m.role(),
                        m.userId(),
                        m.displayName(),
                        orgGroups.groupsOf(c.code(), m)))
            .toList();
    List<TeamView> teams =
        java.util.Arrays.stream(ContractorTeam.values())
            .map(t -> new TeamView(t.id(), t.label(), groups.of(c.code(), t.groupRole())))
            .toList();
    return new CommunityView(
        c.code(),
        c.name(),
        c.streetCode(),
        streetName,
        grids,
        estates,
        members,
        teams,
        orgGroups.expected(c.code()),
        orgGroups.writable() || keycloakSync);
  }
}
