package io.linli.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * Unit tier: the startup guard of the non-default profiles names every insecure setting it finds.
 */
class InsecureSettingsGuardTest {

  @Test
  @DisplayName("a hardened configuration passes")
  void hardenedPasses() {
    assertThat(new InsecureSettingsGuard(hardened(), secureEnv()).problems()).isEmpty();
  }

  @Test
  @DisplayName("each insecure setting is refused by name")
  void insecureSettingsAreNamed() {
    StandaloneInMemProcessEngineConfiguration engine =
        new StandaloneInMemProcessEngineConfiguration();
    engine.setAuthorizationEnabled(false);
    engine.setJavaSerializationFormatEnabled(true);
    engine.setDeserializationTypeValidationEnabled(false);
    MockEnvironment env =
        new MockEnvironment()
            .withProperty("linli.demo.identity", "true")
            .withProperty("camunda.bpm.admin-user.id", "admin")
            .withProperty("camunda.bpm.admin-user.password", "a-real-one")
            .withProperty("linli.security.secure-cookies", "false")
            .withProperty("linli.keycloak.url", "http://keycloak");
    env.setActiveProfiles("keycloak");
    InsecureSettingsGuard guard = new InsecureSettingsGuard(engine, env);
    assertThat(String.join("\n", guard.problems()))
        .contains(
            "camunda.bpm.authorization.enabled",
            "java-serialization-format-enabled",
            "deserialization-type-validation-enabled",
            "query-max-results-limit",
            "linli.demo.identity",
            "camunda.bpm.admin-user.id",
            "linli.security.secure-cookies",
            "linli.keycloak.url");
    assertThatThrownBy(guard::afterPropertiesSet).hasMessageContaining("Refusing to start");
  }

  @Test
  @DisplayName("plain HTTP on localhost needs an explicit confirmation")
  void insecureHttpNeedsConfirmation() {
    MockEnvironment env =
        secureEnv()
            .withProperty("linli.security.secure-cookies", "false")
            .withProperty("linli.keycloak.url", "http://localhost:8081");
    assertThat(new InsecureSettingsGuard(hardened(), env).problems()).hasSize(2);
    env.setProperty("linli.security.allow-insecure-http", "true");
    assertThat(new InsecureSettingsGuard(hardened(), env).problems()).isEmpty();
  }

  @Test
  @DisplayName("the demo crypto key is refused under any name: a rotation key or the pseudonym key")
  void demoKeyUnderRotationNames() {
    MockEnvironment env =
        new MockEnvironment()
            .withProperty("linli.crypto.keys.k2026", InsecureSettingsGuard.DEMO_CRYPTO_KEY)
            .withProperty("linli.crypto.pseudonym-key", InsecureSettingsGuard.DEMO_CRYPTO_KEY)
            .withProperty("linli.embedded-postgres.enabled", "false")
            .withProperty("linli.demo.identity", "false");
    env.setActiveProfiles("postgres");
    assertThat(String.join("\n", new InsecureSettingsGuard(hardened(), env).problems()))
        .contains("linli.crypto.keys.k2026", "LINLI_CRYPTO_PSEUDONYM_KEY");
  }

  @Test
  @DisplayName("outside the default profile the shipped demo secrets are refused by name")
  void demoSecretsAreNamed() {
    MockEnvironment env =
        new MockEnvironment()
            .withProperty("linli.crypto.key", InsecureSettingsGuard.DEMO_CRYPTO_KEY)
            .withProperty(
                "spring.security.oauth2.client.registration.keycloak.client-secret",
                "linli-webapp-secret")
            .withProperty("plugin.identity.keycloak.client-secret", "linli-identity-secret")
            .withProperty("linli.keycloak.org-sync.client-secret", "linli-org-sync-secret")
            .withProperty("linli.embedded-postgres.enabled", "false")
            .withProperty("spring.datasource.password", "linli")
            .withProperty("linli.demo.identity", "true")
            .withProperty("linli.demo.password", "demo")
            .withProperty("camunda.bpm.admin-user.id", "admin")
            .withProperty("camunda.bpm.admin-user.password", "admin");
    env.setActiveProfiles("postgres");
    List<String> problems = new InsecureSettingsGuard(hardened(), env).problems();
    assertThat(String.join("\n", problems))
        .contains(
            "LINLI_CRYPTO_KEY",
            "LINLI_WEBAPP_CLIENT_SECRET",
            "LINLI_IDENTITY_CLIENT_SECRET",
            "LINLI_ORG_SYNC_CLIENT_SECRET",
            "LINLI_DB_PASSWORD",
            "LINLI_DEMO_PASSWORD",
            "LINLI_ADMIN_PASSWORD")
        .doesNotContain(
            "camunda.bpm.authorization.enabled"); // the keycloak checks need that profile
    assertThat(problems).hasSize(7);
  }

  @Test
  @DisplayName("a local demo accepts the demo secrets, and only with Keycloak on localhost")
  void localDemoOnlyOnLocalhost() {
    MockEnvironment env =
        secureEnv()
            .withProperty("linli.crypto.key", InsecureSettingsGuard.DEMO_CRYPTO_KEY)
            .withProperty("plugin.identity.keycloak.client-secret", "linli-identity-secret")
            .withProperty("linli.keycloak.org-sync.client-secret", "linli-org-sync-secret")
            .withProperty("linli.security.local-demo", "true")
            .withProperty("linli.security.allow-insecure-http", "true")
            .withProperty("linli.keycloak.url", "http://localhost:8081");
    assertThat(new InsecureSettingsGuard(hardened(), env).problems()).isEmpty();
    env.setProperty("linli.keycloak.url", "http://sso.example.org");
    assertThat(new InsecureSettingsGuard(hardened(), env).problems())
        .singleElement()
        .asString()
        .contains("LINLI_LOCAL_DEMO", "localhost");
    env.setProperty("linli.security.local-demo", "false");
    env.setProperty("linli.keycloak.url", "http://localhost:8081");
    assertThat(new InsecureSettingsGuard(hardened(), env).problems()).hasSize(3);
  }

  static StandaloneInMemProcessEngineConfiguration hardened() {
    StandaloneInMemProcessEngineConfiguration engine =
        new StandaloneInMemProcessEngineConfiguration();
    engine.setAuthorizationEnabled(true);
    engine.setJavaSerializationFormatEnabled(false);
    engine.setDeserializationTypeValidationEnabled(true);
    engine.setQueryMaxResultsLimit(2000);
    return engine;
  }

  static MockEnvironment secureEnv() {
    MockEnvironment env =
        new MockEnvironment()
            .withProperty("linli.demo.identity", "false")
            .withProperty("linli.keycloak.url", "https://sso.example.org");
    env.setActiveProfiles("keycloak");
    return env;
  }
}
