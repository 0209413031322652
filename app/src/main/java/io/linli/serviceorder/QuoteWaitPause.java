package io.linli.serviceorder;

import io.linli.sla.SlaPauses;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 等待居民确认报价 pauses the clock of the work that follows (挂起): the 20-minute clock of a small job, the
 * committed finish of a complex one. The quote is the resident's decision, so the time it takes is
 * not the worker's: the clock pauses when the wait starts and resumes when it ends, and the work
 * task is then due that much later. Once the case's pauses reach the cap the wait no longer pauses
 * anything.
 */
@Component("quoteWaitPause")
class QuoteWaitPause implements ExecutionListener {

  static final String SMALL_FIX = "SERVICE_ORDER_SMALL_FIX";
  static final String COMMITTED = "SERVICE_ORDER_COMMITTED";

  private static final Logger log = LoggerFactory.getLogger(QuoteWaitPause.class);

  private final SlaPauses pauses;

  QuoteWaitPause(SlaPauses pauses) {
    this.pauses = pauses;
  }

  @Override
  public void notify(DelegateExecution execution) {
    ServiceOrderVariables v = new ServiceOrderVariables(execution);
    if (ExecutionListener.EVENTNAME_START.equals(execution.getEventName())) {
      Object size = execution.getVariable(ServiceOrderVariables.JOB_SIZE);
      String clock = JobSize.COMPLEX.name().equals(String.valueOf(size)) ? COMMITTED : SMALL_FIX;
      try {
        pauses.pause(
            new SlaPauses.CaseRef(
                ServiceOrderProcess.FLOW,
                v.caseId(),
                v.caseNo(),
                v.communityCode(),
                execution.getProcessInstanceId()),
            SlaPauses.Kind.QUOTE_DECISION,
            "报价已出，等待居民确认",
            null,
            List.of(clock),
            "system");
      } catch (SlaPauses.Refused e) {
        log.info("{}: the quote wait does not pause: {}", v.caseNo(), e.getMessage());
      }
    } else {
      pauses.resume(v.caseNo(), "resident", "居民已答复报价，恢复计时");
    }
  }
}
