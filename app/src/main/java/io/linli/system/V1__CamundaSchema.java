package io.linli.system;

import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;

/**
 * Creates Camunda 7.24's tables from the create scripts shipped in the engine jar, in the order the
 * engine itself uses. Flyway owns the schema (Spring Boot registers JavaMigration beans), so the
 * engine runs with {@code schema-update: false} and nodes starting together cannot race.
 */
@Component
class V1__CamundaSchema extends BaseJavaMigration {

  private static final List<String> PARTS =
      List.of(
          "engine",
          "history",
          "identity",
          "case.engine",
          "case.history",
          "decision.engine",
          "decision.history");

  @Override
  public void migrate(Context context) {
    ResourceDatabasePopulator populator = new ResourceDatabasePopulator();
    for (String part : PARTS) {
      populator.addScript(
          new ClassPathResource(
              "org/camunda/bpm/engine/db/create/activiti.postgres.create." + part + ".sql"));
    }
    populator.populate(context.getConnection());
  }
}
