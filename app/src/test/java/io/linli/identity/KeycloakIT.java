package io.linli.identity;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Integration tier with a real Keycloak ({@link KeycloakServer}) and the embedded PostgreSQL: the
 * whole app in the {@code keycloak} profile, job executor off. Plain HTTP on localhost, so the
 * secure-cookie and https checks of the startup guard are confirmed off explicitly. Every *IT
 * extending this class shares one Spring context.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.job-execution.enabled=false",
      "linli.embedded-postgres.clean=true",
      "linli.embedded-postgres.port=",
      "linli.embedded-postgres.data-directory=${java.io.tmpdir}/linli-it-${random.uuid}",
      "linli.security.secure-cookies=false",
      "linli.security.allow-insecure-http=true",
      // the expired-token test waits 2.5 s, not the production skew
      "linli.security.jwt-clock-skew=PT0S",
      // anonymous requests from 127.0.0.1 across all these tests: AnonymousLimitTest tests the
      // limit
      "linli.intake.anonymous-limit=1000000",
      "linli.intake.proof-limit=1000000"
    })
@ActiveProfiles("keycloak")
// Spring Boot's tests switch metrics export off unless asked: without this there is no Prometheus
// scrape endpoint to find on the metrics port
@AutoConfigureObservability(tracing = false)
abstract class KeycloakIT {

  static KeycloakServer keycloak() {
    return KeycloakServer.get();
  }

  @DynamicPropertySource
  static void keycloakUrl(DynamicPropertyRegistry r) {
    r.add("linli.keycloak.url", () -> keycloak().url);
    // no demo secrets (InsecureSettingsGuard): the clients' regenerated secrets and a fresh key
    r.add(
        "spring.security.oauth2.client.registration.keycloak.client-secret",
        () -> keycloak().secrets.get("linli-webapp"));
    r.add("plugin.identity.keycloak.client-secret", () -> keycloak().secrets.get("linli-identity"));
    r.add("linli.keycloak.org-sync.client-secret", () -> keycloak().secrets.get("linli-org-sync"));
    r.add("linli.crypto.key", () -> CRYPTO_KEY);
    // the internal metrics port (LINLI_METRICS_PORT), on a port free when the context starts
    r.add("linli.metrics.port", () -> METRICS_PORT);
  }

  static final int METRICS_PORT = freePort();

  private static int freePort() {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static final String CRYPTO_KEY = randomKey();

  private static String randomKey() {
    byte[] key = new byte[32];
    new java.security.SecureRandom().nextBytes(key);
    return java.util.Base64.getEncoder().encodeToString(key);
  }
}
