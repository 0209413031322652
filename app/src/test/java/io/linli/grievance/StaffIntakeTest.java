package io.linli.grievance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linli.LinliSpringTest;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Integration tier: the staff intake start form (热线, 窗口) — the staff member is the engine's
 * authenticated user who starts it, never a form field; only staff of the chosen community may
 * register; the resident's text and phone never reach the engine's history.
 */
@LinliSpringTest
class StaffIntakeTest {

  @Autowired FormService forms;
  @Autowired IdentityService identity;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired TaskService tasks;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void signOut() {
    identity.clearAuthentication();
  }

  String definitionId() {
    return repository
        .createProcessDefinitionQuery()
        .processDefinitionKey(StaffIntakeProcess.KEY)
        .latestVersion()
        .singleResult()
        .getId();
  }

  Map<String, Object> form(String phone) {
    Map<String, Object> f = new HashMap<>();
    f.put("channel", "PHONE");
    f.put("communityCode", "tfsq");
    f.put("estateCode", "dtsz");
    f.put("buildingCode", "b7");
    f.put("category", "WATER_POWER");
    f.put("intakeDescription", "7栋2单元停水，居民来电反映");
    f.put("intakeContactName", "王阿姨");
    f.put("intakeContactPhone", phone);
    return f;
  }

  ProcessInstance startAs(String user, Map<String, Object> form) {
    identity.setAuthenticatedUserId(user);
    return forms.submitStartForm(definitionId(), form);
  }

  @Test
  @DisplayName("网格员用热线登记表单代居民登记：登记人取自登录身份而非表单；电话和描述不进流程历史")
  void gridWorkerRegistersAPhoneCall() {
    Map<String, Object> f = form("13800007777");
    f.put("recordedBy", "somebody-else"); // a field the form does not have, sent anyway

    ProcessInstance intake = startAs("grid1", f);

    String caseNo =
        (String)
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(intake.getId())
                .variableName("caseNo")
                .singleResult()
                .getValue();
    assertThat(
            history
                .createHistoricProcessInstanceQuery()
                .processInstanceId(intake.getId())
                .singleResult()
                .getEndActivityId())
        .isEqualTo(StaffIntakeProcess.END_REGISTERED);
    Map<String, Object> row =
        jdbc.sql("select channel, recorded_by from grievance_case where case_no = ?")
            .param(caseNo)
            .query()
            .singleRow();
    assertThat(row).containsEntry("channel", "PHONE").containsEntry("recorded_by", "grid1");
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceBusinessKey(caseNo)
                .taskDefinitionKey(GrievanceProcess.TASK_TRIAGE)
                .count())
        .isEqualTo(1);
    for (String personal : RegisterStaffIntake.PERSONAL) {
      assertThat(
              history
                  .createHistoricVariableInstanceQuery()
                  .processInstanceId(intake.getId())
                  .variableName(personal)
                  .includeDeleted()
                  .count())
          .as(personal)
          .isZero();
    }
    assertThat(
            jdbc.sql(
                    "select count(*) from act_hi_varinst where text_ like '%13800007777%' or text2_ like '%13800007777%'"
                        + " or text_ like '%居民来电反映%' or text_ like '%王阿姨%'")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  @DisplayName("居民和其他社区的工作人员不能用登记表单；未登录不能登记；什么也不登记")
  void onlyTheCommunitysStaff() {
    long before = jdbc.sql("select count(*) from grievance_case").query(Long.class).single();
    assertThatThrownBy(() -> startAs("resident1", form("13800007778")))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("不是社区 tfsq 的工作人员");
    assertThatThrownBy(() -> startAs("grid2", form("13800007779")))
        .isInstanceOf(BadUserRequestException.class);
    identity.clearAuthentication();
    assertThatThrownBy(() -> forms.submitStartForm(definitionId(), form("13800007780")))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("请登录");
    Map<String, Object> bad = form("12345");
    assertThatThrownBy(() -> startAs("property1", bad)).isInstanceOf(BadUserRequestException.class);
    assertThat(jdbc.sql("select count(*) from grievance_case").query(Long.class).single())
        .isEqualTo(before);
  }
}
