package io.linli.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Unit tier: there is no Docker engine on the build machines, so this test reads
 * {@code docker-compose.yml} and checks it against {@code application.yaml} and the realm file —
 * service names, ports, profiles, every environment variable the app container gets is one the app
 * reads, and the secrets and URLs on both sides agree.
 */
class ComposeFileTest {

  static final Path ROOT = Path.of("..");
  static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

  @Test
  @DisplayName("docker-compose.yml agrees with application.yaml and the realm")
  @SuppressWarnings("unchecked")
  void composeMatchesConfiguration() throws IOException {
    Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
    Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
    assertThat(services).containsOnlyKeys("postgres", "keycloak", "app");
    services.forEach((name, s) -> assertThat(s).as(name + " healthcheck").containsKey("healthcheck"));

    String applicationYaml;
    try (InputStream in = getClass().getResourceAsStream("/application.yaml")) {
      applicationYaml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    Set<String> readByApp = new HashSet<>(Set.of("SPRING_PROFILES_ACTIVE"));
    Matcher m = PLACEHOLDER.matcher(applicationYaml);
    while (m.find()) readByApp.add(m.group(1));
    Set<String> profiles = new HashSet<>();
    for (Object doc : new Yaml().loadAll(applicationYaml)) {
      Object on = path(doc, "spring", "config", "activate", "on-profile");
      if (on != null) profiles.add(on.toString());
    }

    Map<String, Object> app = services.get("app");
    Map<String, String> env = (Map<String, String>) app.get("environment");
    assertThat(readByApp).as("variables application.yaml reads").containsAll(env.keySet());
    assertThat(List.of(env.get("SPRING_PROFILES_ACTIVE").split(","))).containsExactly("postgres", "keycloak");
    assertThat(profiles).contains("postgres", "keycloak");
    assertThat((List<String>) app.get("ports")).contains(env.get("PORT") + ":" + env.get("PORT"));
    assertThat((Map<String, Object>) app.get("depends_on")).containsOnlyKeys("postgres", "keycloak");

    // the database
    Map<String, String> pg = (Map<String, String>) services.get("postgres").get("environment");
    URI db = URI.create(env.get("LINLI_DB_URL").substring("jdbc:".length()));
    assertThat(db.getHost()).isEqualTo("postgres");
    assertThat(db.getPort()).isEqualTo(5432);
    assertThat(db.getPath()).isEqualTo("/" + pg.get("POSTGRES_DB"));
    assertThat(env.get("LINLI_DB_USER")).isEqualTo(pg.get("POSTGRES_USER"));
    assertThat(env.get("LINLI_DB_PASSWORD")).isEqualTo(pg.get("POSTGRES_PASSWORD"));

    // Keycloak: internal address, published port, issuer, realm import
    Map<String, Object> kc = services.get("keycloak");
    Map<String, String> kcEnv = (Map<String, String>) kc.get("environment");
    URI internal = URI.create(env.get("LINLI_KEYCLOAK_INTERNAL_URL"));
    URI external = URI.create(env.get("LINLI_KEYCLOAK_URL"));
    assertThat(internal.getHost()).isEqualTo("keycloak");
    assertThat((List<String>) kc.get("ports")).contains(external.getPort() + ":" + internal.getPort());
    assertThat(kcEnv.get("KC_HOSTNAME")).isEqualTo(env.get("LINLI_KEYCLOAK_URL"));
    assertThat((List<String>) kc.get("command")).contains("--import-realm");
    assertThat((List<String>) kc.get("volumes")).contains("./keycloak-realm:/opt/keycloak/data/import:ro");

    // the realm's clients and the app's secrets
    JsonNode realm = new ObjectMapper().readTree(ROOT.resolve("keycloak-realm/linli-realm.json").toFile());
    assertThat(realm.get("realm").asText()).isEqualTo(env.get("LINLI_KEYCLOAK_REALM"));
    assertThat(secret(realm, env.get("LINLI_WEBAPP_CLIENT_ID"))).isEqualTo(env.get("LINLI_WEBAPP_CLIENT_SECRET"));
    assertThat(secret(realm, env.get("LINLI_IDENTITY_CLIENT_ID"))).isEqualTo(env.get("LINLI_IDENTITY_CLIENT_SECRET"));
    assertThat(realm.toString()).contains("\"included.custom.audience\":\"" + env.get("LINLI_API_AUDIENCE") + "\"");
  }

  static String secret(JsonNode realm, String clientId) {
    for (JsonNode c : realm.get("clients")) {
      if (c.get("clientId").asText().equals(clientId)) return c.get("secret").asText();
    }
    throw new AssertionError("no client " + clientId + " in the realm");
  }

  @SuppressWarnings("unchecked")
  static Object path(Object node, String... keys) {
    for (String k : keys) {
      if (!(node instanceof Map<?, ?> map)) return null;
      node = ((Map<String, Object>) map).get(k);
    }
    return node;
  }
}
