package io.linli.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real Keycloak for the identity integration tests (*IT, run by failsafe in {@code verify}): the
 * {@code keycloak-quarkus-dist} that the build unpacked under {@code target/keycloak}, started once
 * per test JVM with {@code kc.sh start-dev --import-realm} on free ports, a fresh data directory
 * and {@code keycloak-realm/linli-realm.json}; stopped (with its child processes) by a shutdown
 * hook, so it goes away however the tests end. {@code LINLI_IT_KEYCLOAK_URL} points the tests at an
 * already running Keycloak instead (needs admin {@code kcadmin}/{@code kcadmin}).
 *
 * <p>For the tests only, a public client {@code linli-it} with the password grant (and the same
 * audience and groups mappers as the real clients) is added through the admin API: the realm's own
 * clients allow no password grant.
 */
final class KeycloakServer {

  static final String REALM = "linli";
  static final String ADMIN = "kcadmin";
  static final String TEST_CLIENT = "linli-it";
  static final String SHORT_CLIENT = "linli-it-short";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static KeycloakServer instance;

  final String url;
  final Duration startTime;

  /**
   * The confidential clients' secrets, regenerated at start: the app must not run on the realm
   * file's demo secrets.
   */
  final Map<String, String> secrets = new java.util.concurrent.ConcurrentHashMap<>();

  private KeycloakServer(String url, Duration startTime) {
    this.url = url;
    this.startTime = startTime;
  }

  static synchronized KeycloakServer get() {
    if (instance == null) instance = start();
    return instance;
  }

  String issuer() {
    return url + "/realms/" + REALM;
  }

