package io.linli.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.linli.LinliSpringTest;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Integration tier: watch tokens are random, stored hashed, valid for their own case only, expire
 * after {@code linli.intake.watch-token-ttl} and end when revoked; the encryption key does not
 * yield one.
 */
@LinliSpringTest
class WatchTokensTest {

  @Autowired WatchTokens tokens;
  @Autowired ContactCipher cipher;
  @Autowired TestRestTemplate http;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private String report() {
    var r =
        http.postForEntity(
            "/api/grievances",
            Map.of("communityCode", "tfsq", "category", "OTHER", "description", "楼道灯不亮"),
            Map.class);
    assertThat(r.getStatusCode().value()).isEqualTo(201);
    return (String) r.getBody().get("caseNo");
  }

  @Test
  @DisplayName("观看令牌只对本案有效，到期失效，可吊销；不能由密钥算出")
  void tokensAreRandomScopedExpiringAndRevocable() {
    String a = report();
    String b = report();
    String token = tokens.issue(a);
    assertThat(tokens.valid(a, token)).isTrue();
    assertThat(tokens.valid(b, token)).as("another case").isFalse();
    assertThat(tokens.issue(a)).as("random, not derived from the case").isNotEqualTo(token);
    assertThat(tokens.valid(a, cipher.pseudonym("GRIEVANCE", a)))
        .as("the key's HMAC of the case")
        .isFalse();

    ClockUtil.setCurrentTime(Date.from(java.time.Instant.now().plus(Duration.ofDays(91))));
    assertThat(tokens.valid(a, token)).as("expired after 90 days").isFalse();
    ClockUtil.reset();

    String fresh = tokens.issue(b);
    assertThat(tokens.revoke(b)).isPositive();
    assertThat(tokens.valid(b, fresh)).as("revoked").isFalse();
  }
}
