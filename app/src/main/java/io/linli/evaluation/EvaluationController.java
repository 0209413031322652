package io.linli.evaluation;

import io.linli.community.CommunityDirectory;
import io.linli.identity.ActingUser;
import io.linli.identity.Role;
import io.linli.identity.StaffReach;
import io.linli.system.ApiError;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The evaluation API: the configured aspects and the published results (public), opening an
 * evaluation (社区党委 for one estate, 街道党工委 for every estate of the street), reading one, and the
 * property company's rectification plans. Representatives score in Tasklist (Camunda Form).
 */
@RestController
@RequestMapping("/api/evaluations")
class EvaluationController {

  static final String USER_HEADER = "X-Linli-User";

  private final EvaluationOpening opening;
  private final EvaluationView view;
  private final RectificationPlans plans;
  private final EvaluationProperties rules;
  private final StaffReach reach;
  private final ActingUser actingUser;
  private final CommunityDirectory directory;

  EvaluationController(
      EvaluationOpening opening,
      EvaluationView view,
      RectificationPlans plans,
      EvaluationProperties rules,
      StaffReach reach,
      ActingUser actingUser,
      CommunityDirectory directory) {
    this.directory = directory;
    this.opening = opening;
    this.view = view;
    this.plans = plans;
    this.rules = rules;
    this.reach = reach;
    this.actingUser = actingUser;
  }

  record AspectRule(int aspect, String name, BigDecimal weight) {}

  record Rules(List<AspectRule> aspects, String quorum, BigDecimal rectifyBelow) {}

  /** The 12 aspects with their weights, the quorum and the rectification threshold in force. */
  @GetMapping("/aspects")
  Rules aspects() {
    List<AspectRule> list = new java.util.ArrayList<>();
    for (int n = 1; n <= EvaluationProperties.ASPECT_COUNT; n++) {
      list.add(new AspectRule(n, rules.aspect(n).name(), rules.aspect(n).weight()));
    }
    return new Rules(list, rules.quorum().toString(), rules.rectifyBelow());
  }

  record OpenRequest(
      @NotBlank(message = "请选择社区") @Size(max = 32) String communityCode,
      @NotBlank(message = "请选择小区") @Size(max = 32) String estateCode,
      @NotNull(message = "请填写考评年度") Integer year) {}

  @PostMapping
  ResponseEntity<EvaluationOpening.Opened> open(
      @RequestHeader(value = USER_HEADER, required = false) String header,
      @Valid @RequestBody OpenRequest r) {
    if (!reach.inCommunity(r.communityCode(), Role.COMMUNITY_COMMITTEE)
        && !reach.streetAbove(r.communityCode())) {
      throw ApiError.forbidden("只有本社区党委或街道党工委可以发起年度综合考评");
    }
    var opened = opening.open(r.communityCode(), r.estateCode(), r.year(), user(header));
    return ResponseEntity.status(opened.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(opened);
  }

  record StreetRequest(
      @NotBlank(message = "请选择街道") @Size(max = 32) String streetCode,
      @NotNull(message = "请填写考评年度") Integer year) {}

  @PostMapping("/street-openings")
  EvaluationOpening.StreetOpening openForStreet(
      @RequestHeader(value = USER_HEADER, required = false) String header,
      @Valid @RequestBody StreetRequest r) {
    String community =
        directory.communities().stream()
            .filter(c -> c.streetCode().equals(r.streetCode()))
            .map(io.linli.community.Community::code)
            .findFirst()
            .orElseThrow(() -> ApiError.invalid("streetCode", "未知街道：" + r.streetCode()));
    if (!reach.streetAbove(community)) throw ApiError.forbidden("只有本街道党工委可以统一发起年度综合考评");
    return opening.openForStreet(r.streetCode(), r.year(), user(header));
  }

  /** Published results of a year for the resident page's 公示 (no account, no names). */
  @GetMapping("/published")
  List<EvaluationView.Result> published(
      @RequestParam(required = false) String communityCode,
      @RequestParam(required = false) Integer year) {
    if (communityCode != null && communityCode.length() > 32)
      throw ApiError.invalid("communityCode", "社区代码过长");
    if (year != null) EvaluationOpening.checkYear(year);
    return view.published(communityCode, year);
  }

  @GetMapping("/{evaluationNo}")
  EvaluationView.Detail get(@PathVariable String evaluationNo) {
    EvaluationView.Detail d = view.detail(evaluationNo);
    String c = d.result().communityCode();
    if (!reach.inCommunity(
            c, Role.COMMUNITY_COMMITTEE, Role.PROPERTY_STAFF, Role.GRID_WORKER, Role.PARTY_GROUP)
        && !reach.streetAbove(c)
        && !reach.supervisor()) {
      throw ApiError.notFound("没有这个考评");
    }
    return d;
  }

  record PlanEntry(
      @NotNull(message = "请填写考评方面序号") Integer aspect,
      @Size(max = 2000, message = "整改方案不能超过2000字") String plan,
      Integer days) {}

  record PlansRequest(
      @NotNull(message = "请填写整改方案") @Size(max = 12) List<@Valid @NotNull PlanEntry> plans) {}

  /**
   * The property company answers every weak aspect with a plan; each opens a rectification case.
   */
  @PostMapping("/{evaluationNo}/rectification-plans")
  EvaluationView.Detail answer(
      @RequestHeader(value = USER_HEADER, required = false) String header,
      @PathVariable String evaluationNo,
      @Valid @RequestBody PlansRequest r) {
    EvaluationView.Detail d = view.detail(evaluationNo);
    if (!reach.inCommunity(d.result().communityCode(), Role.PROPERTY_STAFF)) {
      throw ApiError.forbidden("只有本社区物业服务中心可以答复整改方案");
    }
    plans.submit(
        d.id(),
        r.plans().stream()
            .map(p -> new AnswerRectification.Plan(p.aspect(), p.plan(), p.days()))
            .toList(),
        user(header));
    return view.detail(evaluationNo);
  }

  private String user(String header) {
    return actingUser.of(header).orElse("staff");
  }
}
