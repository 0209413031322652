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
 * Outside the default profile (the local demo) the app refuses to start with an insecure setting
 * and names each one: in every such profile the demo secrets of {@code application.yaml} and the
 * realm file (crypto key, client secrets, database, demo and admin passwords); in the {@code
 * keycloak} profile also the engine's and the web's hardening. {@code linli.security.local-demo}
 * ({@code LINLI_LOCAL_DEMO}) accepts the demo secrets — and tokens of the realm's developer client
 * ({@code KeycloakSecurity}) — on one's own machine only: it is refused unless Keycloak is on
 * localhost. Unit tier: InsecureSettingsGuardTest; the keycloak integration tests start with the
 * guard on.
 */
@Component
@Profile("!default")
class InsecureSettingsGuard implements InitializingBean {

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(InsecureSettingsGuard.class);

  /** The demo values shipped in application.yaml and keycloak-realm/linli-realm.json. */
  static final String DEMO_CRYPTO_KEY = "bGlubGktZGVtby1rZXktLU5PVC1GT1ItUkVBTC1VU0U=";

  static final String LOCAL_DEMO = "linli.security.local-demo";

  /**
   * Camunda's own expression languages (JUEL, FEEL), registered as JSR-223 engines; not scripts.
   */
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
          "Refusing to start profile "
              + String.join(",", env.getActiveProfiles())
              + " with insecure settings: "
              + String.join("; ", problems));
    }
  }

  List<String> problems() {
    List<String> p = new ArrayList<>();
    List<String> demoSecrets = demoSecrets();
    boolean localDemo = env.getProperty(LOCAL_DEMO, Boolean.class, false);
    if (localDemo) {
      String keycloak = env.getProperty("linli.keycloak.url", "");
      if (!keycloak.isEmpty()
          && !java.util.regex.Pattern.matches(
              "https?://(localhost|127\\.0\\.0\\.1)(:\\d+)?/?", keycloak)) {
        p.add(
            LOCAL_DEMO
                + "=true (LINLI_LOCAL_DEMO) is for one's own machine: linli.keycloak.url"
                + " (LINLI_KEYCLOAK_URL) must then be on localhost, not "
                + keycloak);
      }
      demoSecrets.forEach(d -> LOG.warn("local demo ({}=true): {}", LOCAL_DEMO, d));
    } else {
      p.addAll(demoSecrets);
    }
    if (env.acceptsProfiles(org.springframework.core.env.Profiles.of("keycloak")))
      p.addAll(keycloakProblems());
    return p;
  }

  /** The shipped demo values, each named with the variable that replaces it. */
  List<String> demoSecrets() {
    List<String> p = new ArrayList<>();
    if (DEMO_CRYPTO_KEY.equals(env.getProperty("linli.crypto.key")))
      p.add(
          "linli.crypto.key (LINLI_CRYPTO_KEY) is the demo key of application.yaml; make one with"
              + " `openssl rand -base64 32`");
    if (DEMO_CRYPTO_KEY.equals(env.getProperty("linli.crypto.pseudonym-key")))
      p.add(
          "linli.crypto.pseudonym-key (LINLI_CRYPTO_PSEUDONYM_KEY) is the demo key of application.yaml");
    org.springframework.boot.context.properties.bind.Binder.get(env)
        .bind(
            "linli.crypto.keys",
            org.springframework.boot.context.properties.bind.Bindable.mapOf(
                String.class, String.class))
        .orElse(java.util.Map.of())
        .forEach(
            (id, key) -> {
              if (DEMO_CRYPTO_KEY.equals(key)) {
                p.add(
                    "linli.crypto.keys."
                        + id
                        + " is the demo key of application.yaml; make one with"
                        + " `openssl rand -base64 32`");
              }
            });
    if ("linli-webapp-secret"
        .equals(
            env.getProperty("spring.security.oauth2.client.registration.keycloak.client-secret")))
      p.add(
          "LINLI_WEBAPP_CLIENT_SECRET is the realm file's demo secret of linli-webapp; regenerate"
              + " it in Keycloak (Clients → linli-webapp → Credentials)");
    if ("linli-identity-secret".equals(env.getProperty("plugin.identity.keycloak.client-secret")))
      p.add(
          "LINLI_IDENTITY_CLIENT_SECRET is the realm file's demo secret of linli-identity; regenerate"
              + " it in Keycloak (Clients → linli-identity → Credentials)");
    if ("linli-org-sync-secret".equals(env.getProperty("linli.keycloak.org-sync.client-secret")))
      p.add(
          "LINLI_ORG_SYNC_CLIENT_SECRET is the realm file's demo secret of linli-org-sync; regenerate"
              + " it in Keycloak (Clients → linli-org-sync → Credentials)");
    if (!env.getProperty("linli.embedded-postgres.enabled", Boolean.class, false)
        && "linli".equals(env.getProperty("spring.datasource.password")))
      p.add("spring.datasource.password (LINLI_DB_PASSWORD) is the default 'linli'");
    if (env.getProperty("linli.demo.identity", Boolean.class, false)
        && "demo".equals(env.getProperty("linli.demo.password")))
      p.add("linli.demo.password (LINLI_DEMO_PASSWORD) is the printed demo password 'demo'");
    if (env.containsProperty("camunda.bpm.admin-user.id")
        && "admin".equals(env.getProperty("camunda.bpm.admin-user.password")))
      p.add("camunda.bpm.admin-user.password (LINLI_ADMIN_PASSWORD) is the default 'admin'");
    return p;
  }

  private List<String> keycloakProblems() {
    List<String> p = new ArrayList<>();
    if (!engine.isAuthorizationEnabled()) p.add("camunda.bpm.authorization.enabled must be true");
    if (engine.isJavaSerializationFormatEnabled())
      p.add(
          "camunda.bpm.generic-properties.properties.java-serialization-format-enabled must be false");
    if (!engine.isDeserializationTypeValidationEnabled())
      p.add(
          "camunda.bpm.generic-properties.properties.deserialization-type-validation-enabled must be true");
    if (engine.getQueryMaxResultsLimit() == Integer.MAX_VALUE)
      p.add("camunda.bpm.generic-properties.properties.query-max-results-limit must be set");
    if (env.getProperty("linli.demo.identity", Boolean.class, false))
      p.add("linli.demo.identity must be false (demo users with a printed password)");
    if (env.containsProperty("camunda.bpm.admin-user.id"))
      p.add(
          "camunda.bpm.admin-user.id must not be set (Keycloak's camunda-admin group administers)");
    if (!env.getProperty("linli.security.secure-cookies", Boolean.class, true)
        && !env.getProperty("linli.security.allow-insecure-http", Boolean.class, false))
      p.add(
          "linli.security.secure-cookies=false (LINLI_SECURE_COOKIES) needs"
              + " linli.security.allow-insecure-http=true (LINLI_ALLOW_INSECURE_HTTP) as a confirmation");
    if (!env.getProperty("linli.keycloak.url", "").startsWith("https://")
        && !env.getProperty("linli.security.allow-insecure-http", Boolean.class, false))
      p.add(
          "linli.keycloak.url (LINLI_KEYCLOAK_URL) must be https:// unless"
              + " linli.security.allow-insecure-http=true (LINLI_ALLOW_INSECURE_HTTP)");
    new ScriptEngineManager()
        .getEngineFactories().stream()
            .filter(f -> !EXPRESSION_LANGUAGES.contains(f.getEngineName()))
            .forEach(
                f ->
                    p.add(
                        "script engine " + f.getEngineName() + " is on the classpath; remove it"));
    return p;
  }
}
