package io.linli.finance;

import io.linli.identity.ActingUser;
import io.linli.identity.Role;
import io.linli.identity.StaffReach;
import io.linli.system.ApiError;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
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
 * 双晒 收支 entry: property staff submit an estate's quarter, 社区党委 approves or sends it back (here or
 * in Tasklist); only approved figures reach the report.
 */
@RestController
@RequestMapping("/api/estate-finance")
class FinanceController {

  static final String USER_HEADER = "X-Linli-User";

  private final FinanceEntries entries;
  private final StaffReach reach;
  private final ActingUser actingUser;
  private final TaskService tasks;

  FinanceController(
      FinanceEntries entries, StaffReach reach, ActingUser actingUser, TaskService tasks) {
    this.entries = entries;
    this.reach = reach;
    this.actingUser = actingUser;
    this.tasks = tasks;
  }

  record SubmitRequest(
      @NotBlank(message = "请选择社区") @Size(max = 32) String communityCode,
      @NotBlank(message = "请选择小区") @Size(max = 32) String estateCode,
      @NotBlank(message = "请填写季度") @Size(max = 7, message = "季度格式应为 yyyy-Qn，例如 2026-Q3")
          String quarter,
      @Size(max = 32) String correctsEntryNo,
      @Size(max = 3, message = "一个季度最多3个月的物业费") List<FinanceLines.Fee> fees,
      @Size(max = 24, message = "支出项目过多") List<FinanceLines.Expense> expenses) {}

  @PostMapping
  ResponseEntity<FinanceEntries.Entry> submit(
      @RequestHeader(value = USER_HEADER, required = false) String header,
      @Valid @RequestBody SubmitRequest r) {
    if (!reach.inCommunity(r.communityCode(), Role.PROPERTY_STAFF)) {
      throw ApiError.forbidden("只有本社区物业服务中心可以填报收支");
    }
    var s =
        entries.submit(
            r.communityCode(),
            r.estateCode(),
            r.quarter(),
            r.correctsEntryNo(),
            r.fees(),
            r.expenses(),
            user(header));
    return ResponseEntity.status(s.created() ? HttpStatus.CREATED : HttpStatus.OK).body(s.entry());
  }

  @GetMapping
  List<FinanceEntries.Entry> list(
      @RequestParam String communityCode,
      @RequestParam(required = false) String estateCode,
      @RequestParam(required = false) String quarter) {
    if (communityCode.length() > 32) throw ApiError.invalid("communityCode", "社区代码过长");
    if (estateCode != null && estateCode.length() > 32)
      throw ApiError.invalid("estateCode", "小区代码过长");
    if (quarter != null) Quarter.parse("quarter", quarter);
    readable(communityCode);
    return entries.list(communityCode, estateCode, quarter);
  }

  /** 双晒 收支 as residents see it (公示): the approved figures of each estate of the community. */
  @GetMapping("/published")
  List<FinanceEntries.Published> published(
      @RequestParam String communityCode, @RequestParam String quarter) {
    if (communityCode.length() > 32) throw ApiError.invalid("communityCode", "社区代码过长");
    return entries.published(communityCode, quarter);
  }

  @GetMapping("/{entryNo}")
  FinanceEntries.Entry get(@PathVariable String entryNo) {
    var e = entries.find(entryNo).orElseThrow(() -> ApiError.notFound("没有这条收支"));
    readable(e.communityCode());
    return e;
  }

  record DecisionRequest(
      @NotNull(message = "请选择通过或退回") Boolean approved,
      @Size(max = 500, message = "理由不能超过500字") String reason) {}

  /**
   * 社区党委 approves (publishes) or sends back an entry; the approval task in Tasklist ends with it.
   */
  @PostMapping("/{entryNo}/decision")
  FinanceEntries.Entry decide(
      @RequestHeader(value = USER_HEADER, required = false) String header,
      @PathVariable String entryNo,
      @Valid @RequestBody DecisionRequest r) {
    var e = entries.find(entryNo).orElseThrow(() -> ApiError.notFound("没有这条收支"));
    if (!reach.inCommunity(e.communityCode(), Role.COMMUNITY_COMMITTEE)) {
      throw ApiError.forbidden("只有本社区党委可以审核收支");
    }
    if (!Boolean.TRUE.equals(r.approved()) && (r.reason() == null || r.reason().isBlank())) {
      throw ApiError.invalid("reason", "退回时请填写理由");
    }
    var task = tasks.createTaskQuery().processInstanceBusinessKey(entryNo).singleResult();
    if (task == null) throw ApiError.conflict("该收支已审核");
    if (task.getAssignee() == null) tasks.claim(task.getId(), user(header));
    Map<String, Object> vars = new HashMap<>();
    vars.put("approved", r.approved());
    vars.put("decisionReason", r.reason());
    tasks.complete(task.getId(), vars);
    return entries.find(entryNo).orElseThrow();
  }

  private void readable(String community) {
    if (!reach.inCommunity(community, Role.PROPERTY_STAFF, Role.COMMUNITY_COMMITTEE)
        && !reach.streetAbove(community)
        && !reach.supervisor()) {
      throw ApiError.forbidden("只有本社区物业、社区党委、街道党工委和督查可以查看待公布的收支");
    }
  }

  private String user(String header) {
    return actingUser.of(header).orElse("staff");
  }
}
