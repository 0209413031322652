package io.linli.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Plain unit test (no Spring context): what the headers of the Camunda 7.24 webapps show.
 *
 * <p>Camunda's "migrate to Camunda 8" banner ({@code div.ce-eol-banner}, which the community
 * build's header renders for everyone; 7.24.0 has no config.js option for it) is hidden by our
 * {@code styles/user-styles.css} in all four apps — checked against the webjar on the classpath, so
 * an upgrade that renames the banner or stops loading user-styles.css fails here. The welcome
 * page's heading is its app name (config.js {@code app.name}, default "Welcome"), in Chinese.
 */
class WebappHeaderTest {

  static final String APP = "META-INF/resources/webjars/camunda/app/%s/";
  static final Pattern HIDES_BANNER =
      Pattern.compile("\\.ce-eol-banner\\s*\\{[^}]*display\\s*:\\s*none", Pattern.DOTALL);

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  @DisplayName("不向用户显示 Camunda 8 迁移横幅")
  void camunda8BannerIsHidden(String app) throws IOException {
    String bundle = read(app, "camunda-" + app + "-bootstrap.js", true);
    assertThat(bundle)
        .as("%s: the 7.24 header still renders the banner this way", app)
        .contains("class=\"ce-eol-banner\"");
    assertThat(read(app, "index.html", true))
        .as("%s/index.html loads user-styles.css", app)
        .contains("/app/" + app + "/styles/user-styles.css");
    assertThat(read(app, "styles/user-styles.css", false))
        .as("%s/styles/user-styles.css hides .ce-eol-banner", app)
        .containsPattern(HIDES_BANNER);
  }

  @Test
  @DisplayName("欢迎页标题为中文")
  void welcomeHeadingIsChinese() throws IOException {
    // 7.24: the heading of the login page and the header is configuration.getAppName(), which is
    // config.js app.name or else "Welcome"; no locale key translates it.
    assertThat(read("welcome", "camunda-welcome-bootstrap.js", true))
        .contains("(window.camWelcomeConf,\"Welcome\")")
        .contains("{{ appName }}");
    String config = read("welcome", "scripts/config.js", false);
    Matcher name = Pattern.compile("(?m)^\\s*app:\\s*\\{\\s*name:\\s*'([^']*)'").matcher(config);
    assertThat(name.find()).as("welcome/scripts/config.js sets app.name").isTrue();
    assertThat(name.group(1)).isEqualTo("欢迎页");
  }

  /** A file of the webjar ({@code webjar}) or ours (the app's resources, which override it). */
  static String read(String app, String file, boolean webjar) throws IOException {
    String path = APP.formatted(app) + file;
    List<URL> hits = Collections.list(WebappHeaderTest.class.getClassLoader().getResources(path));
    URL url =
        hits.stream()
            .filter(u -> u.toString().contains(WebappLocaleCompletenessTest.WEBJAR) == webjar)
            .findFirst()
            .orElseThrow(
                () ->
                    new AssertionError(
                        path + (webjar ? " not in the webjar: " : " not ours: ") + hits));
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
