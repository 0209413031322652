package io.linli.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The JDK HTTP client against the app under test; any status but 2xx is an error. */
final class Http {

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final String base;

  Http(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  String post(String path, String json) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(120))
            .header("Content-Type", "application/json")
            .POST(
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A POST that may run long (the read model's rebuild). */
  String post(String path, String json, Duration timeout) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  String get(String path) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120)).GET());
  }

  private String send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) {
      String body = r.body();
      throw new IOException(
          r.request().method()
              + " "
              + r.request().uri().getPath()
              + " → "
              + r.statusCode()
              + " "
              + body.substring(0, Math.min(300, body.length())));
    }
    return r.body();
  }
}
