package io.linli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Searches the whole database (every table of the public schema, every column of a text, character,
 * JSON, XML or array type, and every bytea column) for personal values, in every encoding the app
 * or the engine writes them: as given, URL-encoded (UTF-8, upper- and lower-case hex), JSON-escaped
 * ({@code \}{@code uXXXX} for every non-ASCII character, both cases), and base64 of the UTF-8 bytes
 * at any of the three byte alignments. Binary values are read as UTF-8 (which also covers Java
 * serialization's modified UTF-8 for these characters) and, where a decryptor is given, decrypted
 * first; ciphertext under a key the decryptor lacks cannot be searched.
 */
public final class PersonalDataSearch {

  private final JdbcClient jdbc;
  private final Function<byte[], String> decrypt;

  /** Encoded form → "label (encoding)". */
  private final Map<String, String> forms = new LinkedHashMap<>();

  public PersonalDataSearch(
      JdbcClient jdbc, Map<String, String> values, Function<byte[], String> decrypt) {
    this.jdbc = jdbc;
    this.decrypt = decrypt;
    values.forEach(
        (label, v) -> {
          forms.put(v, label + " (plain)");
          String url = java.net.URLEncoder.encode(v, StandardCharsets.UTF_8);
          forms.putIfAbsent(url, label + " (URL-encoded)");
          forms.putIfAbsent(url.toLowerCase(), label + " (URL-encoded)");
          forms.putIfAbsent(jsonEscaped(v, false), label + " (JSON \\u)");
          forms.putIfAbsent(jsonEscaped(v, true), label + " (JSON \\u)");
          for (String b : base64(v)) forms.putIfAbsent(b, label + " (base64)");
        });
  }

  /** Every encoded form searched for. */
  public List<String> forms() {
    return List.copyOf(forms.keySet());
  }

  /** Which encoded forms of which values occur in a text: "label (encoding)". */
  public List<String> in(String text) {
    List<String> found = new ArrayList<>();
    forms.forEach(
        (f, label) -> {
          if (text.contains(f)) found.add(label);
        });
    return found.stream().distinct().toList();
  }

  /** Where any value still is: "table.column: label (encoding)". */
  public List<String> hits() {
    List<String> hits = new ArrayList<>();
    List<Map<String, Object>> columns =
        jdbc.sql(
                """
            select c.table_name, c.column_name, c.data_type from information_schema.columns c
            join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
            where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
              and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'xml',
                                  'ARRAY', 'bytea')
            order by 1, 2""")
            .query()
            .listOfRows();
    String pattern =
        String.join("|", forms.keySet().stream().map(PersonalDataSearch::regex).toList());
    for (Map<String, Object> c : columns) {
      String table = "\"" + c.get("table_name") + "\"";
      String column = "\"" + c.get("column_name") + "\"";
      String at = c.get("table_name") + "." + c.get("column_name") + ": ";
      if (c.get("data_type").equals("bytea")) {
        for (byte[] v :
            jdbc.sql("select " + column + " from " + table + " where " + column + " is not null")
                .query(byte[].class)
                .list()) {
          in(new String(v, StandardCharsets.UTF_8)).forEach(h -> hits.add(at + h));
          String clear = decrypt == null ? null : decrypt.apply(v);
          if (clear != null) in(clear).forEach(h -> hits.add(at + h + ", encrypted"));
        }
      } else {
        for (String v :
            jdbc.sql(
                    "select "
                        + column
                        + "::text from "
                        + table
                        + " where "
                        + column
                        + "::text ~ ? limit 20")
                .param(pattern)
                .query(String.class)
                .list()) {
          in(v).forEach(h -> hits.add(at + h));
        }
      }
    }
    return hits.stream().distinct().sorted().toList();
  }

  private static String jsonEscaped(String v, boolean upper) {
    StringBuilder b = new StringBuilder();
    for (char ch : v.toCharArray()) {
      if (ch < 0x80) b.append(ch);
      else b.append(String.format(upper ? "\\u%04X" : "\\u%04x", (int) ch));
    }
    return b.toString();
  }

  /**
   * base64 of the value's bytes at offsets 0, 1 and 2 of a 3-byte group, without the edge
   * characters.
   */
  private static List<String> base64(String v) {
    byte[] bytes = v.getBytes(StandardCharsets.UTF_8);
    List<String> out = new ArrayList<>();
    for (int k = 0; k < 3; k++) {
      byte[] padded = new byte[k + bytes.length];
      System.arraycopy(bytes, 0, padded, k, bytes.length);
      String b = Base64.getEncoder().withoutPadding().encodeToString(padded);
      int skip = k == 0 ? 0 : k + 1;
      int end = b.length() - 3;
      if (end - skip >= 8) out.add(b.substring(skip, end));
    }
    return out;
  }

  /** A literal for PostgreSQL's regular expressions: every ASCII non-alphanumeric escaped. */
  private static String regex(String literal) {
    StringBuilder b = new StringBuilder();
    for (char ch : literal.toCharArray()) {
      if (ch < 0x80 && !Character.isLetterOrDigit(ch)) b.append('\\');
      b.append(ch);
    }
    return b.toString();
  }
}