  private static KeycloakServer start() {
    String external = System.getenv("LINLI_IT_KEYCLOAK_URL");
    if (external != null && !external.isBlank()) {
      KeycloakServer s = new KeycloakServer(external, Duration.ZERO);
      s.addTestClient();
      return s;
    }
    Path home =
        Path.of(System.getProperty("linli.it.keycloak.home", "target/keycloak/keycloak-26.4.5"));
    Path realm =
        Path.of(System.getProperty("linli.it.realm", "../keycloak-realm/linli-realm.json"));
    if (!Files.exists(home.resolve("bin/kc.sh"))) {
      throw new IllegalStateException(
          "no Keycloak at "
              + home.toAbsolutePath()
              + "; run the tests through `./mvnw verify` (failsafe), which unpacks it");
    }
    try {
      Path data = home.resolve("data");
      deleteTree(data); // --import-realm skips a realm that exists (docs/stack-notes.md 8)
      Files.createDirectories(data.resolve("import"));
      Files.copy(
          realm, data.resolve("import/linli-realm.json"), StandardCopyOption.REPLACE_EXISTING);
      int port = freePort();
      int management = freePort();
      Path log = home.resolve("keycloak-it.log");
      // through bash: the unpacked script need not keep its executable bit
      ProcessBuilder pb =
          new ProcessBuilder(
                  "bash",
                  home.resolve("bin/kc.sh").toString(),
                  "start-dev",
                  "--import-realm",
                  "--http-port=" + port,
                  "--http-management-port=" + management,
                  "--hostname-strict=false",
                  "--cache=local")
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      pb.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
      pb.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN);
      Instant t0 = Instant.now();
      Process process = pb.start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process)));
      String url = "http://localhost:" + port;
      waitFor(url + "/realms/" + REALM + "/.well-known/openid-configuration", process, log);
      KeycloakServer s = new KeycloakServer(url, Duration.between(t0, Instant.now()));
      System.err.println("Keycloak started in " + s.startTime.toSeconds() + " s at " + url);
      s.addTestClient();
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void stop(Process process) {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void waitFor(String wellKnown, Process process, Path log) {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(6));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) throw new IllegalStateException("Keycloak exited; see " + log);
      try {
        HttpResponse<Void> r =
            HTTP.send(
                HttpRequest.newBuilder(URI.create(wellKnown))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) return;
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(1000);
    }
    throw new IllegalStateException("Keycloak not ready within 6 minutes; see " + log);
  }

  /** An access token of a demo user (password {@code demo}) through the test client. */
  String token(String username) {
    return tokenResponse(username).get("access_token").asText();
  }

  JsonNode tokenResponse(String username) {
    return post(
        issuer() + "/protocol/openid-connect/token",
        Map.of(
            "grant_type",
            "password",
            "client_id",
            TEST_CLIENT,
            "username",
            username,
            "password",
            "demo"));
  }

  /**
   * A token asked for under another host name (its issuer is then that host's: a wrong issuer
   * signed with the realm's real key) or from another client (e.g. {@code admin-cli}: no API
   * audience).
   */
  String token(String username, String host, String clientId) {
    String base = url.replace("localhost", host);
    return post(
            base + "/realms/" + REALM + "/protocol/openid-connect/token",
            Map.of(
                "grant_type",
                "password",
                "client_id",
                clientId,
                "username",
                username,
                "password",
                "demo"))
        .get("access_token")
        .asText();
  }

  /** A token of the test client with a one-second lifetime, returned once it has expired. */
  String expiredToken(String username) {
    String token =
        post(
                issuer() + "/protocol/openid-connect/token",
                Map.of(
                    "grant_type",
                    "password",
                    "client_id",
                    SHORT_CLIENT,
                    "username",
                    username,
                    "password",
                    "demo"))
            .get("access_token")
            .asText();
    sleep(2500);
    return token;
  }

  /** Adds a redirect URI (the app's random port) to the realm's webapp client. */
  void allowWebappRedirect(String baseUrl) {
    String admin = adminToken();
    JsonNode clients =
        getJson(url + "/admin/realms/" + REALM + "/clients?clientId=linli-webapp", admin);
    JsonNode client = clients.get(0);
    ((com.fasterxml.jackson.databind.node.ArrayNode) client.get("redirectUris"))
        .add(baseUrl + "/*");
    send(
        HttpRequest.newBuilder(
                URI.create(
                    url + "/admin/realms/" + REALM + "/clients/" + client.get("id").asText()))
            .header("Authorization", "Bearer " + admin)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(client.toString()))
            .build());
  }

  /** The group at this path ({@code communities/tfsq/grid/g1/grid-worker}), or null. */
  JsonNode groupByPath(String path) {
    try {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(
                      URI.create(url + "/admin/realms/" + REALM + "/group-by-path/" + path))
                  .header("Authorization", "Bearer " + adminToken())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 404) return null;
      if (r.statusCode() != 200) throw new IllegalStateException(path + " → " + r.statusCode());
      return parse(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Puts a user into a group by hand, as a realm administrator would. */
  void joinByHand(String username, String path) {
    String admin = adminToken();
    String user =
        getJson(url + "/admin/realms/" + REALM + "/users?exact=true&username=" + username, admin)
            .get(0)
            .get("id")
            .asText();
    String group = groupByPath(path).get("id").asText();
    send(
        HttpRequest.newBuilder(
                URI.create(url + "/admin/realms/" + REALM + "/users/" + user + "/groups/" + group))
            .header("Authorization", "Bearer " + admin)
            .PUT(HttpRequest.BodyPublishers.noBody())
            .build());
  }

  /** The status of creating a top-level group with a client's service-account token. */
  int createGroupAs(String clientId, String name) {
    String token =
        post(
                issuer() + "/protocol/openid-connect/token",
                Map.of(
                    "grant_type",
                    "client_credentials",
                    "client_id",
                    clientId,
                    "client_secret",
                    secrets.get(clientId)))
            .get("access_token")
            .asText();
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create(url + "/admin/realms/" + REALM + "/groups"))
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}"))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The usernames of the group's direct members, through the admin API. */
  java.util.List<String> memberNames(String path) {
    JsonNode members =
        getJson(
            url
                + "/admin/realms/"
                + REALM
                + "/groups/"
                + groupByPath(path).get("id").asText()
                + "/members?max=1000",
            adminToken());
    java.util.List<String> out = new java.util.ArrayList<>();
    members.forEach(m -> out.add(m.get("username").asText()));
    return out;
  }

  private void addTestClient() {
    addTestClient(TEST_CLIENT, "300");
    addTestClient(SHORT_CLIENT, "1");
    for (String client : java.util.List.of("linli-webapp", "linli-identity", "linli-org-sync"))
      secrets.put(client, regenerateSecret(client));
  }

  /** A new secret for a confidential client (what an operator does before any real use). */
  private String regenerateSecret(String clientId) {
    String admin = adminToken();
    String id =
        getJson(url + "/admin/realms/" + REALM + "/clients?clientId=" + clientId, admin)
            .get(0)
            .get("id")
            .asText();
    return parse(
            send(
                HttpRequest.newBuilder(
                        URI.create(
                            url + "/admin/realms/" + REALM + "/clients/" + id + "/client-secret"))
                    .header("Authorization", "Bearer " + admin)
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build()))
        .get("value")
        .asText();
  }

  private void addTestClient(String clientId, String lifespan) {
    String admin = adminToken();
    if (getJson(url + "/admin/realms/" + REALM + "/clients?clientId=" + clientId, admin).size() > 0)
      return;
    String client =
        """
        {"clientId":"%s","publicClient":true,"directAccessGrantsEnabled":true,
         "standardFlowEnabled":false,"attributes":{"access.token.lifespan":"%s"},
         "protocolMappers":[
          {"name":"audience","protocol":"openid-connect","protocolMapper":"oidc-audience-mapper",
           "config":{"included.custom.audience":"linli-api","access.token.claim":"true"}},
          {"name":"groups","protocol":"openid-connect","protocolMapper":"oidc-group-membership-mapper",
           "config":{"full.path":"true","claim.name":"groups","access.token.claim":"true"}}]}"""
            .formatted(clientId, lifespan);
    send(
        HttpRequest.newBuilder(URI.create(url + "/admin/realms/" + REALM + "/clients"))
            .header("Authorization", "Bearer " + admin)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(client))
            .build());
  }

  private String adminToken() {
    return post(
            url + "/realms/master/protocol/openid-connect/token",
            Map.of(
                "grant_type",
                "password",
                "client_id",
                "admin-cli",
                "username",
                ADMIN,
                "password",
                ADMIN))
        .get("access_token")
        .asText();
  }

  private static JsonNode post(String target, Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return parse(
        send(
            HttpRequest.newBuilder(URI.create(target))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build()));
  }

  private static JsonNode getJson(String target, String bearer) {
    return parse(
        send(
            HttpRequest.newBuilder(URI.create(target))
                .header("Authorization", "Bearer " + bearer)
                .build()));
  }

  private static String send(HttpRequest request) {
    try {
      HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() >= 300) {
        throw new IllegalStateException(
            request.method() + " " + request.uri() + " → " + r.statusCode() + " " + r.body());
      }
      return r.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
