package io.linli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a plain socket, for requests that HTTP clients refuse to send: raw bytes in header
 * values (UTF-8 text, control characters), NUL in a multipart file name. One request per
 * connection ({@code Connection: close}); the answer is read to the end.
 */
public final class RawHttp {

  private RawHttp() {}

  public record Answer(int status, String head, String body) {}

  /** @param head the request line and headers, without the blank line; bytes as ISO-8859-1 */
  public static Answer send(int port, String head, byte[] body) throws IOException {
    try (Socket s = new Socket("localhost", port)) {
      s.setSoTimeout(60_000);
      OutputStream out = s.getOutputStream();
      StringBuilder h = new StringBuilder(head);
      h.append("\r\nHost: localhost:").append(port).append("\r\nConnection: close");
      if (body != null) h.append("\r\nContent-Length: ").append(body.length);
      h.append("\r\n\r\n");
      out.write(h.toString().getBytes(StandardCharsets.ISO_8859_1));
      if (body != null) out.write(body);
      out.flush();
      InputStream in = s.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      String text = all.toString(StandardCharsets.UTF_8);
      int split = text.indexOf("\r\n\r\n");
      String responseHead = split < 0 ? text : text.substring(0, split);
      String responseBody = split < 0 ? "" : text.substring(split + 4);
      int status = Integer.parseInt(responseHead.substring(9, 12));
      return new Answer(status, responseHead, responseBody);
    }
  }

  /** A header value as the UTF-8 bytes of {@code text}, which a strict server sees as ISO-8859-1. */
  public static String utf8Bytes(String text) {
    return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }
}
