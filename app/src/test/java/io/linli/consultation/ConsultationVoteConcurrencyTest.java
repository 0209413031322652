package io.linli.consultation;

import static io.linli.consultation.ConsultationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.linli.LinliSpringTest;
import io.linli.TestHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * Integration tier: the 33 building representatives of 地铁首座小区 vote at the same moment over HTTP,
 * each also sending the same vote a second time in the same burst, against the real PostgreSQL.
 * Every first vote is accepted, every duplicate refused with 409, and the tally is exact: no vote
 * lost, none counted twice.
 */
@LinliSpringTest
class ConsultationVoteConcurrencyTest {

  private static final Logger log = LoggerFactory.getLogger(ConsultationVoteConcurrencyTest.class);
  static final int AGREE = 20;
  static final int DISAGREE = 8;
  static final int ABSTAIN = 5;
  static final int BURSTS = 3;

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired ConsultationScenario scenario;
  @Autowired Topics topics;
  @Autowired Rounds rounds;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void init() {
    AbstractAssertions.init(engine);
    scenario.pinClock();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  @DisplayName("33名楼栋代表同时表决（每人同时重复提交一次）：33票全部计入，重复票全部409，计票准确")
  void thirtyThreeConcurrentVotesAreCountedExactlyOnce() throws Exception {
    RestClient http = TestHttp.client(port);
    ExecutorService pool = Executors.newFixedThreadPool(2 * ConsultationScenario.REPRESENTATIVES);
    try {
      for (int burst = 1; burst <= BURSTS; burst++) {
        ConsultationScenario.Topic t =
            scenario.accepted(TopicCategory.PUBLIC_FACILITY, "大门增设人脸识别系统（第" + burst + "次并发表决）");
        scenario.scheduleMeeting(t, Duration.ofDays(1));
        assertThat(scenario.voteTasks(t)).hasSize(33);

        CountDownLatch start = new CountDownLatch(1);
        List<Future<Attempt>> attempts = new ArrayList<>();
        for (int n = 1; n <= ConsultationScenario.REPRESENTATIVES; n++) {
          String rep = ConsultationScenario.representative(n);
          VoteChoice choice =
              n <= AGREE
                  ? VoteChoice.AGREE
                  : n <= AGREE + DISAGREE ? VoteChoice.DISAGREE : VoteChoice.ABSTAIN;
          for (int copy = 0; copy < 2; copy++) {
            attempts.add(
                pool.submit(
                    () -> {
                      start.await();
                      var r =
                          http.post()
                              .uri("/api/consultations/{no}/votes", t.topicNo())
                              .header("X-Linli-User", rep)
                              .contentType(MediaType.APPLICATION_JSON)
                              .body(Map.of("vote", choice.name()))
                              .retrieve()
                              .toEntity(String.class);
                      return new Attempt(rep, r.getStatusCode().value(), r.getBody());
                    }));
          }
        }
        long began = System.nanoTime();
        start.countDown();
        List<Attempt> done = new ArrayList<>();
        for (Future<Attempt> f : attempts) done.add(f.get(60, TimeUnit.SECONDS));
        long burstMillis = (System.nanoTime() - began) / 1_000_000;

        // every representative: exactly one vote accepted, the duplicate refused
        Map<String, List<Integer>> byRep =
            done.stream()
                .collect(
                    Collectors.groupingBy(
                        Attempt::rep, Collectors.mapping(Attempt::status, Collectors.toList())));
        assertThat(byRep).hasSize(33);
        assertThat(byRep.values())
            .allSatisfy(
                statuses -> Assertions.assertThat(statuses).containsExactlyInAnyOrder(201, 409));

        long topicId = topics.find(t.topicNo()).orElseThrow().id();
        Map<String, Long> stored =
            jdbc
                .sql(
                    "select choice, count(*) from consultation_vote where topic_id = ? and round = 1 group by choice")
                .param(topicId)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(stored)
            .containsExactlyInAnyOrderEntriesOf(
                Map.of(
                    "AGREE", (long) AGREE, "DISAGREE", (long) DISAGREE, "ABSTAIN", (long) ABSTAIN));
        assertThat(scenario.voteTasks(t)).as("every vote task completed").isEmpty();

        // the last vote closed the vote in its own transaction: nothing is left for the job
        // executor
        Assertions.assertThat(scenario.executeDueJobs(t)).isZero();
        assertThat(t.instance())
            .hasPassed(TASK_TALLY_VOTES)
            .hasNotPassed(TIMER_VOTE_CLOSED)
            .isWaitingAt(TASK_PLAN_EXECUTION);
        Rounds.Meeting m = rounds.meeting(topicId, 1).orElseThrow();
        assertThat(List.of(m.eligible(), m.agree(), m.disagree(), m.abstain()))
            .containsExactly(33, AGREE, DISAGREE, ABSTAIN);
        assertThat(m.outcome()).isEqualTo(VoteOutcome.AGREED);
        log.info(
            "burst {}: 66 concurrent vote requests (33 representatives x2) in {} ms; "
                + "{} accepted, {} refused; tally {}/{}/{} of {}",
            burst,
            burstMillis,
            done.stream().filter(a -> a.status() == 201).count(),
            done.stream().filter(a -> a.status() == 409).count(),
            m.agree(),
            m.disagree(),
            m.abstain(),
            m.eligible());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  record Attempt(String rep, int status, String body) {}
}
