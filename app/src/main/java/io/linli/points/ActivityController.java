package io.linli.points;

import io.linli.community.CommunityDirectory;
import io.linli.identity.Role;
import io.linli.identity.StaffReach;
import io.linli.intake.PhoneNumbers;
import io.linli.system.ApiError;
import io.linli.system.DateTimeInput;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
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
 * 志愿活动: the community (社区党委, 网格员, 党小组) publishes; residents list and join (with their wallet token
 * or account); the organiser reads the sign-ups and records hours, which become points and, where
 * the estate runs 绿能卡, a fee offset.
 */
@RestController
@RequestMapping("/api/points/activities")
class ActivityController {

  static final int MAX_CAPACITY = 1000;
  static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
  static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

  private final Activities activities;
  private final Callers callers;
  private final StaffReach reach;
  private final CommunityDirectory directory;

  ActivityController(
      Activities activities, Callers callers, StaffReach reach, CommunityDirectory directory) {
    this.activities = activities;
    this.callers = callers;
    this.reach = reach;
    this.directory = directory;
  }

  record ActivityView(
      long id,
      String title,
      String description,
      String estateName,
      Instant startsAt,
      Instant endsAt,
      int capacity,
      int signedUp,
      String organiser) {
    static ActivityView of(Activities.Activity a) {
      return new ActivityView(
          a.id(),
          a.title(),
          a.description(),
          a.estateName(),
          a.startsAt(),
          a.endsAt(),
          a.capacity(),
          a.signedUp(),
          Role.valueOf(a.organiserRole()).label());
    }
  }

  @GetMapping
  List<ActivityView> upcoming(@RequestParam String community) {
    if (community.length() > 32 || directory.community(community).isEmpty()) {
      throw ApiError.invalid("community", "未知社区");
    }
    return activities.upcoming(community).stream().map(ActivityView::of).toList();
  }

  record NewActivity(
      String communityCode,
      String estateCode,
      String title,
      String description,
      String startsAt,
      String endsAt,
      Integer capacity,
      String organiser) {}

  @PostMapping
  ResponseEntity<ActivityView> publish(
      @RequestHeader(value = Callers.USER, required = false) String user,
      @RequestBody NewActivity r) {
    List<ApiError.FieldMessage> bad = new ArrayList<>();
    if (r.communityCode() == null
        || r.communityCode().length() > 32
        || directory.community(r.communityCode()).isEmpty()) {
      bad.add(new ApiError.FieldMessage("communityCode", "未知社区"));
    }
    if (r.estateCode() != null && r.estateCode().length() > 32) {
      bad.add(new ApiError.FieldMessage("estateCode", "小区代码不能超过32字符"));
    }
    PointsController.text(bad, "title", r.title(), true, 100, "活动名称");
    PointsController.text(bad, "description", r.description(), false, 1000, "活动说明");
    Instant starts = instant(bad, "startsAt", r.startsAt());
    Instant ends = instant(bad, "endsAt", r.endsAt());
    if (starts != null && ends != null && !ends.isAfter(starts)) {
      bad.add(new ApiError.FieldMessage("endsAt", "结束时间须晚于开始时间"));
    }
    if (r.capacity() == null || r.capacity() < 1 || r.capacity() > MAX_CAPACITY) {
      bad.add(new ApiError.FieldMessage("capacity", "名额须为1到" + MAX_CAPACITY + "之间的整数"));
    }
    Role organiser = organiser(bad, r.organiser());
    if (!bad.isEmpty()) throw ApiError.invalid(bad);
    if (!reach.inCommunity(
        r.communityCode(), Role.COMMUNITY_COMMITTEE, Role.GRID_WORKER, Role.PARTY_GROUP)) {
      throw ApiError.forbidden("只有本社区的社区党委、网格员或党小组可以发布志愿活动");
    }
    Activities.Activity a =
        activities.publish(
            new Activities.NewActivity(
                r.communityCode(),
                r.estateCode(),
                r.title().strip(),
                r.description() == null ? null : r.description().strip(),
                starts,
                ends,
                r.capacity(),
                organiser.name()),
            callers.user(user).orElse(null));
    return ResponseEntity.status(HttpStatus.CREATED).body(ActivityView.of(a));
  }

  record SignupRequest(
      String name, String phone, String estateCode, String buildingCode, String room) {}

  record SignupAnswer(long signupId, long activityId) {}

