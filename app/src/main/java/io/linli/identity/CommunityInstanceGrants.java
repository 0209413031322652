package io.linli.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import io.linli.community.CommunityGroups;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Per-community visibility of process instances, chosen over tenant-per-community (see
 * SECURITY.md): when an instance that carries a {@code communityCode} starts, its community's
 * groups and the street committee above get READ on it and on its history. Only when the engine
 * checks authorizations. Integration tier: KeycloakSecurityIT.
 */
@Component
class CommunityInstanceGrants extends AbstractProcessEnginePlugin {

  static final List<Role> COMMUNITY_ROLES =
      List.of(
          Role.GRID_WORKER,
          Role.PROPERTY_STAFF,
          Role.CONTRACTOR,
          Role.PARTY_GROUP,
          Role.COMMUNITY_COMMITTEE);

  private final CommunityGroups groups;

  CommunityInstanceGrants(@Lazy CommunityGroups groups) {
    this.groups = groups;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl config) {
    List<org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener> listeners =
        config.getCustomPostBPMNParseListeners() == null
            ? new ArrayList<>()
            : new ArrayList<>(config.getCustomPostBPMNParseListeners());
    listeners.add(
        new AbstractBpmnParseListener() {
          @Override
          public void parseProcess(
              Element process,
              org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity definition) {
            ExecutionListener grant = CommunityInstanceGrants.this::grant;
            definition.addListener(ExecutionListener.EVENTNAME_START, grant);
          }
        });
    config.setCustomPostBPMNParseListeners(listeners);
  }

  private void grant(DelegateExecution execution) {
    ProcessEngineConfigurationImpl config = Context.getProcessEngineConfiguration();
    if (!config.isAuthorizationEnabled() || execution.getProcessInstanceId() == null) return;
    Object code = execution.getVariable("communityCode");
    if (!(code instanceof String community)) return;
    List<String> ids = new ArrayList<>();
    for (Role r : COMMUNITY_ROLES) ids.add(groups.of(community, r.id()));
    ids.add(groups.streetCommittee(community));
    String instance = execution.getProcessInstanceId();
    Context.getCommandContext()
        .runWithoutAuthorization(
            () -> {
              for (String g : ids) {
                save(config, g, Resources.PROCESS_INSTANCE, instance, Permissions.READ);
                save(
                    config,
                    g,
                    Resources.HISTORIC_PROCESS_INSTANCE,
                    instance,
                    HistoricProcessInstancePermissions.READ);
              }
              return null;
            });
  }

  private static void save(
      ProcessEngineConfigurationImpl config,
      String group,
      Resources resource,
      String instance,
      Permission permission) {
    Authorization a = config.getAuthorizationService().createNewAuthorization(AUTH_TYPE_GRANT);
    a.setGroupId(group);
    a.setResource(resource);
    a.setResourceId(instance);
    a.addPermission(permission);
    config.getAuthorizationService().saveAuthorization(a);
  }
}
