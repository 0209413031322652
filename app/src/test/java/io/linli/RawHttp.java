package io.linli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a plain socket, for requests that HTTP clients refuse to send: raw bytes in header
 * values (UTF-8 text, control characters), NUL in a multipart file name. One request per connection
 * ({@code Connection: close}); the answer is read to the end.
 */
public final class RawHttp {

  private RawHttp() {}

  public record Answer(int status, String head, String body) {}

  /**
   * @param head the request line and headers, without the blank line; bytes as ISO-8859-1
   */
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
      byte[] bytes = all.toByteArray();
      int split = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
      String responseHead =
          new String(bytes, 0, split < 0 ? bytes.length : split, StandardCharsets.ISO_8859_1);
      byte[] rest =
          split < 0 ? new byte[0] : java.util.Arrays.copyOfRange(bytes, split + 4, bytes.length);
      if (responseHead.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked"))
        rest = dechunk(rest);
      int status = Integer.parseInt(responseHead.substring(9, 12));
      return new Answer(status, responseHead, new String(rest, StandardCharsets.UTF_8));
    }
  }

  static byte[] dechunk(byte[] in) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < in.length) {
      int eol = indexOf(in, new byte[] {'\r', '\n'}, i);
      if (eol < 0) break;
      String size = new String(in, i, eol - i, StandardCharsets.US_ASCII).split(";")[0].trim();
      int n = size.isEmpty() ? 0 : Integer.parseInt(size, 16);
      if (n == 0) break;
      out.write(in, eol + 2, Math.min(n, in.length - eol - 2));
      i = eol + 2 + n + 2;
    }
    return out.toByteArray();
  }

  static int indexOf(byte[] hay, byte[] needle, int from) {
    outer:
    for (int i = from; i <= hay.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
      return i;
    }
    return -1;
  }

  /**
   * A header value as the UTF-8 bytes of {@code text}, which a strict server sees as ISO-8859-1.
   */
  public static String utf8Bytes(String text) {
    return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }
}
