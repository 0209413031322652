package io.linli.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linli.LinliSpringTest;
import io.linli.RawHttp;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Integration tier, default profile: a corpus of bad inputs sent to every endpoint of {@code
 * /api/**}, {@code /open311/**} and {@code /supervision/api/**}, enumerated from Spring MVC's
 * handler mapping so that a new endpoint is covered without editing this test. Write endpoints get
 * every field of their body (JSON record components, Open311's form fields, the photo's multipart
 * part) replaced in turn by each bad value, plus whole-body attacks (malformed JSON, wrong types
 * and content types, raw invalid UTF-8, deep nesting) and header attacks (non-ASCII bytes); every
 * endpoint gets its path variables and query parameters attacked. No answer may be a 5xx, and no
 * body may carry a Java type name or a stack trace. Requests go over a raw socket, so nothing is
 * "fixed" by a client library on the way.
 *
 * <p>Runs late (it creates a few hundred cases) and only before the coverage report.
 */
@LinliSpringTest
@Order(Integer.MAX_VALUE - 1)
class BadInputCorpusTest {

  /** Text a resident, a client or an attacker may send. */
  static final List<String> TEXT =
      List.of(
          "\u0000",
          "a\u0000b",
          "\uD800",
          "x\uDC00y",
          "\uDBFF\uDBFF",
          "\u202E反转文字",
          "\u2066隔离\u2069",
          "零\u200B宽",
          "\uFEFF前缀",
          "a\u200Db",
          "响铃\u0007",
          "\u009B",
          "\u001B[31m红",
          "\u007F",
          "行\u2028分",
          "\uFB2C".repeat(50),
          "\uFB2C".repeat(700),
          "字".repeat(2001),
          "x".repeat(10_000),
          "e\u0301".repeat(1100),
          "😀👨‍👩‍👧",
          "𠀀𪚥𰻝",
          "",
          "   ",
          "null",
          "<script>alert(1)</script>",
          "' or 1=1 --",
          "%00",
          "../../etc/passwd",
          "９９９",
          "\uFFFE\uFFFF",
          "\uE000私用区");

  /** Non-text JSON values for any field. */
  static final List<String> JSON_VALUES =
      List.of(
          "123",
          "-1",
          "0",
          "1.5",
          "1e400",
          "-1e400",
          "99999999999999999999999999999",
          "-9223372036854775809",
          "true",
          "null",
          "[]",
          "{}",
          "[1,2,3]",
          "\"2026-13-45\"",
          "\"-999999999-01-01T00:00:00Z\"",
          "\"+999999999-12-31T23:59:59Z\"",
          "\"bogus\"",
          "\"NaN\"",
          "\"Infinity\"");

  /** Whole bodies for a JSON endpoint. */
  static final List<String> JSON_BODIES =
      List.of(
          "",
          "{",
          "{\"a\":",
          "[]",
          "null",
          "\"text\"",
          "123",
          "{\"x\":1}{",
          "{'single':'quotes'}",
          "[".repeat(5000) + "]".repeat(5000),
          "{\"a\":" + "9".repeat(2000) + "}",
          "\u0000",
          "{\"a\":\"\\ud800\"}",
          "{\"description\":\"a\",\"description\":\"b\"}");

  /** Percent-encoded values for a path variable or query parameter (raw bytes included). */
  static final List<String> URL_VALUES =
      List.of(
          "%00",
          "a%00b",
          "%ED%A0%80",
          "%E2%80%AE",
          "%07",
          "%C0%80",
          "%FF",
          "%EF%AC%AC",
          "%F0%9F%98%80",
          "..%2F..%2Fetc",
          "%252e",
          "-999999999-01-01T00:00:00Z",
          "99999999999999999999",
          "-1",
          "1e400",
          "x".repeat(3000),
          "bogus",
          "%E5%B1%85%E6%B0%91");

  @LocalServerPort int port;
  @Autowired ObjectMapper json;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mapping;

  final List<String> failures = new ArrayList<>();
  final Set<String> endpoints = new TreeSet<>();

  /**
   * Handler methods already given the full corpus; another path to the same one gets a smoke set.
   */
  final Set<java.lang.reflect.Method> attacked = new java.util.HashSet<>();

  int sent;
  int fiveXx;
  Map<String, String> pathValues;

  @Test
  @DisplayName("坏输入语料：每个 /api、/open311、/supervision/api 端点，无 5xx，无 Java 类名或堆栈")
  void noFiveHundredAndNoInternals() throws Exception {
    long started = System.nanoTime();
    pathValues = validPathValues();
    for (var e : mapping.getHandlerMethods().entrySet()) {
      RequestMappingInfo info = e.getKey();
      HandlerMethod handler = e.getValue();
      Set<String> patterns = info.getPatternValues();
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      boolean sse =
          info.getProducesCondition()
              .getProducibleMediaTypes()
              .contains(MediaType.TEXT_EVENT_STREAM);
      for (String pattern : patterns) {
        if (!(pattern.startsWith("/api/")
            || pattern.startsWith("/open311/")
            || pattern.startsWith("/supervision/api/"))) {
          continue;
        }
        for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
          endpoints.add(m + " " + pattern);
          if (!attacked.add(handler.getMethod())) {
            // the same code behind a second path (.json/.xml, /api/supervision and
            // /supervision/api)
            send(
                m.name(),
                path(pattern, Map.of()),
                null,
                m == RequestMethod.GET ? null : new byte[0],
                List.of("X-Note: " + RawHttp.utf8Bytes("居民")));
            attackPathVariables(
                m.name(), pattern, handler, null, m == RequestMethod.GET ? null : new byte[0]);
          } else if (m == RequestMethod.GET) {
            getEndpoint(pattern, handler, sse);
          } else {
            writeEndpoint(m.name(), pattern, info, handler);
          }
        }
      }
    }
    long seconds = (System.nanoTime() - started) / 1_000_000_000;
    System.out.printf(
        "bad-input corpus: %d requests to %d endpoints in %d s, %d answered 5xx, %d failures%n",
        sent, endpoints.size(), seconds, fiveXx, failures.size());
    endpoints.forEach(p -> System.out.println("  covered: " + p));
    assertThat(endpoints)
        .as("write endpoints found")
        .anyMatch(p -> p.startsWith("POST /api/grievances"))
        .anyMatch(p -> p.startsWith("PUT /api/service-catalogue"))
        .anyMatch(p -> p.startsWith("POST /open311"));
    assertThat(failures)
        .as("%d of %d requests answered 5xx or showed internals", failures.size(), sent)
        .isEmpty();
  }

  // ---------------------------------------------------------------- the endpoints

  void getEndpoint(String pattern, HandlerMethod handler, boolean sse) throws Exception {
    List<String> params = new ArrayList<>(requestParams(handler));
    String valid = path(pattern, Map.of());
    if (!sse) {
      for (String p : params) {
        for (String v : URL_VALUES)
          send("GET", valid + "?" + p + "=" + v + validParams(params, p), null, null, List.of());
        send(
            "GET",
            valid + "?" + p + "=1&" + p + "=2" + validParams(params, p),
            null,
            null,
            List.of());
      }
      send("GET", valid, null, null, List.of("X-Note: " + RawHttp.utf8Bytes("居民")));
    }
    attackPathVariables("GET", pattern, handler, null, null);
  }

  void writeEndpoint(String method, String pattern, RequestMappingInfo info, HandlerMethod handler)
      throws Exception {
    Set<MediaType> consumes = info.getConsumesCondition().getConsumableMediaTypes();
    List<String> params = new ArrayList<>(requestParams(handler));
    String query = validParams(params, null);
    String valid = path(pattern, Map.of()) + (query.isEmpty() ? "" : "?" + query.substring(1));
    List<String> headers = List.of();
    if (consumes.contains(MediaType.MULTIPART_FORM_DATA)) {
      multipart(method, valid);
      attackPathVariables(
          method,
          pattern,
          handler,
          "multipart/form-data; boundary=b0undary",
          multipartBody("photo", "a.png", png()));
      return;
    }
    Parameter body = bodyParameter(handler);
    if (consumes.contains(MediaType.APPLICATION_FORM_URLENCODED)
        || (body != null && MultiValueMap.class.isAssignableFrom(body.getType()))) {
      form(method, valid);
      attackPathVariables(
          method,
          pattern,
          handler,
          MediaType.APPLICATION_FORM_URLENCODED_VALUE,
          formBody(open311Form()).getBytes(StandardCharsets.US_ASCII));
      return;
    }
    Map<String, String> base = body == null ? Map.of() : validBody(body.getType());
    byte[] validBody = jsonBody(base);
    String type = MediaType.APPLICATION_JSON_VALUE;
    if (body != null && body.getType().isRecord()) {
      for (RecordComponent c : body.getType().getRecordComponents()) {
        for (String s : TEXT)
          send(method, valid, type, jsonBody(with(base, c.getName(), jsonString(s))), headers);
        for (String v : JSON_VALUES)
          send(method, valid, type, jsonBody(with(base, c.getName(), v)), headers);
      }
    }
    for (String b : JSON_BODIES)
      send(method, valid, type, b.getBytes(StandardCharsets.UTF_8), headers);
    byte[] invalidUtf8 = {
      '{',
      '"',
      'a',
      '"',
      ':',
      '"',
      (byte) 0xED,
      (byte) 0xA0,
      (byte) 0x80,
      (byte) 0xC0,
      (byte) 0x80,
      (byte) 0xFF,
      '"',
      '}'
    };
    send(method, valid, type, invalidUtf8, headers);
    for (String ct :
        List.of(
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/json; charset=bogus",
            "application/json; charset=UTF-16",
            "bogus",
            "")) {
      send(method, valid, ct, validBody, headers);
    }
    send(method, valid, type, validBody, List.of("X-Note: " + RawHttp.utf8Bytes("居民")));
    send(method, valid, type, validBody, List.of("X-Linli-User: " + RawHttp.utf8Bytes("楼栋代表")));
    send(method, valid, type, validBody, List.of("Idempotency-Key: " + RawHttp.utf8Bytes("键é")));
    send(method, valid, type, validBody, List.of("Idempotency-Key: " + "k".repeat(2000)));
    attackPathVariables(method, pattern, handler, type, validBody);
  }

  void multipart(String method, String path) throws Exception {
    String type = "multipart/form-data; boundary=b0undary";
    for (String name :
        List.of(
            "a\u0000.png",
            RawHttp.utf8Bytes("照片\u202E.png"),
            "a\u0007.png",
            RawHttp.utf8Bytes("😀.png"),
            "x".repeat(5000),
            "",
            "../../etc/passwd",
            "a\".png")) {
      send(method, path, type, multipartBody("photo", name, png()), List.of());
    }
    send(method, path, type, multipartBody("photo\u0000", "a.png", png()), List.of());
    send(method, path, type, multipartBody("other", "a.png", png()), List.of());
    send(method, path, type, multipartBody("photo", "a.png", new byte[0]), List.of());
    send(
        method,
        path,
        type,
        multipartBody("photo", "a.png", "GIF89a not really".getBytes(StandardCharsets.US_ASCII)),
        List.of());
    byte[] truncated = png();
    send(
        method,
        path,
        type,
        multipartBody("photo", "a.png", java.util.Arrays.copyOf(truncated, truncated.length / 2)),
        List.of());
    send(
        method,
        path,
        type,
        "--b0undary\r\nContent-Disposition: form-data; name=\"photo\""
            .getBytes(StandardCharsets.US_ASCII),
        List.of());
    send(method, path, "multipart/form-data", multipartBody("photo", "a.png", png()), List.of());
    send(
        method,
        path,
        "multipart/form-data; boundary=" + "b".repeat(100),
        multipartBody("photo", "a.png", png()),
        List.of());
    send(method, path, "application/json", "{}".getBytes(StandardCharsets.US_ASCII), List.of());
  }

  void form(String method, String path) throws Exception {
    Map<String, String> base = open311Form();
    String type = MediaType.APPLICATION_FORM_URLENCODED_VALUE;
    List<String> fields = new ArrayList<>(base.keySet());
    fields.addAll(
        List.of(
            "address_string",
            "first_name",
            "last_name",
            "email",
            "device_id",
            "account_id",
            "media_url",
            "lat",
            "long",
            "phone"));
    for (String f : new LinkedHashSet<>(fields)) {
      for (String s : TEXT)
        send(
            method,
            path,
            type,
            formBody(with(base, f, percent(s))).getBytes(StandardCharsets.US_ASCII),
            List.of());
      for (String v : URL_VALUES)
        send(
            method,
            path,
            type,
            formBody(with(base, f, v)).getBytes(StandardCharsets.US_ASCII),
            List.of());
    }
    for (String ct :
        List.of("application/json", "text/plain", "multipart/form-data; boundary=x", "")) {
      send(method, path, ct, formBody(base).getBytes(StandardCharsets.US_ASCII), List.of());
    }
    send(method, path, type, new byte[] {'a', '=', (byte) 0xFF, '&', (byte) 0xC0, '='}, List.of());
    send(
        method,
        path,
        type,
        formBody(base).getBytes(StandardCharsets.US_ASCII),
        List.of("X-Note: " + RawHttp.utf8Bytes("居民")));
  }

  void attackPathVariables(
      String method, String pattern, HandlerMethod handler, String type, byte[] body)
      throws Exception {
    for (String name : variables(pattern)) {
      if (name.equals("format")) continue;
      String query = validParams(new ArrayList<>(requestParams(handler)), null);
      for (String v : URL_VALUES) {
        send(
            method,
            path(pattern, Map.of(name, v)) + (query.isEmpty() ? "" : "?" + query.substring(1)),
            type,
            body,
            List.of());
      }
    }
  }

  // ---------------------------------------------------------------- sending and checking

  static final Pattern INTERNALS =
      Pattern.compile(
          "(java|javax|jakarta|org\\.springframework|org\\.camunda|org\\.apache|com\\.fasterxml|org\\.postgresql|io\\.linli)\\.[a-z]"
              + "|[A-Z][A-Za-z]*(Exception|Error)\\b|\\tat |\\.java:\\d+\\)");

  void send(String method, String path, String type, byte[] body, List<String> headers)
      throws Exception {
    StringBuilder head =
        new StringBuilder(method)
            .append(' ')
            .append(path)
            .append(" HTTP/1.1\r\nX-Linli-User: rep01");
    if (type != null) head.append("\r\nContent-Type: ").append(type);
    for (String h : headers) head.append("\r\n").append(h);
    RawHttp.Answer a;
    try {
      a =
          RawHttp.send(
              port, head.toString(), body == null && !method.equals("GET") ? new byte[0] : body);
    } catch (java.io.IOException e) {
      failures.add(describe(method, path, body) + " → no answer: " + e);
      return;
    }
    sent++;
    if (a.status() >= 500) fiveXx++;
    String answerBody = a.body();
    Matcher m = INTERNALS.matcher(answerBody);
    if (a.status() >= 500 || m.find()) {
      failures.add(
          describe(method, path, body)
              + " → "
              + a.status()
              + " "
              + answerBody.substring(0, Math.min(300, answerBody.length())));
    }
  }

  static String describe(String method, String path, byte[] body) {
    String b = body == null ? "" : new String(body, StandardCharsets.UTF_8);
    return method + " " + abbreviate(path) + (b.isEmpty() ? "" : " " + abbreviate(b));
  }

  static String abbreviate(String s) {
    return s.length() <= 160 ? s : s.substring(0, 160) + "…(" + s.length() + ")";
  }

  // ---------------------------------------------------------------- valid values to mutate from

  /** A grievance, a service order and a topic to aim the case-specific endpoints at. */
  Map<String, String> validPathValues() throws Exception {
    Map<String, String> m = new LinkedHashMap<>();
    JsonNode g =
        json.readTree(
            RawHttp.send(
                    port,
                    "POST /api/grievances HTTP/1.1\r\nContent-Type: application/json",
                    jsonBody(validBody(grievanceRecord())))
                .body());
    JsonNode o =
        json.readTree(
            RawHttp.send(
                    port,
                    "POST /api/service-orders HTTP/1.1\r\nContent-Type: application/json",
                    "{\"communityCode\":\"tfsq\",\"estateCode\":\"dtsz\",\"itemCode\":\"PLUMBING-01\",\"description\":\"水管漏水\",\"contactPhone\":\"13800001234\"}"
                        .getBytes(StandardCharsets.UTF_8))
                .body());
    JsonNode t =
        json.readTree(
            RawHttp.send(
                    port,
                    "POST /api/consultations HTTP/1.1\r\nContent-Type: application/json",
                    ("{\"communityCode\":\"tfsq\",\"estateCode\":\"dtsz\",\"category\":\"PUBLIC_FACILITY\",\"title\":\"加装电梯\","
                            + "\"description\":\"3栋加装电梯\",\"proposerRole\":\"RESIDENT\",\"contactPhone\":\"13800001234\"}")
                        .getBytes(StandardCharsets.UTF_8))
                .body());
    m.put("caseNo", g.get("caseNo").asText());
    m.put("id", g.get("caseNo").asText());
    m.put("token", g.get("watchToken").asText());
    m.put("orderNo", o.get("orderNo").asText());
    m.put("topicNo", t.get("topicNo").asText());
    m.put("flow", "grievance");
    m.put("code", "PLUMBING-01");
    m.put("communityCode", "tfsq");
    m.put("community", "tfsq");
    m.put("estate", "dtsz");
    m.put("building", "b3");
    m.put("month", "2026-06");
    m.put("quarter", "2026-Q2");
    m.put("format", "json");
    return m;
  }

  Class<?> grievanceRecord() throws Exception {
    return Class.forName("io.linli.grievance.GrievanceController$ReportRequest");
  }

  /** JSON values of a request record that the endpoint accepts, by field name, else by type. */
  Map<String, String> validBody(Class<?> type) {
    Map<String, String> known = new LinkedHashMap<>();
    known.put("communityCode", "\"tfsq\"");
    known.put("estateCode", "\"dtsz\"");
    known.put("buildingCode", "\"b3\"");
    known.put("description", "\"楼道灯坏了\"");
    known.put("contactName", "\"周女士\"");
    known.put("contactPhone", "\"13800001234\"");
    known.put("phone", "\"13800001234\"");
    known.put("itemCode", "\"PLUMBING-01\"");
    known.put("comment", "\"好\"");
    known.put("workerId", "\"worker1\"");
    known.put("accept", "true");
    known.put("reason", "\"价格偏高\"");
    known.put("paidFen", "100");
    known.put("categoryCode", "\"PLUMBING\"");
    known.put("name", "\"测试项目\"");
    known.put("pricing", "\"LOW_FEE\"");
    known.put("referencePriceFen", "100");
    known.put("unit", "\"次\"");
    known.put("feeRate", "0.05");
    known.put("changedBy", "\"property1\"");
    known.put("note", "\"备注\"");
    known.put("title", "\"议题标题\"");
    known.put("proposerRole", "\"RESIDENT\"");
    known.put("vote", "\"AGREE\"");
    known.put(
        "grievanceCaseNo",
        pathValues == null ? "\"GR-2026-000001\"" : "\"" + pathValues.get("caseNo") + "\"");
    Map<String, String> body = new LinkedHashMap<>();
    if (!type.isRecord()) return body;
    for (RecordComponent c : type.getRecordComponents()) {
      String v = known.get(c.getName());
      if (v == null) v = byType(c.getType());
      if (v != null) body.put(c.getName(), v);
    }
    return body;
  }

  static String byType(Class<?> t) {
    if (t.isEnum()) return "\"" + t.getEnumConstants()[0] + "\"";
    if (t == String.class || Collection.class.isAssignableFrom(t)) return null;
    if (t == Long.class || t == Integer.class || t == long.class || t == int.class) return "1";
    if (t == Boolean.class || t == boolean.class) return "true";
    if (t == BigDecimal.class) return "0.05";
    return null;
  }

  Map<String, String> open311Form() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("jurisdiction_id", "tfsq");
    m.put("service_code", "WATER_POWER");
    m.put("address_id", "dfhy.b7");
    m.put("description", percent("7栋地下室漏水"));
    return m;
  }

  // ---------------------------------------------------------------- encoding

  static Map<String, String> with(Map<String, String> base, String key, String value) {
    Map<String, String> m = new LinkedHashMap<>(base);
    m.put(key, value);
    return m;
  }

  static byte[] jsonBody(Map<String, String> fields) {
    StringBuilder b = new StringBuilder("{");
    fields.forEach(
        (k, v) ->
            b.append(b.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
    return b.append('}').toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A JSON string with every non-ASCII character escaped, so lone surrogates travel intact. */
  static String jsonString(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') b.append('\\').append(c);
      else if (c < 0x20 || c > 0x7E) b.append(String.format("\\u%04x", (int) c));
      else b.append(c);
    }
    return b.append('"').toString();
  }

  /** Percent-encoding of UTF-8, lone surrogates as their three (invalid) CESU bytes. */
  static String percent(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      byte[] bytes;
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        bytes = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
        i++;
      } else if (Character.isSurrogate(c)) {
        bytes =
            new byte[] {
              (byte) (0xE0 | (c >> 12)),
              (byte) (0x80 | ((c >> 6) & 0x3F)),
              (byte) (0x80 | (c & 0x3F))
            };
      } else {
        bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
      }
      for (byte x : bytes) {
        int u = x & 0xFF;
        if ((u >= 'a' && u <= 'z')
            || (u >= 'A' && u <= 'Z')
            || (u >= '0' && u <= '9')
            || u == '-'
            || u == '.') {
          b.append((char) u);
        } else {
          b.append('%').append(String.format("%02X", u));
        }
      }
    }
    return b.toString();
  }

  static String formBody(Map<String, String> fields) {
    StringBuilder b = new StringBuilder();
    fields.forEach((k, v) -> b.append(b.length() > 0 ? "&" : "").append(k).append('=').append(v));
    return b.toString();
  }

  static byte[] multipartBody(String part, String fileName, byte[] content) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(
        ("--b0undary\r\nContent-Disposition: form-data; name=\""
                + part
                + "\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: image/png\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
    out.write(content);
    out.write("\r\n--b0undary--\r\n".getBytes(StandardCharsets.ISO_8859_1));
    return out.toByteArray();
  }

  static byte[] png() throws Exception {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    javax.imageio.ImageIO.write(
        new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB),
        "png",
        png);
    return png.toByteArray();
  }

  // ---------------------------------------------------------------- handler introspection

  static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z]+)(:[^}]*)?}");

  static List<String> variables(String pattern) {
    List<String> out = new ArrayList<>();
    Matcher m = VARIABLE.matcher(pattern);
    while (m.find()) out.add(m.group(1));
    return out;
  }

  /** The pattern with valid values, except the given ones (already encoded). */
  String path(String pattern, Map<String, String> attacks) {
    Matcher m = VARIABLE.matcher(pattern);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String v = attacks.getOrDefault(name, pathValues.getOrDefault(name, "x"));
      m.appendReplacement(b, Matcher.quoteReplacement(v));
    }
    m.appendTail(b);
    return b.toString();
  }

  static Parameter bodyParameter(HandlerMethod handler) {
    for (Parameter p : handler.getMethod().getParameters()) {
      if (p.isAnnotationPresent(RequestBody.class)) return p;
    }
    return null;
  }

  /**
   * Query parameter names: {@code @RequestParam} and the components of a {@code @ModelAttribute}
   * record.
   */
  static Set<String> requestParams(HandlerMethod handler) {
    Set<String> out = new LinkedHashSet<>();
    for (Parameter p : handler.getMethod().getParameters()) {
      RequestParam rp = p.getAnnotation(RequestParam.class);
      if (rp != null)
        out.add(
            !rp.name().isEmpty() ? rp.name() : !rp.value().isEmpty() ? rp.value() : p.getName());
      if (p.isAnnotationPresent(ModelAttribute.class) && p.getType().isRecord()) {
        for (RecordComponent c : p.getType().getRecordComponents()) out.add(c.getName());
      }
      if (p.isAnnotationPresent(RequestHeader.class) || p.isAnnotationPresent(RequestPart.class))
        continue;
    }
    return out;
  }

  String validParams(List<String> params, String except) {
    StringBuilder b = new StringBuilder();
    for (String p : params) {
      if (p.equals(except)) continue;
      if (p.equals("token")) b.append("&token=").append(pathValues.get("token"));
      if (p.equals("jurisdiction_id")) b.append("&jurisdiction_id=tfsq");
    }
    return b.toString();
  }
}
