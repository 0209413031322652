package io.linli;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A staff member logged into Tasklist over HTTP, as the browser does: the page for Camunda's CSRF
 * cookie, then the login form. The cookies are per host, so the same login can be presented to
 * every node on localhost.
 */
public final class WebappLogin {

  private final HttpClient http;
  private final CookieManager cookies;

  private WebappLogin(HttpClient http, CookieManager cookies) {
    this.http = http;
    this.cookies = cookies;
  }

  public static WebappLogin as(String user, String password, String nodeUrl) throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
    http.send(
        HttpRequest.newBuilder(URI.create(nodeUrl + "/camunda/app/tasklist/default/")).build(),
        HttpResponse.BodyHandlers.discarding());
    String xsrf =
        cookies.getCookieStore().getCookies().stream()
            .filter(c -> c.getName().equals("XSRF-TOKEN"))
            .map(HttpCookie::getValue)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no XSRF-TOKEN cookie from " + nodeUrl));
    HttpResponse<String> login =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(nodeUrl + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", xsrf)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username=" + user + "&password=" + password))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (login.statusCode() != 200) {
      throw new IllegalStateException(
          "login as " + user + ": " + login.statusCode() + " " + login.body());
    }
    return new WebappLogin(http, cookies);
  }

  /**
   * What the node's webapp says of the session: the user's JSON, or the status when not logged in.
   */
  public String whoAmI(String nodeUrl) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(nodeUrl + "/camunda/api/admin/auth/user/default"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return r.statusCode() == 200 ? r.body() : "HTTP " + r.statusCode();
  }

  /** A GET in this login's browser session, with extra headers as name, value pairs. */
  public HttpResponse<byte[]> get(String url, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
    if (headers.length > 0) b.headers(headers);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** A cookie of the login, e.g. {@code SESSION}; null if there is none. */
  public String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElse(null);
  }
}
