package io.linli.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Integration tier (its own context, embedded PostgreSQL): a duration overridden in configuration
 * changes the running system's timers and due dates, with the same models; so does a counting mode.
 */
@SpringBootTest(
    properties = {
      "camunda.bpm.job-execution.enabled=false",
      // its own engine name: the shared test context's engine stays the JVM's "default", which
      // /engine-rest and the webapps look up by name (docs/stack-notes.md)
      "camunda.bpm.process-engine-name=sla-override",
      "linli.embedded-postgres.clean=true",
      "linli.embedded-postgres.port=",
      "linli.embedded-postgres.data-directory=${java.io.tmpdir}/linli-test-${random.uuid}",
      "linli.sla.grievance.general.respond=PT5S",
      "linli.sla.escalation.community=PT10S",
      // a 督办 counts working days by default; ten seconds round the clock, whatever the weekday
      "linli.sla.counting.escalation.community=wall-clock"
    })
@AutoConfigureMockMvc
// A context of its own: it runs after the tests of the shared test context, whose /engine-rest and
// webapps look their engine up in the JVM-wide registry that a second context disturbs.
@org.junit.jupiter.api.Order(Integer.MAX_VALUE - 5)
class SlaOverrideTest {

  @Autowired MockMvc mvc;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired SlaLedger ledger;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  @DisplayName("linli.sla.grievance.general.respond=PT5S：一般问题5秒超时即督办")
  void shortRespondClockEscalates() throws Exception {
    String body =
        mvc.perform(
                MockMvcRequestBuilders.post("/api/grievances")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"communityCode\":\"tfsq\",\"category\":\"ENVIRONMENT\",\"description\":\"楼道堆物\"}"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String caseNo =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).get("caseNo").asText();
    String pi =
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(caseNo)
            .singleResult()
            .getId();

    Task triage = tasks.createTaskQuery().processInstanceId(pi).singleResult();
    Job timer = management.createJobQuery().processInstanceId(pi).timers().singleResult();
    Object reportedAt = runtime.getVariable(pi, "reportedAt");
    long reported = ((java.util.Date) reportedAt).getTime();
    assertThat(timer.getDuedate().getTime() - reported).isEqualTo(5_000);
    assertThat(triage.getDueDate().getTime() - reported).isEqualTo(5_000);

    ClockUtil.setCurrentTime(new java.util.Date(reported + 6_000));
    management.executeJob(timer.getId());
    assertThat(ledger.entriesOf(caseNo))
        .singleElement()
        .satisfies(
            e ->
                assertThat(Duration.between(e.dueAt(), e.occurredAt()))
                    .isEqualTo(Duration.ofSeconds(1)));
    Task supervise =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(caseNo)
            .taskDefinitionKey("Task_SuperviseCommunity")
            .singleResult();
    assertThat(supervise.getDueDate().getTime()).isEqualTo(reported + 16_000);
  }
}