  @PostMapping("/{id}/signups")
  ResponseEntity<SignupAnswer> signUp(
      @PathVariable long id,
      @RequestHeader(value = Callers.WALLET, required = false) String wallet,
      @RequestHeader(value = Callers.USER, required = false) String user,
      @RequestBody SignupRequest r) {
    List<ApiError.FieldMessage> bad = new ArrayList<>();
    PointsController.text(bad, "name", r.name(), true, 50, "姓名或称呼");
    String phone = null;
    if (r.phone() == null || r.phone().isBlank())
      bad.add(new ApiError.FieldMessage("phone", "请填写联系电话"));
    else if (r.phone().length() > 32) bad.add(new ApiError.FieldMessage("phone", "请填写有效的中国大陆手机号码"));
    else {
      try {
        phone = PhoneNumbers.toE164("phone", r.phone());
      } catch (ApiError e) {
        bad.addAll(e.fields());
      }
    }
    PointsController.text(bad, "buildingCode", r.buildingCode(), false, 32, "楼栋");
    PointsController.text(bad, "room", r.room(), false, 20, "房号");
    if (r.estateCode() != null && r.estateCode().length() > 32) {
      bad.add(new ApiError.FieldMessage("estateCode", "小区代码不能超过32字符"));
    }
    if (!bad.isEmpty()) throw ApiError.invalid(bad);
    Activities.Activity a = activities.find(id).orElseThrow(() -> ApiError.notFound("没有这个志愿活动"));
    Long estateId = null;
    if (r.estateCode() != null && !r.estateCode().isBlank()) {
      estateId =
          directory
              .estate(a.communityCode(), r.estateCode())
              .orElseThrow(() -> ApiError.invalid("estateCode", "该社区没有此小区：" + r.estateCode()))
              .id();
    }
    long account = callers.resident(wallet, user);
    long signup =
        activities.signUp(
            id,
            account,
            r.name().strip(),
            phone,
            estateId,
            blankToNull(r.buildingCode()),
            blankToNull(r.room()));
    return ResponseEntity.status(HttpStatus.CREATED).body(new SignupAnswer(signup, id));
  }

  @GetMapping("/{id}/signups")
  List<Activities.Signup> signups(@PathVariable long id) {
    Activities.Activity a = activities.find(id).orElseThrow(() -> ApiError.notFound("没有这个志愿活动"));
    checkOrganiser(a);
    return activities.signups(id);
  }

  record AttendanceLine(Long signupId, BigDecimal hours) {}

  record AttendanceRequest(List<AttendanceLine> attendance) {}

  @PostMapping("/{id}/attendance")
  List<Activities.Recorded> attendance(
      @PathVariable long id,
      @RequestHeader(value = Callers.USER, required = false) String user,
      @RequestBody AttendanceRequest r) {
    Activities.Activity a = activities.find(id).orElseThrow(() -> ApiError.notFound("没有这个志愿活动"));
    checkOrganiser(a);
    List<ApiError.FieldMessage> bad = new ArrayList<>();
    if (r.attendance() == null || r.attendance().isEmpty()) {
      bad.add(new ApiError.FieldMessage("attendance", "请至少记录一名参加者的时长"));
    } else if (r.attendance().size() > MAX_CAPACITY) {
      bad.add(new ApiError.FieldMessage("attendance", "一次最多记录" + MAX_CAPACITY + "人"));
    } else {
      for (int i = 0; i < r.attendance().size(); i++) {
        AttendanceLine l = r.attendance().get(i);
        String f = "attendance[" + i + "]";
        if (l == null || l.signupId() == null) {
          bad.add(new ApiError.FieldMessage(f + ".signupId", "请指明报名编号"));
        }
        if (l == null || l.hours() == null) {
          bad.add(new ApiError.FieldMessage(f + ".hours", "请填写服务时长（小时）"));
        } else if (l.hours().signum() < 0
            || l.hours().compareTo(BigDecimal.valueOf(24)) > 0
            || l.hours().stripTrailingZeros().scale() > 1) {
          bad.add(new ApiError.FieldMessage(f + ".hours", "服务时长须在0到24小时之间，最多一位小数"));
        }
      }
      if (bad.isEmpty()
          && r.attendance().stream().map(AttendanceLine::signupId).distinct().count()
              < r.attendance().size()) {
        bad.add(new ApiError.FieldMessage("attendance", "同一报名只能记录一次"));
      }
    }
    if (!bad.isEmpty()) throw ApiError.invalid(bad);
    return activities.record(
        id,
        r.attendance().stream()
            .map(l -> new Activities.Attendance(l.signupId(), l.hours()))
            .toList(),
        callers.user(user).orElse(null));
  }

  private void checkOrganiser(Activities.Activity a) {
    if (!reach.inCommunity(
        a.communityCode(), Role.GRID_WORKER, Role.PARTY_GROUP, Role.COMMUNITY_COMMITTEE)) {
      throw ApiError.forbidden("只有本社区的网格员、党小组或社区党委可以查看报名、记录时长");
    }
  }

  private static Role organiser(List<ApiError.FieldMessage> bad, String value) {
    if (value == null || value.isBlank()) return Role.GRID_WORKER;
    for (Role r : List.of(Role.GRID_WORKER, Role.PARTY_GROUP, Role.COMMUNITY_COMMITTEE)) {
      if (r.id().equals(value) || r.name().equals(value)) return r;
    }
    bad.add(
        new ApiError.FieldMessage(
            "organiser", "组织者须为 grid-worker（网格员）、party-group（党小组）或 community-committee（社区党委）"));
    return Role.GRID_WORKER;
  }

  private static Instant instant(List<ApiError.FieldMessage> bad, String field, String value) {
    if (value == null || value.isBlank()) {
      bad.add(new ApiError.FieldMessage(field, "请填写时间，例如 2026-03-01T09:00:00+08:00"));
      return null;
    }
    if (value.length() > 40) {
      bad.add(new ApiError.FieldMessage(field, "时间格式有误，例如 2026-03-01T09:00:00+08:00"));
      return null;
    }
    Instant at = DateTimeInput.parse(value).orElse(null);
    if (at == null)
      bad.add(new ApiError.FieldMessage(field, "时间格式有误，例如 2026-03-01T09:00:00+08:00"));
    else if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
      bad.add(new ApiError.FieldMessage(field, "时间须在2000年到2100年之间"));
      return null;
    }
    return at;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
