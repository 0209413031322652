package io.linli.serviceorder;

import static io.linli.serviceorder.ServiceOrderProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.linli.LinliSpringTest;
import io.linli.TestHttp;
import io.linli.caselog.CaseLog;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Process tier, over the API: a contractor's 拒单 sends the order back to 物业派单 — the dispatch clock
 * continues from the order, the accept clock restarts at the next dispatch — in the case log.
 */
@LinliSpringTest
class OrderDeclineTest {

  @LocalServerPort int port;
  @Autowired ServiceOrderScenario scenario;
  @Autowired ManagementService management;
  @Autowired CaseLog caseLog;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;

  RestClient http;

  @BeforeEach
  void init() {
    http = TestHttp.client(port);
    scenario.pinClock();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  int decline(String orderNo, String user, Map<String, Object> body) {
    return http.post()
        .uri("/api/service-orders/{o}/decline", orderNo)
        .header("X-Linli-User", user)
        .contentType(MediaType.APPLICATION_JSON)
        .body(body)
        .exchange((req, res) -> res.getStatusCode().value());
  }

  Instant timerDue(ServiceOrderScenario.Order o, String timer) {
    return management
        .createJobQuery()
        .processInstanceId(o.instance().getId())
        .activityId(timer)
        .singleResult()
        .getDuedate()
        .toInstant();
  }

  @Test
  @DisplayName("拒单：接单机构须写原因退回派单；派单时限从下单起继续，接单时限在重新派单时重新起算")
  void declineGoesBackToDispatch() {
    ServiceOrderScenario.Order o = scenario.order("PLUMBING-01");
    Instant ordered = scenario.now();
    scenario.advance(Duration.ofMinutes(10));
    scenario.dispatchToTeam(o);
    scenario.advance(Duration.ofMinutes(5));

    assertThat(decline(o.orderNo(), "contractor1", Map.of())).as("no reason").isEqualTo(400);
    assertThat(decline(o.orderNo(), "grid1", Map.of("reason", "x")))
        .as("not the order's team")
        .isEqualTo(404);
    assertThat(decline(o.orderNo(), "contractor1", Map.of("reason", "师傅今天都已排满"))).isEqualTo(200);

    assertThat(scenario.task(o, TASK_DISPATCH).getDueDate().toInstant())
        .isEqualTo(ordered.plus(Duration.ofMinutes(30)));
    assertThat(timerDue(o, TIMER_DISPATCH_SLA))
        .as("the dispatch clock continues")
        .isEqualTo(ordered.plus(Duration.ofMinutes(30)));
    assertThat(caseLog.history(o.orderNo()))
        .anyMatch(e -> e.type() == ServiceOrderEvent.DECLINED && e.note().contains("排满"));
    assertThat(decline(o.orderNo(), "contractor1", Map.of("reason", "x")))
        .as("nothing to decline at 派单")
        .isEqualTo(404);

    scenario.advance(Duration.ofMinutes(5));
    scenario.dispatchTo(o, "worker1");
    Instant redispatched = scenario.now();
    assertThat(timerDue(o, TIMER_ACCEPT_SLA))
        .as("the accept clock restarts for the next contractor")
        .isEqualTo(redispatched.plus(Duration.ofMinutes(30)));
    scenario.accept(o, "worker1");
    assertThat(scenario.task(o, TASK_ARRIVE).getAssignee()).isEqualTo("worker1");
  }

  @Test
  @DisplayName("任务列表接单表单选择拒单：须写原因，与接口同一规则和记录，退回派单，派单时限继续；原因不进流程历史")
  void declineInTheAcceptForm() {
    ServiceOrderScenario.Order o = scenario.order("PLUMBING-01");
    Instant ordered = scenario.now();
    scenario.dispatchToTeam(o);
    scenario.advance(Duration.ofMinutes(3));
    String accept = scenario.task(o, TASK_ACCEPT).getId();
    tasks.claim(accept, "contractor1");

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> tasks.complete(accept, Map.of("acceptDecision", "DECLINE", "acceptNote", "")))
        .hasMessageContaining("请填写拒单原因");
    assertThat(scenario.task(o, TASK_ACCEPT).getId()).as("the task stays open").isEqualTo(accept);

    tasks.complete(
        accept,
        Map.of("acceptDecision", "DECLINE", "refusalReason", "该项目不在本队服务范围", "acceptNote", ""));

    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(o.instance())
        .isWaitingAt(TASK_DISPATCH)
        .hasNotPassed(TASK_ARRIVE);
    assertThat(timerDue(o, TIMER_DISPATCH_SLA))
        .as("the dispatch clock continues")
        .isEqualTo(ordered.plus(Duration.ofMinutes(30)));
    assertThat(caseLog.history(o.orderNo()))
        .filteredOn(e -> e.type() == ServiceOrderEvent.DECLINED)
        .singleElement()
        .satisfies(e -> assertThat(e.note()).isEqualTo("拒单（contractor1）：该项目不在本队服务范围"));
    assertThat(caseLog.history(o.orderNo())).noneMatch(e -> e.type() == ServiceOrderEvent.ACCEPTED);
    assertThat(
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(o.instance().getId())
                .variableName("refusalReason")
                .includeDeleted()
                .count())
        .isZero();
    assertThat(scenario.variable(o, "refusalReason")).isNull();

    scenario.dispatchTo(o, "worker1");
    Instant redispatched = scenario.now();
    assertThat(timerDue(o, TIMER_ACCEPT_SLA))
        .as("the accept clock restarts for the next contractor")
        .isEqualTo(redispatched.plus(Duration.ofMinutes(30)));
    tasks.claim(scenario.task(o, TASK_ACCEPT).getId(), "worker1");
    tasks.complete(
        scenario.task(o, TASK_ACCEPT).getId(),
        Map.of("acceptDecision", "ACCEPT", "acceptNote", ""));
    assertThat(scenario.task(o, TASK_ARRIVE).getAssignee()).isEqualTo("worker1");
  }
}
