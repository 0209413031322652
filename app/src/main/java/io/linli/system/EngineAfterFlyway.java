package io.linli.system;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes the process engine wait for Flyway: the starter injects every plugin bean into the engine
 * configuration, and this one is created only after database initialisation, so the engine never
 * looks for tables Flyway has not made yet.
 */
@Configuration(proxyBeanMethods = false)
class EngineAfterFlyway {

  @Bean
  @DependsOnDatabaseInitialization
  AbstractProcessEnginePlugin engineAfterFlywayPlugin() {
    return new AbstractProcessEnginePlugin() {};
  }
}
