package io.linli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver end to end with a few dozen cases per part (not a benchmark: the figures mean nothing
 * at this size): every part runs against a real app and PostgreSQL without an error, the copies
 * made by {@link CloneFill} are complete enough for the engine to complete their tasks, every clock
 * due in the escalation runs ends with its ledger row and 督办 task, and the results files are
 * written.
 */
class BenchSmokeTest {

  @TempDir Path dir;

  @Test
  void everyPartRunsAndWritesItsResults() throws Exception {
    // given: tiny sizes, free ports, a throw-away database
    BenchConfig config =
        new BenchConfig(
            true,
            "abcde",
            true,
            4,
            4,
            4,
            5,
            20, // intake warm-up, count
            10,
            2, // intake open-loop: per second, seconds per path
            60,
            200, // open tasks: through the intake, then copies
            3,
            10, // completions warm-up, count
            1,
            5, // queries
            20,
            5,
            3,
            300, // burst, steady rate, seconds, timeout
            2000,
            0,
            0,
            dir.resolve("pgdata"),
            dir.resolve("results"),
            false,
            dir.resolve("plans"));

    // when
    Path md = Bench.run(config);

    // then
    JsonNode r = Bench.json().readTree(dir.resolve("results/latest.json").toFile());
    assertThat(Files.readString(md)).contains("| (a) intake |", "| (e) Tasklist |");
    assertThat(r.at("/a_intake/linli/count").asInt()).isEqualTo(20);
    assertThat(r.at("/a_intake/engine/count").asInt()).isEqualTo(20);
    assertThat(r.at("/a_intake/steadyLinli/count").asInt()).isEqualTo(20);
    assertThat(r.at("/a_intake/steadyEngine/count").asInt()).isEqualTo(20);
    assertThat(r.at("/memory/peakRssMiB").asLong()).isPositive();
    assertThat(r.at("/fill_large/casesCopied").asInt()).isPositive();
    assertThat(r.at("/fill_large/openTasksAfter").asLong()).isGreaterThanOrEqualTo(200);
    for (String size : new String[] {"small", "large"}) {
      for (String path : new String[] {"linli", "raw"}) {
        assertThat(r.at("/b_completion/" + size + "/" + path + "/count").asInt()).isEqualTo(10);
      }
    }
    assertThat(r.at("/c_escalation/burst/ledgerRows").asInt()).isEqualTo(20);
    assertThat(r.at("/c_escalation/burst/supervisionTasks").asInt()).isEqualTo(20);
    assertThat(r.at("/c_escalation/steady/ledgerRows").asInt()).isEqualTo(15);
    assertThat(r.at("/d_supervision/grievanceCases").asLong()).isGreaterThanOrEqualTo(2000);
    assertThat(r.at("/d_supervision/small/rebuild/outcomes").asLong())
        .as("the read model at a tenth")
        .isGreaterThanOrEqualTo(200);
    assertThat(r.at("/d_supervision/p95LargeOverSmall").size()).isEqualTo(12);
    assertThat(r.at("/e_tasklist/unclaimed/matching").asLong()).isPositive();
    assertThat(dir.resolve("plans/d-rates-all-by-company-a-year.txt"))
        .content()
        .as("the plan of the SQL the app ran for the request")
        .contains("supervision_month", "Buffers:");
    assertThat(dir.resolve("plans/e-unclaimed-first-page.txt"))
        .content()
        .containsIgnoringCase("act_ru_task");
    assertThat(r.findValues("errors")).allSatisfy(e -> assertThat(e.asInt()).isZero());
  }
}
