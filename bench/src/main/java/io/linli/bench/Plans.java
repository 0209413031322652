package io.linli.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plans of the SQL the app actually runs for a request: with PostgreSQL's {@code auto_explain}
 * (loaded by {@link Sut}, idle until here) switched on for every statement ({@code
 * log_min_duration} 0, {@code log_analyze}, {@code log_buffers}), each request is sent once between
 * two marker statements, and the server log's plans between the markers are written to {@code
 * <dir>/<name>.txt}: {@code EXPLAIN (ANALYZE, BUFFERS)} of each statement as executed, with its
 * parameters bound, prepared or not, as the app ran it. Statements of the app's background polls
 * (job executor, outbox, live updates, metrics) that happen to run meanwhile are left out.
 */
final class Plans {

  private static final Logger log = LoggerFactory.getLogger(Plans.class);

  /** What the app polls in the background, whatever the request. */
  private static final Pattern BACKGROUND =
      Pattern.compile(
          "act_ru_job|act_ge_property|act_ru_meter|act_ru_ext_task|act_ru_batch|notification_outbox"
              + "|bench-plan-marker|pg_reload_conf|alter system|closed_at is null group by flow, status"
              + "|as bytea",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern ENTRY_START =
      Pattern.compile("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");

  interface Request {
    void send() throws Exception;
  }

  private final Sut sut;
  private final Path logFile;

  Plans(Sut sut) {
    this.sut = sut;
    this.logFile = sut.config.dataDir().toAbsolutePath().resolve("log/postgresql.log");
  }

  /**
   * @return the files written, or none with an external database (its log is not ours)
   */
  List<Path> capture(String title, Map<String, Request> requests) throws Exception {
    if (sut.externalDb || !Files.exists(logFile)) {
      log.warn("no plans: the server log {} is not there", logFile);
      return List.of();
    }
    long offset = Files.size(logFile);
    sut.jdbc.execute("alter system set auto_explain.log_min_duration = 0");
    sut.jdbc.execute("select pg_reload_conf()");
    Thread.sleep(1500); // every backend takes the new setting before its next statement
    Map<String, String> slugs = new LinkedHashMap<>();
    try {
      for (var r : requests.entrySet()) {
        String slug = slug(r.getKey());
        slugs.put(slug, r.getKey());
        sut.jdbc.execute("select 'bench-plan-marker " + slug + "'");
        r.getValue().send();
      }
      sut.jdbc.execute("select 'bench-plan-marker end'");
    } finally {
      sut.jdbc.execute("alter system reset auto_explain.log_min_duration");
      sut.jdbc.execute("select pg_reload_conf()");
    }
    Thread.sleep(1500); // the logger writes asynchronously
    String text;
    try (var in = Files.newInputStream(logFile)) {
      in.skipNBytes(offset);
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Map<String, List<String>> bySlug = new LinkedHashMap<>();
    String current = null;
    for (String entry : entries(text)) {
      int m = entry.indexOf("bench-plan-marker ");
      if (m >= 0) {
        String rest = entry.substring(m + "bench-plan-marker ".length());
        current =
            rest.substring(0, rest.indexOf('\'') < 0 ? rest.length() : rest.indexOf('\'')).trim();
        continue;
      }
      if (current == null || !slugs.containsKey(current) || !entry.contains("plan:")) continue;
      if (BACKGROUND.matcher(queryText(entry)).find()) continue;
      bySlug.computeIfAbsent(current, k -> new ArrayList<>()).add(entry);
    }
    Path dir = sut.config.plansDir();
    Files.createDirectories(dir);
    List<Path> written = new ArrayList<>();
    String load = Machine.snapshot().get("loadavg").toString();
    for (var s : slugs.entrySet()) {
      List<String> plans = bySlug.getOrDefault(s.getKey(), List.of());
      StringBuilder b = new StringBuilder();
      b.append("-- ")
          .append(title)
          .append(": ")
          .append(s.getValue())
          .append('\n')
          .append("-- captured ")
          .append(Instant.now())
          .append(" by bench/src/main/java/io/linli/bench/Plans.java;")
          .append(" /proc/loadavg ")
          .append(load)
          .append('\n')
          .append(
              "-- auto_explain (log_analyze, log_buffers, log_timing) of every statement the app ran for")
          .append(" one request, in order (")
          .append(plans.size())
          .append(")\n\n");
      for (String p : plans) b.append(p.strip()).append("\n\n");
      Path f = dir.resolve(s.getKey() + ".txt");
      Files.writeString(f, b.toString());
      written.add(f);
    }
    log.info("plans: {} files in {}", written.size(), dir);
    return written;
  }

  private static List<String> entries(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = null;
    for (String line : text.split("\n", -1)) {
      if (ENTRY_START.matcher(line).find()) {
        if (cur != null) out.add(cur.toString());
        cur = new StringBuilder(line).append('\n');
      } else if (cur != null) {
        cur.append(line).append('\n');
      }
    }
    if (cur != null) out.add(cur.toString());
    return out;
  }

  /** The statement's text as the log shows it (the plan follows it). */
  private static String queryText(String entry) {
    int q = entry.indexOf("Query Text:");
    return q < 0 ? entry : entry.substring(q, Math.min(entry.length(), q + 3000));
  }

  /**
   * "rates, all by company, a year" → "rates-all-by-company-a-year"; non-ASCII words kept as is.
   */
  static String slug(String name) {
    return name.replace("红黑榜", "ranking")
        .replace("督办", "duban")
        .toLowerCase(java.util.Locale.ROOT)
        .replace('+', ' ')
        .replaceAll("[\\s,()/'\"]+", "-")
        .replaceAll("-+", "-")
        .replaceAll("^-|-$", "");
  }
}
