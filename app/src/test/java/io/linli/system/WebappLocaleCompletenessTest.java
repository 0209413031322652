package io.linli.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Plain unit test (no Spring context, no engine): the Chinese locale files we ship for the Camunda
 * 7.24 webapps ({@code META-INF/resources/webjars/camunda/app/<app>/locales/zh.json}) are complete
 * against the English files of the webjar on the test classpath.
 *
 * <p>For each of Tasklist, Cockpit, Admin and Welcome, every key path of the webjar's {@code
 * en.json} (nested keys joined with dots, array elements as {@code [i]}) must exist in {@code
 * zh.json} with a non-empty value, must not still be the English text, and must keep the {@code {{
 * placeholders }}} and moment.js {@code %s}/{@code %d} of the English text. When a Camunda upgrade
 * adds keys, this test lists them.
 */
class WebappLocaleCompletenessTest {

  static final String LOCALES = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";

  /** The webjar that ships the English originals (the app does not ship an en.json). */
  static final String WEBJAR = "camunda-webapp-webjar";

  /**
   * English texts that are correct in the Chinese UI too, compared on the whole value. Keep small.
   */
  static final Set<String> SAME_IN_CHINESE =
      Set.of(
          "Camunda", // vendor name
          "Optimize", // Camunda product name (authorization resource)
          "BPMN",
          "DMN",
          "CMMN",
          "ID",
          "CSV",
          "JSON",
          "YYYY-MM-DDTHH:mm:ss", // date pattern shown as an input placeholder
          "HH:mm"); // moment.js time pattern (dateLocales.longDateFormat.LT), 24 h in China too

  static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}|%[sd]");

  static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  @DisplayName("zh.json 含有 en.json 的全部键，且值不为空")
  void everyEnglishKeyHasAChineseValue(String app) throws IOException {
    Map<String, JsonNode> en = flatten(english(app));
    Map<String, JsonNode> zh = flatten(chinese(app));

    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : en.entrySet()) {
      JsonNode value = zh.get(e.getKey());
      if (value == null) {
        problems.add("missing: " + e.getKey());
      } else if (value.isNull() || (value.isTextual() && value.asText().isBlank())) {
        problems.add("empty:   " + e.getKey());
      }
    }
    assertNoProblems(app, "keys missing or empty", problems);
    assertThat(en).as("%s: en.json read from the webjar", app).hasSizeGreaterThan(100);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  @DisplayName("zh.json 中没有仍是英文原文的文本（允许名单除外）")
  void noEnglishTextLeft(String app) throws IOException {
    Map<String, JsonNode> en = flatten(english(app));
    Map<String, JsonNode> zh = flatten(chinese(app));

    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : en.entrySet()) {
      JsonNode value = zh.get(e.getKey());
      if (value == null || !e.getValue().isTextual() || !value.isTextual()) {
        continue; // missing keys are reported by the test above; numbers are not text
      }
      String english = e.getValue().asText();
      if (english.equals(value.asText()) && needsTranslation(english)) {
        problems.add(e.getKey() + " = \"" + english + "\"");
      }
    }
    assertNoProblems(app, "values still identical to English", problems);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  @DisplayName("zh.json 保留英文原文中的占位符 {{ … }} 和 %s/%d")
  void placeholdersAreKept(String app) throws IOException {
    Map<String, JsonNode> en = flatten(english(app));
    Map<String, JsonNode> zh = flatten(chinese(app));

    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : en.entrySet()) {
      JsonNode value = zh.get(e.getKey());
      if (value == null || !e.getValue().isTextual() || !value.isTextual()) {
        continue;
      }
      List<String> expected = placeholders(e.getValue().asText());
      List<String> actual = placeholders(value.asText());
      if (!expected.equals(actual)) {
        problems.add(e.getKey() + ": expected " + expected + " but was " + actual);
      }
    }
    assertNoProblems(app, "placeholders changed", problems);
  }

  /** Strings longer than 3 characters with letters, minus the allow-list, URLs and placeholders. */
  static boolean needsTranslation(String english) {
    if (english.length() <= 3 || SAME_IN_CHINESE.contains(english.strip())) {
      return false;
    }
    if (english.strip().matches("(?i)https?://\\S+")) {
      return false;
    }
    String text = PLACEHOLDER.matcher(english).replaceAll("");
    return text.codePoints().anyMatch(Character::isLetter);
  }

  static List<String> placeholders(String text) {
    List<String> found = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    Collections.sort(found);
    return found;
  }

  static void assertNoProblems(String app, String what, List<String> problems) {
    if (!problems.isEmpty()) {
      fail(
          "%s/locales/zh.json: %d %s:%n  %s",
          app, problems.size(), what, String.join(System.lineSeparator() + "  ", problems));
    }
  }

  /** en.json of the 7.24 webjar; chosen explicitly among all classpath hits with that path. */
  static JsonNode english(String app) throws IOException {
    String path = LOCALES.formatted(app, "en");
    List<URL> hits = Collections.list(loader().getResources(path));
    URL fromWebjar =
        hits.stream()
            .filter(u -> u.toString().contains(WEBJAR))
            .findFirst()
            .orElseThrow(() -> new AssertionError(path + " not found in " + WEBJAR + ": " + hits));
    return read(fromWebjar);
  }

  /** Our zh.json (app resources); a copy inside the webjar would not be ours. */
  static JsonNode chinese(String app) throws IOException {
    String path = LOCALES.formatted(app, "zh");
    List<URL> hits = Collections.list(loader().getResources(path));
    URL ours =
        hits.stream()
            .filter(u -> !u.toString().contains(WEBJAR))
            .findFirst()
            .orElseThrow(() -> new AssertionError(path + " not found on the classpath"));
    return read(ours);
  }

  static ClassLoader loader() {
    return WebappLocaleCompletenessTest.class.getClassLoader();
  }

  /** Jackson skips the UTF-8 byte order mark the webjar's en.json files start with. */
  static JsonNode read(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      return JSON.readTree(in);
    }
  }

  static Map<String, JsonNode> flatten(JsonNode root) {
    Map<String, JsonNode> leaves = new LinkedHashMap<>();
    flatten("", root, leaves);
    return leaves;
  }

  static void flatten(String path, JsonNode node, Map<String, JsonNode> leaves) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        String key = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        flatten(key, field.getValue(), leaves);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(path + "[" + i + "]", node.get(i), leaves);
      }
    } else {
      leaves.put(path, node);
    }
  }
}
