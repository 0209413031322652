package io.linli.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.linli.LinliSpringTest;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Integration tier: a Tasklist login is a row in PostgreSQL (Spring Session JDBC), not a node's
 * memory — so another node on the same database serves the same user (the fault test checks that
 * with two nodes), and removing the row logs the user out everywhere.
 */
@LinliSpringTest
class WebappSessionTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  @DisplayName("Tasklist 登录保存在数据库中：会话行在则已登录，删去会话行即退出")
  void tasklistLoginLivesInTheDatabase() throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();

    HttpResponse<String> page = http.send(get("/camunda/app/tasklist/default/"), HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    String xsrf = cookie(cookies, "XSRF-TOKEN");
    assertThat(xsrf).as("Camunda's CSRF cookie").isNotNull();

    HttpResponse<String> login = http.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", xsrf)
        .POST(HttpRequest.BodyPublishers.ofString("username=grid1&password=demo")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);

    String sessionId = new String(Base64.getDecoder().decode(cookie(cookies, "SESSION")));
    assertThat(jdbc.sql("select count(*) from spring_session where session_id = ?").param(sessionId)
        .query(Long.class).single()).as("the session is a database row").isEqualTo(1);
    assertThat(whoAmI(http)).contains("\"userId\":\"grid1\"");

    jdbc.sql("delete from spring_session where session_id = ?").param(sessionId).update();

    assertThat(whoAmI(http)).as("without the row nobody is logged in").doesNotContain("grid1");
  }

  private String whoAmI(HttpClient http) throws Exception {
    return http.send(get("/camunda/api/admin/auth/user/default"), HttpResponse.BodyHandlers.ofString()).body();
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(uri(path)).GET().build();
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String cookie(CookieManager cookies, String name) {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue).findFirst().orElse(null);
  }
}
