package io.linli.consultation;

import io.linli.identity.ActingUser;
import io.linli.identity.Role;
import io.linli.identity.StaffReach;
import io.linli.intake.ContactCipher;
import io.linli.intake.PhoneNumbers;
import io.linli.notification.NotifyChannel;
import io.linli.system.ApiError;
import io.linli.system.TextInput;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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
 * The consultation API: the 协商事项清单, proposing and supporting a topic, a representative's vote tasks
 * and votes, residents' ratings. The acting user is the token's in the {@code keycloak} profile and
 * the {@code X-Linli-User} header's in the default profile ({@link ActingUser}); residents on the
 * resident page propose and support by phone.
 */
@RestController
@RequestMapping("/api/consultations")
class ConsultationController {

  static final String USER_HEADER = "X-Linli-User";
  static final int MAX_PAGE_SIZE = 200;

  /** Prefix of a resident known by phone only: a keyed hash of the number, never the number. */
  static final String PHONE_ID = "tel:";

  private final ConsultationProposals proposals;
  private final ConsultationVotes votes;
  private final ConsultationRatings ratings;
  private final Checklist checklist;
  private final TopicView view;
  private final ActingUser actingUser;
  private final ContactCipher cipher;
  private final TopicLinks links;
  private final StaffReach reach;

  ConsultationController(
      ConsultationProposals proposals,
      ConsultationVotes votes,
      ConsultationRatings ratings,
      Checklist checklist,
      TopicView view,
      ActingUser actingUser,
      ContactCipher cipher,
      TopicLinks links,
      StaffReach reach) {
    this.actingUser = actingUser;
    this.links = links;
    this.reach = reach;
    this.cipher = cipher;
    this.proposals = proposals;
    this.votes = votes;
    this.ratings = ratings;
    this.checklist = checklist;
    this.view = view;
  }

  record ProposeRequest(
      @NotBlank(message = "请选择社区") @Size(max = 32) String communityCode,
      @NotBlank(message = "请选择小区") @Size(max = 32) String estateCode,
      @NotNull(message = "请选择议题类别") TopicCategory category,
      @NotBlank(message = "请填写议题标题") @Size(max = 100, message = "标题不能超过100字") String title,
      @NotBlank(message = "请描述议题") @Size(max = 2000, message = "议题描述不能超过2000字") String description,
      @NotNull(message = "请选择提议人身份") ProposerRole proposerRole,
      @Size(max = 40, message = "手机号码过长") String contactPhone,
      Set<NotifyChannel> notifyBy,
      @Email(message = "请填写有效的电子邮箱") @Size(max = 254) String contactEmail) {}

  /** 附议 from the resident page, where the resident is known by phone only. */
  record SupportRequest(@Size(max = 40, message = "手机号码过长") String contactPhone) {}

  record FromGrievanceRequest(
      @NotBlank(message = "请填写诉求案件编号") @Size(max = 32) String grievanceCaseNo,
      @NotNull(message = "请选择议题类别") TopicCategory category,
      @NotBlank(message = "请填写议题标题") @Size(max = 100, message = "标题不能超过100字") String title,
      @NotBlank(message = "请描述议题") @Size(max = 2000, message = "议题描述不能超过2000字")
          String description) {}

  record ProposeResponse(
      String topicNo, String state, String stateLabel, Instant collectionEndsAt, String url) {}

  record SupportResponse(String topicNo, int supporters) {}

  record VoteRequest(
      @NotNull(message = "请选择同意、不同意或弃权") VoteChoice vote,
      @Size(max = 500, message = "表决意见不能超过500字") String comment) {}

  record RatingRequest(
      @NotNull(message = "请选择满意、基本满意或不满意") Satisfaction rating,
      @Size(max = 500, message = "评价意见不能超过500字") String comment) {}

  record RatingResponse(String topicNo, int evaluationRound, String rating) {}

  @GetMapping
  List<Checklist.Item> checklist(
      @RequestParam(required = false) String community,
      @RequestParam(required = false) String estate,
      @RequestParam(required = false) String category,
      @RequestParam(required = false) String state,
      @RequestParam(required = false) String overdue,
      @RequestParam(defaultValue = "0") String page,
      @RequestParam(defaultValue = "50") String size) {
    return checklist.list(
        new Checklist.Filter(
            blankToNull(community),
            blankToNull(estate),
            enumParam(TopicCategory.class, "category", category),
            enumParam(TopicState.class, "state", state),
            booleanParam("overdue", overdue),
            intParam("page", page, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE),
            intParam("size", size, 1, MAX_PAGE_SIZE)));
  }

  @PostMapping
  ResponseEntity<ProposeResponse> propose(
      @RequestHeader(name = USER_HEADER, required = false) String user,
      @Valid @RequestBody ProposeRequest r) {
    String phone =
        PhoneNumbers.toE164("contactPhone", TextInput.clean("contactPhone", r.contactPhone()));
    String proposer = actor(user, phone);
    if (proposer.startsWith(PHONE_ID) && r.proposerRole() != ProposerRole.RESIDENT) {
      throw ApiError.invalid("proposerRole", "未登录时只能以居民身份提议");
    }
    return created(
        proposals.propose(
            new ConsultationProposals.Proposal(
                r.communityCode(),
                r.estateCode(),
                r.category(),
                TextInput.clean("title", r.title()).strip(),
                TextInput.clean("description", r.description()).strip(),
                proposer,
                r.proposerRole()),
            r.notifyBy(),
            phone,
            TextInput.clean("contactEmail", r.contactEmail())));
  }

