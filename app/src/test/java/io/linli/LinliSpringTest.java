package io.linli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * Integration tier: the whole app on a real PostgreSQL 15 — the embedded one (fresh data directory
 * per context) by default, an external server with {@code SPRING_PROFILES_ACTIVE=postgres} and
 * {@code LINLI_DB_URL}/{@code LINLI_DB_USER}/{@code LINLI_DB_PASSWORD}. The job executor is off:
 * tests move the engine clock and execute due jobs themselves. All classes with this annotation
 * share one cached context, whose anonymous-write limits are set out of reach: the suite sends
 * thousands of anonymous requests from 127.0.0.1 (AnonymousLimitTest has low ones in its own
 * context). Process test coverage (camunda-process-test-coverage) writes its reports under
 * target/process-test-coverage. Metrics are exported as in production (Spring Boot's tests switch
 * exporters off unless told otherwise), so MetricsScrapeTest scrapes the real endpoint.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.job-execution.enabled=false",
      "linli.embedded-postgres.clean=true",
      "linli.embedded-postgres.port=",
      "linli.embedded-postgres.data-directory=${java.io.tmpdir}/linli-test-${random.uuid}",
      "linli.intake.anonymous-limit=1000000",
      "linli.intake.proof-limit=1000000",
      "linli.intake.public-read-limit=1000000"
    })
@Import(ProcessEngineCoverageConfiguration.class)
@AutoConfigureObservability(tracing = false)
public @interface LinliSpringTest {}
