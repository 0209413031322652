package io.linli.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.linli.LinliSpringTest;
import io.linli.WebappLogin;
import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Integration tier: a Tasklist login is a row in PostgreSQL (Spring Session JDBC), not a node's
 * memory — so another node on the same database serves the same user (FaultToleranceIT checks that
 * with two nodes), and removing the row logs the user out everywhere.
 */
@LinliSpringTest
class WebappSessionTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  @DisplayName("Tasklist 登录保存在数据库中：会话行在则已登录，删去会话行即退出")
  void tasklistLoginLivesInTheDatabase() throws Exception {
    String node = "http://localhost:" + port;
    WebappLogin grid1 = WebappLogin.as("grid1", "demo", node);

    String sessionId = new String(Base64.getDecoder().decode(grid1.cookie("SESSION")));
    assertThat(
            jdbc.sql("select count(*) from spring_session where session_id = ?")
                .param(sessionId)
                .query(Long.class)
                .single())
        .as("the session is a database row")
        .isEqualTo(1);
    assertThat(grid1.whoAmI(node)).contains("\"userId\":\"grid1\"");

    jdbc.sql("delete from spring_session where session_id = ?").param(sessionId).update();

    assertThat(grid1.whoAmI(node))
        .as("without the row nobody is logged in")
        .doesNotContain("grid1");
  }
}
