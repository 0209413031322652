package io.linli.grievance;

import io.linli.community.CommunityGroups;
import io.linli.identity.Role;
import io.linli.intake.PhoneNumbers;
import io.linli.system.ApiError;
import io.linli.system.TextInput;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * 登记诉求, the service task of the staff intake start form (热线, 窗口): registers the grievance through
 * {@link GrievanceIntake} with the staff member who started the form as {@code recorded_by} — the
 * engine's authenticated user ({@code camunda:initiator}), never a form field — who must be staff
 * of the chosen community (grid worker, property staff, 社区党委). The resident's text and contact
 * leave the process here: they are removed from it and never reach its history ({@code
 * linli.engine.runtime-only-variables}); the process keeps the case number. A refusal is a {@link
 * BadUserRequestException}, which Tasklist shows; nothing is registered then.
 */
@Component("registerStaffIntake")
class RegisterStaffIntake implements JavaDelegate {

  static final String INITIATOR = "intakeInitiator";
  static final List<String> PERSONAL =
      List.of("intakeDescription", "intakeContactName", "intakeContactPhone");
  static final Set<Role> STAFF =
      Set.of(Role.GRID_WORKER, Role.PROPERTY_STAFF, Role.COMMUNITY_COMMITTEE);

  private final GrievanceIntake intake;
  private final IdentityService identity;
  private final CommunityGroups groups;

  RegisterStaffIntake(GrievanceIntake intake, IdentityService identity, CommunityGroups groups) {
    this.intake = intake;
    this.identity = identity;
    this.groups = groups;
  }

  @Override
  public void execute(DelegateExecution execution) {
    try {
      String staff = text(execution, INITIATOR);
      if (staff == null) throw new BadUserRequestException("请登录后登记");
      String community = required(execution, "communityCode", "请填写社区代码");
      List<String> mine =
          identity.createGroupQuery().groupMember(staff).list().stream().map(Group::getId).toList();
      if (STAFF.stream().noneMatch(r -> mine.contains(groups.of(community, r.id())))) {
        throw new BadUserRequestException("您不是社区 " + community + " 的工作人员，不能代居民登记");
      }
      Channel channel =
          switch (String.valueOf(execution.getVariable("channel"))) {
            case "PHONE" -> Channel.PHONE;
            case "WALK_IN" -> Channel.WALK_IN;
            default -> throw new BadUserRequestException("请选择受理渠道：电话或窗口");
          };
      Category category;
      try {
        category = Category.valueOf(required(execution, "category", "请选择问题类别"));
      } catch (IllegalArgumentException e) {
        throw new BadUserRequestException("问题类别无效");
      }
      String description = required(execution, "intakeDescription", "请描述问题");
      if (description.length() > 2000) throw new BadUserRequestException("问题描述不能超过2000字");
      String name = text(execution, "intakeContactName");
      if (name != null && name.length() > 50) throw new BadUserRequestException("居民称呼不能超过50字");
      String phone =
          PhoneNumbers.toE164("intakeContactPhone", text(execution, "intakeContactPhone"));
      GrievanceIntake.Receipt receipt =
          intake.report(
              new GrievanceIntake.Report(
                  community,
                  text(execution, "estateCode"),
                  text(execution, "buildingCode"),
                  category,
                  description,
                  name,
                  phone,
                  channel,
                  staff));
      PERSONAL.forEach(execution::removeVariable);
      execution.setVariable(GrievanceVariables.CASE_NO, receipt.caseNo());
    } catch (ApiError e) {
      String detail = e.fields().isEmpty() ? e.getMessage() : e.fields().get(0).message();
      throw new BadUserRequestException(detail);
    }
  }

  private static String required(DelegateExecution execution, String name, String message) {
    String v = text(execution, name);
    if (v == null) throw new BadUserRequestException(message);
    return v;
  }

  /** The variable as clean text (the one text rule), stripped; null when absent or blank. */
  private static String text(DelegateExecution execution, String name) {
    Object v = execution.getVariable(name);
    if (v == null) return null;
    String s = TextInput.clean(name, v.toString());
    return s == null || s.isBlank() ? null : s.strip();
  }
}
