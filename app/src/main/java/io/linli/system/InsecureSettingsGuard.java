package io.linli.system;

import java.util.ArrayList;
import java.util.List;
import javax.script.ScriptEngineManager;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * In the {@code keycloak} profile (the one meant for real use) the app refuses to start with an
 * insecure setting and names each one. Unit tier: InsecureSettingsGuardTest; the profile's
 * integration tests start with the guard on.
 */
@Component
@Profile("keycloak")
class InsecureSettingsGuard implements InitializingBean {

  /** Camunda's own expression languages (JUEL, FEEL), registered as JSR-223 engines; not scripts. */
  static final java.util.Set<String> EXPRESSION_LANGUAGES =
      java.util.Set.of("juel", "feel-scala", "feel-scala-unary-tests");

  private final ProcessEngineConfigurationImpl engine;
  private final Environment env;

  InsecureSettingsGuard(ProcessEngineConfigurationImpl engine, Environment env) {
    this.engine = engine;
    this.env = env;
  }

  @Override
  public void afterPropertiesSet() {
    List<String> problems = problems();
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "Refusing to start the keycloak profile with insecure settings: " + String.join("; ", problems));
    }
  }

  List<String> problems() {
    List<String> p = new ArrayList<>();
    if (!engine.isAuthorizationEnabled()) p.add("camunda.bpm.authorization.enabled must be true");
    if (engine.isJavaSerializationFormatEnabled())
      p.add("camunda.bpm.generic-properties.properties.java-serialization-format-enabled must be false");
    if (!engine.isDeserializationTypeValidationEnabled())
      p.add("camunda.bpm.generic-properties.properties.deserialization-type-validation-enabled must be true");
    if (engine.getQueryMaxResultsLimit() == Integer.MAX_VALUE)
      p.add("camunda.bpm.generic-properties.properties.query-max-results-limit must be set");
    if (env.getProperty("linli.demo.identity", Boolean.class, false))
      p.add("linli.demo.identity must be false (demo users with a printed password)");
    if (env.containsProperty("camunda.bpm.admin-user.id"))
      p.add("camunda.bpm.admin-user.id must not be set (Keycloak's camunda-admin group administers)");
    if (!env.getProperty("linli.security.secure-cookies", Boolean.class, true)
        && !env.getProperty("linli.security.allow-insecure-http", Boolean.class, false))
      p.add("linli.security.secure-cookies=false (LINLI_SECURE_COOKIES) needs"
          + " linli.security.allow-insecure-http=true (LINLI_ALLOW_INSECURE_HTTP) as a confirmation");
    if (!env.getProperty("linli.keycloak.url", "").startsWith("https://")
        && !env.getProperty("linli.security.allow-insecure-http", Boolean.class, false))
      p.add("linli.keycloak.url (LINLI_KEYCLOAK_URL) must be https:// unless"
          + " linli.security.allow-insecure-http=true (LINLI_ALLOW_INSECURE_HTTP)");
    new ScriptEngineManager().getEngineFactories().stream()
        .filter(f -> !EXPRESSION_LANGUAGES.contains(f.getEngineName()))
        .forEach(f -> p.add("script engine " + f.getEngineName() + " is on the classpath; remove it"));
    return p;
  }
}