  @PostMapping("/from-grievance")
  ResponseEntity<ProposeResponse> fromGrievance(
      @RequestHeader(name = USER_HEADER, required = false) String user,
      @Valid @RequestBody FromGrievanceRequest r) {
    // The grievance's community's grid worker, party group or 社区党委, or the street above; an
    // unknown case and one out of reach get the same 404, so case numbers cannot be probed.
    String community =
        links
            .grievance(ConsultationProposals.GRIEVANCE_FLOW, r.grievanceCaseNo())
            .map(TopicLinks.Grievance::communityCode)
            .filter(
                c ->
                    reach.inCommunity(
                            c, Role.GRID_WORKER, Role.PARTY_GROUP, Role.COMMUNITY_COMMITTEE)
                        || reach.streetAbove(c))
            .orElseThrow(() -> ApiError.notFound("没有这个诉求案件：" + r.grievanceCaseNo()));
    return created(
        proposals.fromGrievance(
            r.grievanceCaseNo(),
            r.category(),
            r.title().strip(),
            r.description().strip(),
            user(user)));
  }

  @GetMapping("/{topicNo}")
  TopicView.Detail topic(@PathVariable String topicNo) {
    return view.of(topicNo);
  }

  @PostMapping("/{topicNo}/supporters")
  ResponseEntity<SupportResponse> support(
      @RequestHeader(name = USER_HEADER, required = false) String user,
      @PathVariable String topicNo,
      @Valid @RequestBody(required = false) SupportRequest r) {
    String phone =
        r == null
            ? null
            : PhoneNumbers.toE164(
                "contactPhone", TextInput.clean("contactPhone", r.contactPhone()));
    int supporters = proposals.support(topicNo, actor(user, phone));
    return ResponseEntity.status(201).body(new SupportResponse(topicNo, supporters));
  }

  @GetMapping("/vote-tasks")
  List<ConsultationVotes.VoteTask> voteTasks(
      @RequestHeader(name = USER_HEADER, required = false) String user) {
    return votes.openTasks(user(user));
  }

  @PostMapping("/{topicNo}/votes")
  ResponseEntity<ConsultationVotes.Receipt> vote(
      @RequestHeader(name = USER_HEADER, required = false) String user,
      @PathVariable String topicNo,
      @Valid @RequestBody VoteRequest r) {
    return ResponseEntity.status(201).body(votes.vote(topicNo, user(user), r.vote(), r.comment()));
  }

  @PostMapping("/{topicNo}/ratings")
  ResponseEntity<RatingResponse> rate(
      @RequestHeader(name = USER_HEADER, required = false) String user,
      @PathVariable String topicNo,
      @Valid @RequestBody RatingRequest r) {
    int round = ratings.rate(topicNo, user(user), r.rating(), r.comment());
    return ResponseEntity.status(201).body(new RatingResponse(topicNo, round, r.rating().name()));
  }

  private static ResponseEntity<ProposeResponse> created(ConsultationProposals.Receipt receipt) {
    URI url = URI.create("/api/consultations/" + receipt.topicNo());
    return ResponseEntity.created(url)
        .body(
            new ProposeResponse(
                receipt.topicNo(),
                receipt.state().name(),
                receipt.state().label(),
                receipt.collectionEndsAt(),
                url.toString()));
  }

  /** The acting user: the token's (keycloak profile) or the header's (default profile). */
  private String user(String header) {
    String user =
        actingUser
            .of(header)
            .orElseThrow(
                () -> ApiError.invalid(USER_HEADER, "请登录，或在请求头 " + USER_HEADER + " 中提供用户标识"));
    if (user.length() > 64) throw ApiError.invalid(USER_HEADER, "用户标识不能超过64字符");
    return user;
  }

  /**
   * A proposer or supporter: a signed-in user, or a resident known only by phone (the resident
   * page), who is then one pseudonymous id per phone number, so a phone supports a topic once.
   */
  private String actor(String header, String phone) {
    if (actingUser.of(header).isPresent() || phone == null) return user(header);
    return PHONE_ID + cipher.pseudonym("RESIDENT", phone);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static <E extends Enum<E>> E enumParam(Class<E> type, String name, String value) {
    if (blankToNull(value) == null) return null;
    try {
      return Enum.valueOf(type, value.strip());
    } catch (IllegalArgumentException e) {
      throw ApiError.invalid(
          name,
          "取值无效，可选："
              + Arrays.stream(type.getEnumConstants())
                  .map(Enum::name)
                  .collect(Collectors.joining(", ")));
    }
  }

  private static Boolean booleanParam(String name, String value) {
    if (blankToNull(value) == null) return null;
    return switch (value.strip()) {
      case "true" -> true;
      case "false" -> false;
      default -> throw ApiError.invalid(name, "取值无效，可选：true, false");
    };
  }

  private static int intParam(String name, String value, int min, int max) {
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= min && n <= max) return n;
    } catch (NumberFormatException e) {
      // refused below
    }
    throw ApiError.invalid(name, "须为" + min + "到" + max + "之间的整数");
  }
}
