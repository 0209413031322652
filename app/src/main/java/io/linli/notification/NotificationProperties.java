package io.linli.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code linli.notification.*}.
 *
 * @param publicUrl where residents reach Linli (links in messages)
 * @param batchSize rows one dispatcher pass claims
 * @param maxAttempts attempts before a row is FAILED for good
 * @param backoff first retry delay; doubles per attempt up to {@code maxBackoff}
 * @param smsUrl the HTTP SMS gateway; blank: SMS rows fail as 未配置
 */
@ConfigurationProperties("linli.notification")
record NotificationProperties(
    @DefaultValue("http://localhost:8080") String publicUrl,
    @DefaultValue("20") int batchSize,
    @DefaultValue("8") int maxAttempts,
    @DefaultValue("PT30S") Duration backoff,
    @DefaultValue("PT1H") Duration maxBackoff,
    @DefaultValue("linli@localhost") String mailFrom,
    @DefaultValue("") String smsUrl,
    @DefaultValue("PT5S") Duration smsTimeout) {}
