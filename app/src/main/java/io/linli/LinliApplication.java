package io.linli;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Linli (邻里): case handling for residential communities on Camunda 7. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LinliApplication {

  public static void main(String[] args) {
    if (Boolean.getBoolean("linli.run.term-exits-zero")) termExitsZero();
    SpringApplication.run(LinliApplication.class, args);
  }

  /**
   * The README's run command ({@code spring-boot:run}, which sets {@code
   * linli.run.term-exits-zero}) reports any exit status but 0 and 130 (SIGINT's) as a BUILD
   * FAILURE, and a JVM ended by SIGTERM exits with 143. There, SIGTERM exits with 0 instead,
   * through the same shutdown hooks (Spring's graceful close). A deployed jar keeps the JVM's
   * default.
   */
  private static void termExitsZero() {
    try {
      sun.misc.Signal.handle(
          new sun.misc.Signal("TERM"),
          s -> new Thread(() -> System.exit(0), "term-exits-zero").start());
    } catch (IllegalArgumentException e) {
      // no SIGTERM on this platform: nothing to change
    }
  }
}
