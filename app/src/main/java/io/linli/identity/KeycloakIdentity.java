package io.linli.identity;

import org.camunda.bpm.extension.keycloak.plugin.KeycloakIdentityProviderPlugin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The {@code keycloak} profile's identity: users and groups come read-only from the Keycloak realm
 * through the camunda-platform-7-keycloak plugin, configured under {@code plugin.identity.keycloak}
 * (a service-account client with only view/query users and query groups). Group ids are group paths
 * without the leading slash ({@code communities/tfsq/grid-worker}), matching {@code
 * linli.identity.group-pattern}. Integration tier with a real Keycloak: KeycloakIdentityIT.
 */
@Configuration
@Profile("keycloak")
class KeycloakIdentity {

  @Bean
  @ConfigurationProperties(prefix = "plugin.identity.keycloak")
  KeycloakIdentityProviderPlugin keycloakIdentityProviderPlugin() {
    return new KeycloakIdentityProviderPlugin();
  }
}
