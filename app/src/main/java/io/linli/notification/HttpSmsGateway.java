package io.linli.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * POSTs {@code {"to": "+86…", "text": "…"}} as JSON to {@code linli.notification.sms-url} with an
 * {@code Idempotency-Key} header; any 2xx is accepted, anything else (or a timeout) is retried.
 */
class HttpSmsGateway implements SmsGateway {

  private final URI url;
  private final ObjectMapper json;
  private final HttpClient http;
  private final java.time.Duration timeout;

  HttpSmsGateway(String url, java.time.Duration timeout, ObjectMapper json) {
    this.url = url == null || url.isBlank() ? null : URI.create(url);
    this.json = json;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  @Override
  public boolean configured() {
    return url != null;
  }

  @Override
  public void send(String e164, String text, String idempotencyKey) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .header("Content-Type", "application/json; charset=utf-8")
            .header("Idempotency-Key", idempotencyKey)
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    json.writeValueAsString(Map.of("to", e164, "text", text))))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException("SMS gateway answered HTTP " + response.statusCode());
    }
  }
}
