package io.linli.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Each node polls the outbox and the case events; {@code linli.notification.scheduling=false} stops
 * both.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(
    name = "linli.notification.scheduling",
    havingValue = "true",
    matchIfMissing = true)
class NotificationScheduling {}
