package io.linli.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linli.LinliSpringTest;
import io.linli.community.CommunityDirectory;
import io.linli.community.CommunityGroups;
import io.linli.system.StartupLock;
import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Integration tier, default profile: the grants that let staff start 热线/窗口登记诉求 and 收支审核 from
 * Tasklist in the {@code keycloak} profile. The default profile runs the engine without
 * authorization checks, so this test creates the standing grants as {@link CommunityAuthorizations}
 * does at start-up, switches the engine's checks on for its duration and asks the engine what
 * Tasklist asks (the start dialog's {@code startableInTasklist} + {@code startablePermissionCheck}
 * list, the deployed start form, the form's submission) as the demo users with their groups.
 * Everything it switched on or created is undone afterwards.
 */
@LinliSpringTest
class TasklistStartGrantsTest {

  static final String STAFF_INTAKE = "Process_StaffIntake";
  static final String FINANCE = "Process_FinanceApproval";

  @Autowired ProcessEngineConfigurationImpl engine;
  @Autowired AuthorizationService authorizations;
  @Autowired IdentityService identity;
  @Autowired RepositoryService repository;
  @Autowired FormService forms;
  @Autowired CommunityDirectory directory;
  @Autowired CommunityGroups groups;
  @Autowired StartupLock startupLock;
  @Autowired List<TasklistStart> starts;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcClient jdbc;

  Set<String> before;

  @BeforeEach
  void grantAsAtStartUp() {
    before = ids();
    CommunityAuthorizations standing =
        new CommunityAuthorizations(authorizations, directory, groups, startupLock, starts);
    tx.executeWithoutResult(s -> standing.ensure());
    engine.setAuthorizationEnabled(true);
  }

  @AfterEach
  void undo() {
    engine.setAuthorizationEnabled(false);
    identity.clearAuthentication();
    for (Authorization a : authorizations.createAuthorizationQuery().list()) {
      if (!before.contains(a.getId())) authorizations.deleteAuthorization(a.getId());
    }
  }

  Set<String> ids() {
    Set<String> s = new HashSet<>();
    authorizations.createAuthorizationQuery().list().forEach(a -> s.add(a.getId()));
    return s;
  }

  void signIn(String user) {
    identity.clearAuthentication();
    List<String> mine =
        identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    identity.setAuthentication(user, mine);
  }

  /** What Tasklist's start dialog lists for the signed-in user. */
  Set<String> startable() {
    Set<String> keys = new HashSet<>();
    repository
        .createProcessDefinitionQuery()
        .latestVersion()
        .active()
        .startableInTasklist()
        .startablePermissionCheck()
        .listPage(0, 50)
        .forEach(d -> keys.add(d.getKey()));
    return keys;
  }

  String definitionId(String key) {
    engine.setAuthorizationEnabled(false);
    try {
      return repository
          .createProcessDefinitionQuery()
          .processDefinitionKey(key)
          .latestVersion()
          .singleResult()
          .getId();
    } finally {
      engine.setAuthorizationEnabled(true);
    }
  }

  @Test
  @DisplayName("物业人员（非管理员）在任务列表中可见并可启动“热线/窗口登记诉求”和“收支审核”，其他流程不可启动")
  void propertyStaffStartBothForms() throws Exception {
    String intake = definitionId(STAFF_INTAKE);
    String finance = definitionId(FINANCE);
    signIn("property1");
    assertThat(identity.getCurrentAuthentication().getGroupIds()).doesNotContain("camunda-admin");

    assertThat(startable()).containsExactlyInAnyOrder(STAFF_INTAKE, FINANCE);
    try (InputStream form = forms.getDeployedStartForm(finance)) {
      assertThat(new String(form.readAllBytes())).contains("Form_EnterFinance");
    }

    Map<String, Object> entry =
        new HashMap<>(
            Map.of(
                "communityCode",
                "tfsq",
                "estateCode",
                "wjaz",
                "quarter",
                "2023-Q3",
                "m1HouseholdsBilled",
                120L,
                "m1HouseholdsPaid",
                100L,
                "m1BilledYuan",
                3600.0,
                "m1CollectedYuan",
                3000.0));
    ProcessInstance started = forms.submitStartForm(finance, entry);
    assertThat(started.getBusinessKey()).startsWith("SZ-2023-");

    Map<String, Object> call =
        new HashMap<>(
            Map.of(
                "channel",
                "PHONE",
                "communityCode",
                "tfsq",
                "estateCode",
                "dtsz",
                "category",
                "WATER_POWER",
                "intakeDescription",
                "5栋楼道灯不亮，物业前台登记",
                "intakeContactPhone",
                "13800006611"));
    ProcessInstance registered = forms.submitStartForm(intake, call);
    engine.setAuthorizationEnabled(false);
    String caseNo =
        (String)
            engine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(registered.getId())
                .variableName("caseNo")
                .singleResult()
                .getValue();
    assertThat(
            jdbc.sql("select recorded_by from grievance_case where case_no = ?")
                .param(caseNo)
                .query(String.class)
                .single())
        .isEqualTo("property1");
  }

  @Test
  @DisplayName("网格员只可启动“热线/窗口登记诉求”；居民什么也不能启动，直接提交表单被引擎拒绝")
  void othersSeeOnlyWhatTheyMayStart() {
    String finance = definitionId(FINANCE);
    signIn("grid1");
    assertThat(startable()).containsExactly(STAFF_INTAKE);

    signIn("resident1");
    assertThat(startable()).isEmpty();
    assertThatThrownBy(() -> forms.submitStartForm(finance, Map.of("communityCode", "tfsq")))
        .isInstanceOf(AuthorizationException.class);

    signIn("contractor1");
    assertThat(startable()).isEmpty();
  }

  @Test
  @DisplayName("授权行：每个社区的物业、网格员、社区党委可读并可创建登记流程实例，物业可启动收支审核；重复启动不重复授权")
  void theRows() {
    for (var c : directory.communities()) {
      for (Role r : List.of(Role.GRID_WORKER, Role.PROPERTY_STAFF, Role.COMMUNITY_COMMITTEE)) {
        String g = groups.of(c.code(), r.id());
        assertThat(
                authorizations.isUserAuthorized(
                    "nobody",
                    List.of(g),
                    org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE,
                    org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION,
                    STAFF_INTAKE))
            .as(g)
            .isTrue();
        assertThat(
                authorizations.isUserAuthorized(
                    "nobody",
                    List.of(g),
                    org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE,
                    org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION,
                    FINANCE))
            .as(g)
            .isEqualTo(r == Role.PROPERTY_STAFF);
      }
      String party = groups.of(c.code(), Role.PARTY_GROUP.id());
      assertThat(
              authorizations.isUserAuthorized(
                  "nobody",
                  List.of(party),
                  org.camunda.bpm.engine.authorization.Permissions.CREATE,
                  org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE,
                  "*"))
          .as(party)
          .isFalse();
    }
    int rows = ids().size();
    CommunityAuthorizations again =
        new CommunityAuthorizations(authorizations, directory, groups, startupLock, starts);
    tx.executeWithoutResult(s -> again.ensure());
    assertThat(ids()).hasSize(rows);
  }
}
