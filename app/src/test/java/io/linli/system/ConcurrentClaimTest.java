package io.linli.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.linli.LinliSpringTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Integration tier: two staff claiming one task through {@code /engine-rest} — exactly one wins,
 * the other gets 409 with a message saying so (never a 500), whether the engine sees the claim
 * already made or the two updates collide (optimistic locking).
 */
@LinliSpringTest
class ConcurrentClaimTest {

  static final ObjectMapper JSON = new ObjectMapper();
  final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired TaskService tasks;

  @Test
  @DisplayName("两人同时认领同一任务：一人成功，另一人得到409")
  void oneClaimWinsTheOtherIs409() throws Exception {
    for (int round = 0; round < 5; round++) {
      // given an unclaimed triage task
      String taskId = triageTaskOfNewCase();

      // when two grid workers claim it at the same moment
      CountDownLatch start = new CountDownLatch(1);
      List<CompletableFuture<HttpResponse<String>>> claims = new ArrayList<>();
      for (String user : List.of("grid1", "grid9")) {
        claims.add(
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    start.await();
                    return claim(taskId, user);
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (var c : claims) statuses.add(c.get().statusCode());

      // then one wins and the other is told, with 409, that someone was faster
      assertThat(statuses).containsExactlyInAnyOrder(204, 409);
      String loser =
          claims.stream()
              .map(CompletableFuture::join)
              .filter(r -> r.statusCode() == 409)
              .findFirst()
              .orElseThrow()
              .body();
      assertThat(JSON.readTree(loser).get("message").asText()).containsAnyOf("认领", "他人");
      assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee())
          .isIn("grid1", "grid9");
    }
  }

  @Test
  @DisplayName("认领已被他人认领的任务：409，并说明被谁认领")
  void claimingAClaimedTaskIs409() throws Exception {
    String taskId = triageTaskOfNewCase();
    assertThat(claim(taskId, "grid1").statusCode()).isEqualTo(204);
    HttpResponse<String> second = claim(taskId, "grid9");
    assertThat(second.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(second.body()).get("message").asText()).contains("grid1");
  }

  HttpResponse<String> claim(String taskId, String user) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri("/engine-rest/task/" + taskId + "/claim"))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    JSON.writeValueAsString(Map.of("userId", user))))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  String triageTaskOfNewCase() throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(uri("/api/grievances"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(
                            Map.of(
                                "communityCode",
                                "tfsq",
                                "category",
                                "PARKING",
                                "description",
                                "消防通道被占"))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String caseNo = JSON.readTree(r.body()).get("caseNo").asText();
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
    return task.getId();
  }

  URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
