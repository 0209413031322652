package io.linli.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Unit tier: the keycloak profile's startup guard names every insecure setting it finds. */
class InsecureSettingsGuardTest {

  @Test
  @DisplayName("a hardened configuration passes")
  void hardenedPasses() {
    assertThat(new InsecureSettingsGuard(hardened(), secureEnv()).problems()).isEmpty();
  }

  @Test
  @DisplayName("each insecure setting is refused by name")
  void insecureSettingsAreNamed() {
    StandaloneInMemProcessEngineConfiguration engine = new StandaloneInMemProcessEngineConfiguration();
    engine.setAuthorizationEnabled(false);
    engine.setJavaSerializationFormatEnabled(true);
    engine.setDeserializationTypeValidationEnabled(false);
    MockEnvironment env = new MockEnvironment()
        .withProperty("linli.demo.identity", "true")
        .withProperty("camunda.bpm.admin-user.id", "admin")
        .withProperty("linli.security.secure-cookies", "false")
        .withProperty("linli.keycloak.url", "http://keycloak");
    InsecureSettingsGuard guard = new InsecureSettingsGuard(engine, env);
    assertThat(String.join("\n", guard.problems()))
        .contains("camunda.bpm.authorization.enabled", "java-serialization-format-enabled",
            "deserialization-type-validation-enabled", "query-max-results-limit",
            "linli.demo.identity", "camunda.bpm.admin-user.id", "linli.security.secure-cookies",
            "linli.keycloak.url");
    assertThatThrownBy(guard::afterPropertiesSet).hasMessageContaining("Refusing to start");
  }

  @Test
  @DisplayName("plain HTTP on localhost needs an explicit confirmation")
  void insecureHttpNeedsConfirmation() {
    MockEnvironment env = secureEnv()
        .withProperty("linli.security.secure-cookies", "false")
        .withProperty("linli.keycloak.url", "http://localhost:8081");
    assertThat(new InsecureSettingsGuard(hardened(), env).problems()).hasSize(2);
    env.setProperty("linli.security.allow-insecure-http", "true");
    assertThat(new InsecureSettingsGuard(hardened(), env).problems()).isEmpty();
  }

  static StandaloneInMemProcessEngineConfiguration hardened() {
    StandaloneInMemProcessEngineConfiguration engine = new StandaloneInMemProcessEngineConfiguration();
    engine.setAuthorizationEnabled(true);
    engine.setJavaSerializationFormatEnabled(false);
    engine.setDeserializationTypeValidationEnabled(true);
    engine.setQueryMaxResultsLimit(2000);
    return engine;
  }

  static MockEnvironment secureEnv() {
    return new MockEnvironment()
        .withProperty("linli.demo.identity", "false")
        .withProperty("linli.keycloak.url", "https://sso.example.org");
  }
}
