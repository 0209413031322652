package io.linli;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Linli (邻里): case handling for residential communities on Camunda 7. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LinliApplication {

  public static void main(String[] args) {
    SpringApplication.run(LinliApplication.class, args);
  }
}
