package io.linli.system;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where supervision, reports and exports read: a PostgreSQL streaming replica when {@code
 * linli.reporting.db-url} ({@code LINLI_REPORTING_DB_URL}) names one, so that a street's
 * supervisors never load the primary that runs the engine; else the primary. Reads here may lag the
 * primary by the replica's replay delay; what they read is the supervision read model, which is
 * written in the same transaction as the cases, so a lagging replica shows an older but consistent
 * state. Not a Spring DataSource bean: the primary stays the application's only one.
 */
@Component
public class ReportingDatabase implements DisposableBean {

  private final JdbcClient jdbc;
  private final HikariDataSource replica;

  ReportingDatabase(
      JdbcClient primary,
      @Value("${linli.reporting.db-url:}") String url,
      @Value("${linli.reporting.db-user:${spring.datasource.username:postgres}}") String user,
      @Value("${linli.reporting.db-password:${spring.datasource.password:}}") String password,
      @Value("${linli.reporting.pool-size:8}") int poolSize) {
    if (url == null || url.isBlank()) {
      this.replica = null;
      this.jdbc = primary;
      return;
    }
    HikariConfig c = new HikariConfig();
    c.setJdbcUrl(url);
    c.setUsername(user);
    c.setPassword(password);
    c.setReadOnly(true);
    c.setMaximumPoolSize(poolSize);
    c.setPoolName("linli-reporting");
    c.setInitializationFailTimeout(-1); // the app starts while the replica is still catching up
    this.replica = new HikariDataSource(c);
    this.jdbc = JdbcClient.create(replica);
  }

  public JdbcClient jdbc() {
    return jdbc;
  }

  /** True when reads go to a replica rather than the primary. */
  public boolean isReplica() {
    return replica != null;
  }

  @Override
  public void destroy() {
    if (replica != null) replica.close();
  }
}
