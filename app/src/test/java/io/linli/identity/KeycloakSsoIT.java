package io.linli.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieHandler;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Integration tier with a real Keycloak, over HTTP like a browser (cookies, redirects, the Keycloak
 * login form): a grid worker opens Tasklist, logs in at Keycloak (authorization code + PKCE) and
 * sees exactly their community's tasks.
 */
class KeycloakSsoIT extends KeycloakIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Pattern FORM =
      Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;

  @Test
  @DisplayName("网格员经 Keycloak 单点登录 Tasklist，只看到本社区的任务")
  void gridWorkerLogsIntoTasklistAndSeesOnlyTheirCommunity() throws Exception {
    // given a case in each community
    String base = "http://localhost:" + port;
    keycloak().allowWebappRedirect(base);
    String own = instanceOf(report(base, "tfsq"));
    String other = instanceOf(report(base, "jdsq"));
    HttpClient browser =
        HttpClient.newBuilder()
            .cookieHandler(new LocalhostBrowserCookies())
            .followRedirects(HttpClient.Redirect.ALWAYS)
            .build();

    // when grid1 opens Tasklist and logs in at Keycloak
    HttpResponse<String> login = browser.send(get(base + "/camunda/app/tasklist/"), ofString());
    assertThat(login.uri().toString()).startsWith(keycloak().issuer()).contains("code_challenge=");
    Matcher form = FORM.matcher(login.body());
    assertThat(form.find()).as("Keycloak login form").isTrue();
    String action = form.group(1).replace("&amp;", "&");
    HttpResponse<String> tasklist =
        browser.send(
            HttpRequest.newBuilder(URI.create(action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        form(Map.of("username", "grid1", "password", "demo"))))
                .build(),
            ofString());

    // then Tasklist is served to grid1, whose task list holds only the own community's task
    assertThat(tasklist.statusCode()).as(tasklist.uri() + " " + tasklist.body()).isEqualTo(200);
    assertThat(tasklist.uri().toString()).startsWith(base + "/camunda/app/");
    JsonNode user =
        JSON.readTree(
            browser.send(get(base + "/camunda/api/admin/auth/user/default"), ofString()).body());
    assertThat(user.get("userId").asText()).isEqualTo("grid1");
    assertThat(user.get("authorizedApps").toString()).contains("tasklist");
    HttpResponse<String> tasks =
        browser.send(
            get(base + "/camunda/api/engine/engine/default/task?maxResults=500"), ofString());
    assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
    Set<String> instances = new HashSet<>();
    JSON.readTree(tasks.body()).forEach(t -> instances.add(t.get("processInstanceId").asText()));
    assertThat(instances).contains(own).doesNotContain(other);
  }

  String report(String base, String community) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base + "/api/grievances"))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            JSON.writeValueAsString(
                                Map.of(
                                    "communityCode",
                                    community,
                                    "category",
                                    "NOISE",
                                    "description",
                                    "夜间施工噪音"))))
                    .build(),
                ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return JSON.readTree(r.body()).get("caseNo").asText();
  }

  String instanceOf(String caseNo) {
    return runtime
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(caseNo)
        .singleResult()
        .getId();
  }

  static HttpRequest get(String url) {
    return HttpRequest.newBuilder(URI.create(url))
        .header("Accept", "text/html,application/json")
        .build();
  }

  static HttpResponse.BodyHandler<String> ofString() {
    return HttpResponse.BodyHandlers.ofString();
  }

  static String form(Map<String, String> fields) {
    StringBuilder b = new StringBuilder();
    fields.forEach(
        (k, v) ->
            b.append(b.isEmpty() ? "" : "&")
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return b.toString();
  }

  /**
   * Cookies the way a browser keeps them for http://localhost: {@code Secure} cookies are sent too
   * (localhost is a secure context for browsers; Java's CookieManager withholds them over plain
   * HTTP, and Keycloak marks its login-session cookies Secure).
   */
  static final class LocalhostBrowserCookies extends CookieHandler {
    private final Map<String, Map<String, HttpCookie>> byHost = new ConcurrentHashMap<>();

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) {
      List<String> out = new ArrayList<>();
      byHost
          .getOrDefault(uri.getHost() + ":" + uri.getPort(), Map.of())
          .values()
          .forEach(
              c -> {
                String path = c.getPath() == null ? "/" : c.getPath();
                if (!c.hasExpired()
                    && (uri.getPath() == null ? "/" : uri.getPath()).startsWith(path)) {
                  out.add(c.getName() + "=" + c.getValue());
                }
              });
      return out.isEmpty() ? Map.of() : Map.of("Cookie", List.of(String.join("; ", out)));
    }

    @Override
    public void put(URI uri, Map<String, List<String>> headers) {
      Map<String, HttpCookie> jar =
          byHost.computeIfAbsent(
              uri.getHost() + ":" + uri.getPort(), h -> new ConcurrentHashMap<>());
      headers.forEach(
          (name, values) -> {
            if (name == null || !name.equalsIgnoreCase("Set-Cookie")) return;
            for (String v : values) {
              for (HttpCookie c : HttpCookie.parse(v)) {
                if (c.getMaxAge() == 0) jar.remove(c.getName() + c.getPath());
                else jar.put(c.getName() + c.getPath(), c);
              }
            }
          });
    }
  }
}
