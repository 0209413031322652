package io.linli;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The HTTP client of the integration tests: the running app on its random port, 4xx and 5xx
 * returned as answers to assert on rather than thrown. It is the JDK's client on purpose: Apache
 * HttpClient 5, which is on the classpath, would honour {@code Retry-After} on a 429 or 503 and
 * wait.
 */
public final class TestHttp {

  private TestHttp() {}

  public static RestClient client(int port) {
    return RestClient.builder()
        .requestFactory(new JdkClientHttpRequestFactory())
        .baseUrl("http://localhost:" + port)
        .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> {})
        .build();
  }
}
