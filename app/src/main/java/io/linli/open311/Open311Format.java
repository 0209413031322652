package io.linli.open311;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * GeoReport v2 answers in JSON or XML: the format is the path's extension ({@code .json}, {@code
 * .xml}) or, without one, the Accept header (JSON unless XML is asked for). XML follows the spec's
 * shape: {@code <services><service>…}, {@code <service_requests><request>…}.
 */
final class Open311Format {

  private Open311Format() {}

  static boolean xml(String format, String accept) {
    if (format != null) return "xml".equals(format.toLowerCase(Locale.ROOT));
    return accept != null && accept.contains("xml") && !accept.contains("json");
  }

  static ResponseEntity<String> answer(
      int status,
      boolean xml,
      String root,
      String element,
      List<? extends Map<String, ?>> items,
      ObjectMapper json) {
    if (!xml) {
      try {
        return ResponseEntity.status(status)
            .contentType(MediaType.APPLICATION_JSON)
            .body(json.writeValueAsString(items));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    StringBuilder b =
        new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<").append(root).append('>');
    for (Map<String, ?> item : items) {
      b.append('<').append(element).append('>');
      item.forEach((k, v) -> element(b, k, v));
      b.append("</").append(element).append('>');
    }
    b.append("</").append(root).append('>');
    return ResponseEntity.status(status)
        .contentType(new MediaType("text", "xml", java.nio.charset.StandardCharsets.UTF_8))
        .body(b.toString());
  }

  private static void element(StringBuilder b, String name, Object v) {
    if (v == null) {
      b.append('<').append(name).append("/>");
    } else if (v instanceof List<?> list) {
      b.append('<').append(name).append('>');
      for (Object o : list) {
        if (o instanceof Map<?, ?> m) {
          b.append("<attribute>");
          m.forEach((k, x) -> element(b, k.toString(), x));
          b.append("</attribute>");
        } else {
          element(b, "value", o);
        }
      }
      b.append("</").append(name).append('>');
    } else {
      b.append('<')
          .append(name)
          .append('>')
          .append(escape(v.toString()))
          .append("</")
          .append(name)
          .append('>');
    }
  }

  /**
   * Escaped element text that is always well-formed XML 1.0: a character XML forbids (C0 controls
   * other than tab and line breaks, a lone surrogate, U+FFFE/U+FFFF) becomes U+FFFD, whatever was
   * stored before the text rule refused it at input.
   */
  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      switch (cp) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> {
          if (xmlChar(cp)) out.appendCodePoint(cp);
          else out.append('\uFFFD');
        }
      }
    }
    return out.toString();
  }

  /** XML 1.0's Char production. */
  static boolean xmlChar(int cp) {
    return cp == 0x9
        || cp == 0xA
        || cp == 0xD
        || (cp >= 0x20 && cp <= 0xD7FF)
        || (cp >= 0xE000 && cp <= 0xFFFD)
        || (cp >= 0x10000 && cp <= 0x10FFFF);
  }
}
