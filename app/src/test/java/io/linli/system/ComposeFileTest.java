package io.linli.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * Unit tier: there is no Docker engine on the build machines, but Debian's {@code docker-compose}
 * (1.29) validates a compose file offline. This test runs the real {@code docker-compose config} on
 * {@code docker-compose.yml} with an {@code .env} made from {@code .env.example} the way the README
 * makes it (exit 0), and with each required secret missing (non-zero, naming it); then it checks
 * the resolved file against {@code application.yaml} and the realm file — service names, ports,
 * profiles, every variable the app reads without a default is set, every variable the app container
 * gets is one the app reads, and the secrets and URLs on both sides agree. Skipped, saying so,
 * where {@code docker-compose} is not installed ({@code .ci/run} installs it).
 */
class ComposeFileTest {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

  /** A placeholder without a default in application.yaml: the app cannot start without it. */
  static final Pattern WITHOUT_DEFAULT = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");

  /** A variable docker-compose.yml requires ({@code ${VAR:?message}}). */
  static final Pattern REQUIRED = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):\\?");

  /** The secrets, which must come from .env and never be written into docker-compose.yml. */
  static final Set<String> SECRETS =
      Set.of(
          "LINLI_CRYPTO_KEY",
          "LINLI_DB_PASSWORD",
          "KC_BOOTSTRAP_ADMIN_PASSWORD",
          "LINLI_WEBAPP_CLIENT_SECRET",
          "LINLI_IDENTITY_CLIENT_SECRET",
          "LINLI_ORG_SYNC_CLIENT_SECRET");

  @TempDir Path tmp;

  @BeforeAll
  static void dockerComposeInstalled() {
    boolean installed;
    try {
      Process p =
          new ProcessBuilder("docker-compose", "--version").redirectErrorStream(true).start();
      p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
      installed = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      installed = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      installed = false;
    }
    Assumptions.assumeTrue(
        installed,
        "docker-compose (Debian package docker-compose) is not installed: compose file test skipped");
  }

  @Test
  @DisplayName(
      "docker-compose config accepts docker-compose.yml with an .env made from .env.example")
  void configAcceptsTheComposeFileWithAnEnvFile() throws Exception {
    Result r = config(envFile(null));
    assertThat(r.exit).as("docker-compose config:%n%s", r.err).isZero();
    assertThat(r.err).doesNotContain("WARNING");
  }

  @Test
  @DisplayName("docker-compose config refuses a missing secret and names it")
  void aMissingSecretIsAClearError() throws Exception {
    String compose = Files.readString(ROOT.resolve("docker-compose.yml"));
    Set<String> required = new LinkedHashSet<>();
    Matcher m = REQUIRED.matcher(compose);
    while (m.find()) required.add(m.group(1));
    assertThat(required).as("variables docker-compose.yml requires").containsAll(SECRETS);

    for (String variable : required) {
      Result r = config(envFile(variable));
      assertThat(r.exit).as("exit code without %s", variable).isNotZero();
      assertThat(r.err).as("message without %s", variable).contains(variable).contains(".env");
    }
    // the example as shipped has no secrets: used as .env without filling them in, it is refused
    Result shipped = config(ROOT.resolve(".env.example"));
    assertThat(shipped.exit).isNotZero();
    assertThat(shipped.err).containsAnyOf(SECRETS.toArray(String[]::new));
  }

  @Test
  @DisplayName("the secrets come from .env, which git ignores")
  void secretsComeFromDotEnv() throws IOException {
    Map<String, Map<String, Object>> raw =
        services(Files.readString(ROOT.resolve("docker-compose.yml")));
    for (Map<String, Object> service : raw.values()) {
      environment(service)
          .forEach(
              (name, value) -> {
                if (SECRETS.contains(name)
                    || name.endsWith("PASSWORD")
                    || name.endsWith("SECRET")
                    || name.endsWith("_KEY")) {
                  assertThat(value).as(name).matches("\\$\\{[A-Z][A-Z0-9_]*:\\?[^}]+}");
                }
              });
    }
    Set<String> example = envKeys(Files.readString(ROOT.resolve(".env.example")));
    assertThat(example).as("variables .env.example lists").containsAll(SECRETS);
    assertThat(Files.readAllLines(ROOT.resolve(".gitignore"))).contains(".env");
  }

  @Test
  @DisplayName("the resolved docker-compose.yml agrees with application.yaml and the realm")
  @SuppressWarnings("unchecked")
  void composeMatchesConfiguration() throws Exception {
    Result r = config(envFile(null));
    assertThat(r.exit).as("docker-compose config:%n%s", r.err).isZero();
    Map<String, Map<String, Object>> services = services(r.out);
    assertThat(services).containsOnlyKeys("postgres", "keycloak", "app");
    services.forEach(
        (name, s) -> assertThat(s).as(name + " healthcheck").containsKey("healthcheck"));

    String applicationYaml;
    try (InputStream in = getClass().getResourceAsStream("/application.yaml")) {
      applicationYaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
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
    Map<String, String> env = environment(app);
    assertThat(readByApp).as("variables application.yaml reads").containsAll(env.keySet());
    // what the app cannot start without (e.g. the postgres profile's LINLI_CRYPTO_KEY)
    Matcher required = WITHOUT_DEFAULT.matcher(applicationYaml);
    while (required.find()) {
      assertThat(env).as("app environment").containsKey(required.group(1));
      assertThat(env.get(required.group(1))).as(required.group(1)).isNotBlank();
    }
    assertThat(Base64.getDecoder().decode(env.get("LINLI_CRYPTO_KEY"))).hasSize(32);
    assertThat(List.of(env.get("SPRING_PROFILES_ACTIVE").split(",")))
        .containsExactly("postgres", "keycloak");
    assertThat(profiles).contains("postgres", "keycloak");
    assertThat(ports(app)).contains(env.get("PORT") + ":" + env.get("PORT"));
    assertThat((Map<String, Object>) app.get("depends_on"))
        .containsOnlyKeys("postgres", "keycloak");

    // the database
    Map<String, String> pg = environment(services.get("postgres"));
    URI db = URI.create(env.get("LINLI_DB_URL").substring("jdbc:".length()));
    assertThat(db.getHost()).isEqualTo("postgres");
    assertThat(db.getPort()).isEqualTo(5432);
    assertThat(db.getPath()).isEqualTo("/" + pg.get("POSTGRES_DB"));
    assertThat(env.get("LINLI_DB_USER")).isEqualTo(pg.get("POSTGRES_USER"));
    assertThat(env.get("LINLI_DB_PASSWORD")).isEqualTo(pg.get("POSTGRES_PASSWORD"));

    // Keycloak: internal address, published port, issuer, realm import
    Map<String, Object> kc = services.get("keycloak");
    Map<String, String> kcEnv = environment(kc);
    URI internal = URI.create(env.get("LINLI_KEYCLOAK_INTERNAL_URL"));
    URI external = URI.create(env.get("LINLI_KEYCLOAK_URL"));
    assertThat(internal.getHost()).isEqualTo("keycloak");
    assertThat(ports(kc)).contains(external.getPort() + ":" + internal.getPort());
    assertThat(kcEnv.get("KC_HOSTNAME")).isEqualTo(env.get("LINLI_KEYCLOAK_URL"));
    assertThat(kcEnv.get("KC_BOOTSTRAP_ADMIN_PASSWORD")).isNotBlank();
    assertThat((List<String>) kc.get("command")).contains("--import-realm");
    assertThat(String.valueOf(kc.get("volumes")))
        .contains("/keycloak-realm")
        .contains("/opt/keycloak/data/import");

    // the realm's clients and the app's secrets (.env.example holds the realm file's demo secrets,
    // which the app accepts only as a local demo on a localhost Keycloak)
    JsonNode realm =
        new ObjectMapper().readTree(ROOT.resolve("keycloak-realm/linli-realm.json").toFile());
    assertThat(realm.get("realm").asText()).isEqualTo(env.get("LINLI_KEYCLOAK_REALM"));
    assertThat(secret(realm, env.get("LINLI_WEBAPP_CLIENT_ID")))
        .isEqualTo(env.get("LINLI_WEBAPP_CLIENT_SECRET"));
    assertThat(secret(realm, env.get("LINLI_IDENTITY_CLIENT_ID")))
        .isEqualTo(env.get("LINLI_IDENTITY_CLIENT_SECRET"));
    assertThat(realm.toString())
        .contains("\"included.custom.audience\":\"" + env.get("LINLI_API_AUDIENCE") + "\"");
    assertThat(env.get("LINLI_LOCAL_DEMO")).isEqualTo("true");
    assertThat(external.getHost()).isEqualTo("localhost");
  }

  record Result(int exit, String out, String err) {}

  /**
   * {@code docker-compose -f docker-compose.yml --env-file <file> config} in the repository root.
   */
  Result config(Path envFile) throws IOException, InterruptedException {
    Path out = Files.createTempFile(tmp, "config", ".out");
    Path err = Files.createTempFile(tmp, "config", ".err");
    ProcessBuilder pb =
        new ProcessBuilder(
                "docker-compose",
                "-f",
                "docker-compose.yml",
                "--env-file",
                envFile.toString(),
                "config")
            .directory(ROOT.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    // only the env file counts: the build's own environment must not fill in a missing variable
    pb.environment()
        .keySet()
        .removeIf(
            k ->
                k.startsWith("LINLI_")
                    || k.startsWith("KC_")
                    || k.startsWith("POSTGRES_")
                    || k.startsWith("COMPOSE_")
                    || k.startsWith("DOCKER_"));
    Process p = pb.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("docker-compose config did not finish within 120 s");
    }
    return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  /**
   * .env as the README makes it: .env.example with its empty secrets filled in (a Base64 key of 32
   * bytes, random hex passwords); {@code without} left empty.
   */
  Path envFile(String without) throws IOException {
    SecureRandom random = new SecureRandom();
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(ROOT.resolve(".env.example"))) {
      Matcher m = Pattern.compile("^([A-Z][A-Z0-9_]*)=(.*)$").matcher(line);
      if (m.matches()) {
        String name = m.group(1);
        String value = m.group(2);
        if (name.equals(without)) {
          value = "";
        } else if (value.isEmpty()) {
          byte[] bytes = new byte[32];
          random.nextBytes(bytes);
          value =
              name.equals("LINLI_CRYPTO_KEY")
                  ? Base64.getEncoder().encodeToString(bytes)
                  : HexFormat.of().formatHex(bytes);
        }
        line = name + "=" + value;
      }
      lines.add(line);
    }
    return Files.write(Files.createTempFile(tmp, "env", ".env"), lines);
  }

  static Set<String> envKeys(String envFile) {
    Set<String> keys = new LinkedHashSet<>();
    for (String line : envFile.split("\n")) {
      int eq = line.indexOf('=');
      if (!line.startsWith("#") && eq > 0) keys.add(line.substring(0, eq).strip());
    }
    return keys;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Map<String, Object>> services(String composeYaml) {
    Map<String, Object> compose = new Yaml().load(composeYaml);
    return (Map<String, Map<String, Object>>) compose.get("services");
  }

  /** A service's environment as strings (the resolved file quotes some values, not others). */
  @SuppressWarnings("unchecked")
  static Map<String, String> environment(Map<String, Object> service) {
    Map<String, String> env = new java.util.LinkedHashMap<>();
    ((Map<String, Object>) service.get("environment"))
        .forEach((k, v) -> env.put(k, String.valueOf(v)));
    return env;
  }

  /** Published ports as "host:container", whether written short or long. */
  @SuppressWarnings("unchecked")
  static List<String> ports(Map<String, Object> service) {
    List<String> ports = new ArrayList<>();
    for (Object p : (List<Object>) service.get("ports")) {
      if (p instanceof Map<?, ?> map) ports.add(map.get("published") + ":" + map.get("target"));
      else ports.add(String.valueOf(p));
    }
    return ports;
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
