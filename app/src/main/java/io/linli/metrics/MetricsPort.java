package io.linli.metrics;

import org.apache.catalina.connector.Connector;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A second HTTP port for Prometheus ({@code linli.metrics.port}, env {@code LINLI_METRICS_PORT}),
 * meant for the internal network only: in the {@code keycloak} profile {@code /actuator/prometheus}
 * answers on this port alone, without a token, and this port answers nothing else
 * (identity.KeycloakSecurity). Health stays on the main port, where load balancers ask for it.
 * Unset: no second port.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${linli.metrics.port:}' != ''")
class MetricsPort {

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> metricsConnector(
      @Value("${linli.metrics.port}") int port) {
    return factory -> {
      Connector connector = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
      connector.setPort(port);
      factory.addAdditionalTomcatConnectors(connector);
    };
  }
}
