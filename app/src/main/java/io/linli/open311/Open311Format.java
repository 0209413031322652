package io.linli.open311;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * GeoReport v2 answers in JSON or XML: the format is the path's extension ({@code .json},
 * {@code .xml}) or, without one, the Accept header (JSON unless XML is asked for). XML follows the
 * spec's shape: {@code <services><service>…}, {@code <service_requests><request>…}.
 */
final class Open311Format {

  private Open311Format() {}

  static boolean xml(String format, String accept) {
    if (format != null) return "xml".equals(format.toLowerCase(Locale.ROOT));
    return accept != null && accept.contains("xml") && !accept.contains("json");
  }

  static ResponseEntity<String> answer(int status, boolean xml, String root, String element,
      List<? extends Map<String, ?>> items, ObjectMapper json) {
    if (!xml) {
      try {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
            .body(json.writeValueAsString(items));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<").append(root).append('>');
    for (Map<String, ?> item : items) {
      b.append('<').append(element).append('>');
      item.forEach((k, v) -> element(b, k, v));
      b.append("</").append(element).append('>');
    }
    b.append("</").append(root).append('>');
    return ResponseEntity.status(status).contentType(new MediaType("text", "xml", java.nio.charset.StandardCharsets.UTF_8))
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
      b.append('<').append(name).append('>').append(escape(v.toString())).append("</").append(name).append('>');
    }
  }

  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
